package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Placement rules for village-level units and their demand points (hamlets and
// blocks). All distances in metres.
const (
	villageCandidates  = 40   // best-candidate sampling: draws per village
	villageFromBorder  = 350  // a village centre keeps this far inside its township
	villageFromSeat    = 1300 // villages leave the town centre to the communities
	hamletMinRadius    = 350  // hamlets lie this far or more from their village centre
	hamletMaxRadius    = 2500 // and no farther than this
	hamletSpacing      = 250  // between any two hamlets
	hamletFromBorder   = 150
	communityWeight    = 2.5 // a unit with blocks (town centre, built-up seat) holds 2.5 times a village's people
	hamletCentreWeight = 2.0 // the centre hamlet holds twice an average hamlet
)

// samplePoly draws a uniform point in the ring by rejection from its bbox.
func samplePoly(r *rand.Rand, ring []pt) pt {
	lo, hi := ring[0], ring[0]
	for _, p := range ring {
		lo = pt{math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)}
		hi = pt{math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)}
	}
	for {
		p := pt{uniform(r, lo.X, hi.X), uniform(r, lo.Y, hi.Y)}
		if inPoly(ring, p) {
			return p
		}
	}
}

func minDist(p pt, qs []pt) float64 {
	d := math.Inf(1)
	for _, q := range qs {
		d = math.Min(d, p.dist(q))
	}
	return d
}

// placeVillages places every village-level unit and its demand points, and
// apportions the township's population to them. Rules (README "Villages"):
//   - a town's communities take block centres of its town grid, spread by
//     best-candidate (first the block nearest the seat); in a subdistrict only
//     the share of communities equal to the share of its area under blocks does,
//     and the others are placed like villages (peri-urban communities);
//   - villages are spread over the township by best-candidate sampling: of 40
//     uniform draws inside the polygon (away from its border, the town centre
//     and the reservoir), the one farthest from every unit placed before;
//   - every block of a grid goes to the nearest community of its township (to
//     the nearest unit when the township has no community on a block);
//   - a community with blocks has its blocks as demand points; every other unit
//     (a village also keeps its blocks) gets hamlets: 3-8 (3-5 in the hills),
//     the first at its centre, the others best-candidate in its neighbourhood.
func placeVillages(w *world) error {
	for _, t := range w.T {
		if err := placeTownship(w, t); err != nil {
			return err
		}
	}
	return nil
}

