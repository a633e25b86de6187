package main

import (
	"fmt"
	"math"
	"sort"
)

// outline returns the schematic county outline, derived from the seats and
// the facts' areas only: each seat gets a disc of radius alpha*sqrt(A/pi); the
// outline is the star-shaped boundary of their union seen from the area-weighted
// mean of the seats (one ray per degree, the farthest disc exit), smoothed by a
// moving average over 21 degrees, with alpha found by bisection so that the
// outline's area is the county's 2,906 km2. It returns the ring and alpha.
func outline(ts []*township) ([]pt, float64) {
	var c pt
	wsum := 0.0
	for _, t := range ts {
		c = c.add(t.Seat.mul(t.AreaTarget))
		wsum += t.AreaTarget
	}
	c = c.mul(1 / wsum)
	ring := func(alpha float64) []pt {
		const n = 360
		r := make([]float64, n)
		for k := range r {
			u := bearing(float64(k))
			for _, t := range ts {
				rho := alpha * math.Sqrt(t.AreaTarget*1e6/math.Pi)
				d := t.Seat.sub(c)
				b := u.dot(d)
				disc := rho*rho - d.dot(d) + b*b
				if disc >= 0 {
					r[k] = math.Max(r[k], b+math.Sqrt(disc))
				}
			}
		}
		out := make([]pt, n)
		for k := range out {
			s := 0.0
			for j := -10; j <= 10; j++ {
				s += r[(k+j+n)%n]
			}
			// bearings run clockwise; emit counter-clockwise
			out[n-1-k] = c.add(bearing(float64(k)).mul(s / 21))
		}
		return out
	}
	lo, hi := 0.5, 3.0
	for k := 0; k < 50; k++ {
		a := (lo + hi) / 2
		if area(ring(a))/1e6 < countyAreaKm2 {
			lo = a
		} else {
			hi = a
		}
	}
	a := (lo + hi) / 2
	return ring(a), a
}

// powerCells clips the outline into the power diagram of the seats with
// weights w. Each cell is clipped by the nearest seats first, so that it is
// small before the far half-planes (which rarely cut) are tried.
func powerCells(ol []pt, ts []*township, w []float64) [][]pt {
	cells := make([][]pt, len(ts))
	order := make([]int, 0, len(ts))
	for i, ti := range ts {
		order = order[:0]
		for j := range ts {
			if j != i {
				order = append(order, j)
			}
		}
		sort.Slice(order, func(a, b int) bool {
			da, db := ts[order[a]].Seat.dist(ti.Seat), ts[order[b]].Seat.dist(ti.Seat)
			return da < db || (da == db && order[a] < order[b])
		})
		c := ol
		for _, j := range order {
			tj := ts[j]
			n := tj.Seat.sub(ti.Seat).mul(2)
			k := tj.Seat.dot(tj.Seat) - ti.Seat.dot(ti.Seat) - w[j] + w[i]
			c = clipHalf(c, n, k)
		}
		cells[i] = c
	}
	return cells
}

// seatMargin is the least distance kept between a seat and the border with a
// neighbour seat at distance d: 1.5 km, or 35% of d for close seats.
func seatMargin(d float64) float64 { return math.Min(1500, 0.35*d) }

// fitPower finds weights whose cells have areas close to the targets (the
// facts' areas, scaled to the outline), keeping every seat at least seatMargin
// inside its own cell. It is the usual iteration w_i += eta (target_i - area_i)
// followed by a projection of each pair's weight difference onto its bounds.
//
// Anchors are points that must fall in a given cell (the Huangcai Reservoir,
// which the facts put in Huangcai Town): after each step, a weight pair that
// would give an anchor to another cell is moved just enough to give it back.
func fitPower(ol []pt, ts []*township, anchors []anchor) ([][]pt, []float64) {
	total := area(ol)
	tsum := 0.0
	for _, t := range ts {
		tsum += t.AreaTarget
	}
	target := make([]float64, len(ts))
	for i, t := range ts {
		target[i] = t.AreaTarget * 1e6 * total / (tsum * 1e6)
	}
	w := make([]float64, len(ts))
	var cells [][]pt
	project := func(reps int) {
		for rep := 0; rep < reps; rep++ {
			holdAnchors(ts, w, anchors)
			for i := range ts {
				for j := i + 1; j < len(ts); j++ {
					d := ts[i].Seat.dist(ts[j].Seat)
					m := seatMargin(d)
					hi := 2 * d * (d/2 - m) // bound on |w_i - w_j|
					diff := w[i] - w[j]
					if diff > hi {
						e := (diff - hi) / 2
						w[i] -= e
						w[j] += e
					} else if diff < -hi {
						e := (-hi - diff) / 2
						w[i] += e
						w[j] -= e
					}
				}
			}
		}
	}
	prev := make([]float64, len(w))
	for it := 0; it < 600; it++ {
		copy(prev, w)
		cells = powerCells(ol, ts, w)
		for i := range ts {
			w[i] += 0.4 * (target[i] - area(cells[i]))
		}
		project(4)
		moved := 0.0
		for i := range w {
			moved = math.Max(moved, math.Abs(w[i]-prev[i]))
		}
		if moved < 1e3 { // m2: the borders move by well under a metre
			break
		}
	}
	project(200)
	return powerCells(ol, ts, w), w
}

type anchor struct {
	Cell int
	P    pt
}

// holdAnchors moves weights so that each anchor lies in its cell with a
// power margin of 1e6 m2 (about 100 m at these seat distances).
func holdAnchors(ts []*township, w []float64, anchors []anchor) {
	for _, a := range anchors {
		i := a.Cell
		pi := a.P.sub(ts[i].Seat)
		for j := range ts {
			if j == i {
				continue
			}
			pj := a.P.sub(ts[j].Seat)
			v := (pi.dot(pi) - w[i]) - (pj.dot(pj) - w[j]) + 1e6
			if v > 0 {
				w[i] += v / 2
				w[j] -= v / 2
			}
		}
	}
}

// wiggleCells turns the straight cell borders into gently irregular ones. Each
// border between two cells is displaced once (midpoint displacement seeded by
// its two end vertices), and both cells use the same curve, so the cells still
// tile the outline without gaps or overlaps.
func wiggleCells(cells [][]pt) ([][]pt, error) {
	// Canonical vertices: cell corners closer than 1 m are the same vertex.
	var verts []pt
	vid := func(p pt) int {
		for i, v := range verts {
			if v.near(p, 1) {
				return i
			}
		}
		verts = append(verts, p)
		return len(verts) - 1
	}
	rings := make([][]int, len(cells))
	for i, c := range cells {
		var r []int
		for _, p := range c {
			id := vid(p)
			if len(r) > 0 && r[len(r)-1] == id {
				continue
			}
			r = append(r, id)
		}
		for len(r) > 1 && r[0] == r[len(r)-1] {
			r = r[:len(r)-1]
		}
		if len(r) < 3 {
			return nil, fmt.Errorf("gen: township cell %d degenerated", i)
		}
		rings[i] = r
	}
	// Split every edge at the canonical vertices lying on it (T-junctions), so
	// that both neighbours describe a shared border with the same vertices.
	for i, r := range rings {
		var out []int
		for k, a := range r {
			b := r[(k+1)%len(r)]
			out = append(out, a)
			pa, pb := verts[a], verts[b]
			type on struct {
				t  float64
				id int
			}
			var ons []on
			for v, pv := range verts {
				if v == a || v == b {
					continue
				}
				t := projSeg(pv, pa, pb)
				if t > 0 && t < 1 && distToSeg(pv, pa, pb) < 1 {
					ons = append(ons, on{t, v})
				}
			}
			sort.Slice(ons, func(x, y int) bool { return ons[x].t < ons[y].t })
			for _, o := range ons {
				out = append(out, o.id)
			}
		}
		rings[i] = out
	}
	curves := map[[2]int][]pt{}
	curve := func(a, b int) []pt { // interior points from a to b
		key := [2]int{min(a, b), max(a, b)}
		c, ok := curves[key]
		if !ok {
			pa, pb := verts[key[0]], verts[key[1]]
			r := stream("border", fmt.Sprintf("%.0f,%.0f,%.0f,%.0f", pa.X, pa.Y, pb.X, pb.Y))
			var rec func(p, q pt, depth int) []pt
			rec = func(p, q pt, depth int) []pt {
				l := p.dist(q)
				if l < 400 || depth > 6 {
					return nil
				}
				m := lerp(p, q, 0.5).add(q.sub(p).perp().unit().mul(l * 0.09 * uniform(r, -1, 1)))
				return append(append(rec(p, m, depth+1), m), rec(m, q, depth+1)...)
			}
			c = rec(pa, pb, 0)
			curves[key] = c
		}
		if a < b {
			return c
		}
		rev := make([]pt, len(c))
		for i := range c {
			rev[i] = c[len(c)-1-i]
		}
		return rev
	}
	out := make([][]pt, len(cells))
	for i, r := range rings {
		var ring []pt
		for k, a := range r {
			b := r[(k+1)%len(r)]
			ring = append(ring, verts[a])
			ring = append(ring, curve(a, b)...)
		}
		out[i] = ring
	}
	return out, nil
}

// sharedBorders returns, for each pair of cells, the length of their shared
// border in metres (pairs with none are absent), keyed by sorted index pairs.
func sharedBorders(cells [][]pt) map[[2]int]float64 {
	type edge struct{ a, b pt }
	key := func(p pt) [2]int64 { return [2]int64{int64(math.Round(p.X * 10)), int64(math.Round(p.Y * 10))} }
	owner := map[[4]int64]int{}
	out := map[[2]int]float64{}
	for i, c := range cells {
		for k := range c {
			a, b := c[k], c[(k+1)%len(c)]
			ka, kb := key(a), key(b)
			fwd := [4]int64{ka[0], ka[1], kb[0], kb[1]}
			rev := [4]int64{kb[0], kb[1], ka[0], ka[1]}
			if j, ok := owner[rev]; ok && j != i {
				out[[2]int{min(i, j), max(i, j)}] += a.dist(b)
			} else {
				owner[fwd] = i
			}
		}
	}
	return out
}

// sortedPairs returns the keys of m in order.
func sortedPairs(m map[[2]int]float64) [][2]int {
	ks := make([][2]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i][0] != ks[j][0] {
			return ks[i][0] < ks[j][0]
		}
		return ks[i][1] < ks[j][1]
	})
	return ks
}