func placeTownship(w *world, t *township) error {
	r := stream("villages", t.Code)
	var blocks []*block
	for _, g := range w.Grids {
		for _, b := range g.Blocks {
			if b.T == t {
				blocks = append(blocks, b)
			}
		}
	}
	var coms, vils []*village
	for _, v := range t.Villages {
		if v.Community {
			coms = append(coms, v)
		} else {
			vils = append(vils, v)
		}
	}
	var placed []pt
	okSite := func(p pt, fromBorder float64) bool {
		return inPoly(t.Poly, p) && distToRing(t.Poly, p) >= fromBorder && !inPoly(w.Water.Obstacle, p)
	}
	// Communities on blocks: all of a town's; in a subdistrict, a share equal
	// to the share of its polygon covered by blocks (at least one if any).
	onBlockN := len(coms)
	if t.Urban && len(coms) > 0 {
		cell := 0.0
		for _, g := range w.Grids {
			for _, b := range g.Blocks {
				if b.T == t {
					cell += g.Spacing * g.Spacing
				}
			}
		}
		onBlockN = int(math.Round(float64(len(coms)) * math.Min(1, cell/area(t.Poly))))
		if onBlockN == 0 && len(blocks) > 0 {
			onBlockN = 1
		}
	}
	taken := map[*block]bool{}
	var onBlocks []*village
	for _, c := range coms[:onBlockN] {
		var best *block
		bd := math.Inf(-1)
		for _, b := range blocks {
			if taken[b] {
				continue
			}
			score := -b.C.dist(t.Seat)
			if len(onBlocks) > 0 {
				score = minDist(b.C, placed)
			}
			if score > bd {
				best, bd = b, score
			}
		}
		if best == nil {
			break
		}
		taken[best] = true
		c.Centre = best.C
		c.InCore = true
		placed = append(placed, c.Centre)
		onBlocks = append(onBlocks, c)
	}
	// Remaining communities and the villages spread over the township.
	var rest []*village
	for _, c := range coms {
		if !c.InCore {
			rest = append(rest, c)
		}
	}
	vils = append(rest, vils...)
	seatArea := villageFromSeat
	if t.Urban {
		seatArea = 600
	}
	for _, v := range vils {
		p, err := bestCandidate(r, t, append(placed, t.Seat), func(p pt) bool {
			return okSite(p, villageFromBorder) && p.dist(t.Seat) >= float64(seatArea) && !inCore(p)
		})
		if err != nil && v.Community {
			// a subdistrict that lies wholly in the built-up area
			p, err = bestCandidate(r, t, append(placed, t.Seat), func(p pt) bool { return okSite(p, villageFromBorder) })
		}
		if err != nil {
			return fmt.Errorf("gen: %s unit %s: %w", t.NameEn, v.Code, err)
		}
		v.Centre = p
		placed = append(placed, p)
	}
	// Blocks to communities (or to the nearest unit).
	owners := onBlocks
	if len(owners) == 0 {
		owners = t.Villages
	}
	for _, b := range blocks {
		var best *village
		bd := math.Inf(1)
		for _, v := range owners {
			if d := v.Centre.dist(b.C); d < bd {
				best, bd = v, d
			}
		}
		b.V = best
	}
	// Hamlets for every unit without blocks, then weights and populations.
	centres := make([]pt, 0, len(t.Villages)+1)
	for _, v := range t.Villages {
		centres = append(centres, v.Centre)
	}
	centres = append(centres, t.Seat)
	var hamlets []pt
	for _, v := range t.Villages {
		var own []*block
		for _, b := range blocks {
			if b.V == v {
				own = append(own, b)
			}
		}
		if len(own) > 0 && v.Community {
			for _, b := range own {
				v.Points = append(v.Points, &demandPoint{P: b.C, Block: true, V: v})
			}
			continue
		}
		for _, b := range own {
			v.Points = append(v.Points, &demandPoint{P: b.C, Block: true, V: v})
		}
		n := 3 + r.IntN(6)
		if t.Hill {
			n = 3 + r.IntN(3)
		}
		v.Points = append(v.Points, &demandPoint{P: v.Centre, V: v})
		hamlets = append(hamlets, v.Centre)
		others := make([]pt, 0, len(centres))
		for _, c := range centres {
			if c != v.Centre {
				others = append(others, c)
			}
		}
		reach := math.Min(hamletMaxRadius, 0.55*minDist(v.Centre, others))
		mine := []pt{v.Centre}
		for k := 1; k < n; k++ {
			var best pt
			bd := -1.0
			for c := 0; c < 25; c++ {
				ang := uniform(r, 0, 2*math.Pi)
				rad := math.Sqrt(uniform(r, hamletMinRadius*hamletMinRadius, reach*reach+1))
				p := v.Centre.add(pt{math.Cos(ang), math.Sin(ang)}.mul(rad))
				if !okSite(p, hamletFromBorder) || inCore(p) || minDist(p, others) < p.dist(v.Centre) || minDist(p, hamlets) < hamletSpacing {
					continue
				}
				if d := minDist(p, mine); d > bd {
					best, bd = p, d
				}
			}
			if bd < 0 {
				continue // no room: the unit keeps fewer hamlets
			}
			mine = append(mine, best)
			hamlets = append(hamlets, best)
			v.Points = append(v.Points, &demandPoint{P: best, V: v})
		}
	}
	// Populations: units by weight, then points by weight; exact integers.
	wts := make([]float64, len(t.Villages))
	for i, v := range t.Villages {
		v.Weight = uniform(r, 0.8, 1.2)
		for _, d := range v.Points {
			if d.Block {
				v.Weight *= communityWeight
				break
			}
		}
		wts[i] = v.Weight
	}
	for i, p := range apportion(t.Pop, wts) {
		v := t.Villages[i]
		v.Pop = p
		pw := make([]float64, len(v.Points))
		for k, d := range v.Points {
			switch {
			case d.Block:
				pw[k] = uniform(r, 0.7, 1.3)
			case k == 0 || d.P == v.Centre:
				pw[k] = hamletCentreWeight
			default:
				pw[k] = uniform(r, 0.5, 1.5)
			}
		}
		for k, q := range apportion(p, pw) {
			v.Points[k].Pop = q
			v.Points[k].ID = fmt.Sprintf("%s-%02d", v.Code, k+1)
		}
	}
	return nil
}

// bestCandidate returns, of villageCandidates uniform draws in the township
// that ok accepts, the one farthest from the points placed so far.
func bestCandidate(r *rand.Rand, t *township, placed []pt, ok func(pt) bool) (pt, error) {
	var best pt
	bd := -1.0
	tries := 0
	for got := 0; got < villageCandidates && tries < 20000; tries++ {
		p := samplePoly(r, t.Poly)
		if !ok(p) {
			continue
		}
		got++
		d := minDist(p, placed)
		if len(placed) == 0 {
			d = 0
		}
		if d > bd {
			best, bd = p, d
		}
	}
	if bd < 0 {
		return pt{}, fmt.Errorf("no room for a village-level unit")
	}
	return best, nil
}

// sortedPoints returns every demand point, by id.
func sortedPoints(w *world) []*demandPoint {
	var out []*demandPoint
	for _, t := range w.T {
		for _, v := range t.Villages {
			out = append(out, v.Points...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
