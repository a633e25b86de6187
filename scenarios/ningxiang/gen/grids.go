package main

import (
	"math"
	"sort"
)

// The county seat's built-up area (城区) is drawn as a street grid inside an
// ellipse around Yutan, Chengjiao and the government (en infobox 28.278 N,
// 112.552 E), tilted along the Jinzhou Avenue axis and closed by a ring road.
// Every other seat gets a small town grid centred on it.
const (
	coreLon, coreLat = 112.543, 28.260
	coreA, coreB     = 5000.0, 3300.0 // semi-axes, m
	coreRotDeg       = 15.0           // counter-clockwise from east
	coreSpacing      = 300.0
	townSpacing      = 250.0
)

// grid is a street grid: nodes (i, j) at Origin + i*s*U + j*s*V (+ jitter).
type grid struct {
	Name    string
	T       *township // town grids: the township; nil for the core
	Origin  pt
	U, V    pt
	Spacing float64
	Core    bool
	H       int              // town grids: i, j in [-H, H]
	Pos     map[[2]int]pt    // node positions of the included nodes
	Keys    [][2]int         // included nodes, sorted
	Blocks  []*block         // cells with four included corners
	Node    map[[2]int]int32 // network node ids once built
	Ends    map[[3]int]pt    // core: where line (axis, index, side) meets the ellipse
}

type block struct {
	C pt
	T *township
	V *village
}

func (g *grid) nominal(i, j int) pt {
	return g.Origin.add(g.U.mul(float64(i) * g.Spacing)).add(g.V.mul(float64(j) * g.Spacing))
}

// inCore reports whether p lies inside the core ellipse.
func inCore(p pt) bool {
	c := project(coreLon, coreLat)
	d := p.sub(c).rot(-coreRotDeg * math.Pi / 180)
	return (d.X*d.X)/(coreA*coreA)+(d.Y*d.Y)/(coreB*coreB) <= 1
}

func coreGrid(yutan *township) *grid {
	rot := coreRotDeg * math.Pi / 180
	g := &grid{Name: "core", Origin: yutan.Seat, U: pt{math.Cos(rot), math.Sin(rot)}, Spacing: coreSpacing, Core: true,
		Pos: map[[2]int]pt{}, Ends: map[[3]int]pt{}}
	g.V = g.U.perp()
	r := stream("grid", "core")
	n := int(math.Ceil(2 * coreA / coreSpacing))
	for i := -n; i <= n; i++ {
		for j := -n; j <= n; j++ {
			p := g.nominal(i, j)
			if !inCore(p) {
				continue
			}
			if i != 0 || j != 0 {
				p = p.add(pt{uniform(r, -25, 25), uniform(r, -25, 25)})
			}
			g.Pos[[2]int{i, j}] = p
			g.Keys = append(g.Keys, [2]int{i, j})
		}
	}
	// Where each line leaves the ellipse (bisection on the nominal line).
	for axis := 0; axis < 2; axis++ {
		for k := -n; k <= n; k++ {
			for side := -1; side <= 1; side += 2 {
				at := func(s float64) pt {
					if axis == 0 { // u-line: j = k fixed, i varies
						return g.Origin.add(g.V.mul(float64(k) * coreSpacing)).add(g.U.mul(s))
					}
					return g.Origin.add(g.U.mul(float64(k) * coreSpacing)).add(g.V.mul(s))
				}
				// find an inside point on the line
				var inside float64
				found := false
				for s := -2 * coreA; s <= 2*coreA; s += coreSpacing / 4 {
					if inCore(at(s)) {
						inside, found = s, true
						break
					}
				}
				if !found {
					continue
				}
				lo, hi := inside, inside+float64(side)*3*coreA
				for it := 0; it < 60; it++ {
					m := (lo + hi) / 2
					if inCore(at(m)) {
						lo = m
					} else {
						hi = m
					}
				}
				g.Ends[[3]int{axis, k, side}] = at((lo + hi) / 2)
			}
		}
	}
	g.finish()
	return g
}

// townGrid is a (2H+1) x (2H+1) grid of streets centred on the seat, turned by
// a random angle: H = 1 under 35,000 people, 2 under 70,000, else 3 (Jinzhou,
// the "Jinzhou New Urban Area", also 3; subdistricts at least 2).
func townGrid(t *township) *grid {
	h := 1
	switch {
	case t.Pop >= 70000 || t.Code == "430182121":
		h = 3
	case t.Pop >= 35000 || t.Kind == "subdistrict":
		h = 2
	}
	r := stream("grid", t.Code)
	rot := uniform(r, 0, math.Pi/2)
	g := &grid{Name: t.Code, T: t, Origin: t.Seat, U: pt{math.Cos(rot), math.Sin(rot)}, Spacing: townSpacing, H: h, Pos: map[[2]int]pt{}}
	g.V = g.U.perp()
	for i := -h; i <= h; i++ {
		for j := -h; j <= h; j++ {
			p := g.nominal(i, j)
			if i != 0 || j != 0 {
				p = p.add(pt{uniform(r, -20, 20), uniform(r, -20, 20)})
			}
			g.Pos[[2]int{i, j}] = p
			g.Keys = append(g.Keys, [2]int{i, j})
		}
	}
	g.finish()
	return g
}

func (g *grid) finish() {
	sort.Slice(g.Keys, func(a, b int) bool {
		if g.Keys[a][0] != g.Keys[b][0] {
			return g.Keys[a][0] < g.Keys[b][0]
		}
		return g.Keys[a][1] < g.Keys[b][1]
	})
	for _, k := range g.Keys {
		c := [4][2]int{k, {k[0] + 1, k[1]}, {k[0] + 1, k[1] + 1}, {k[0], k[1] + 1}}
		var sum pt
		ok := true
		for _, q := range c {
			p, in := g.Pos[q]
			if !in {
				ok = false
				break
			}
			sum = sum.add(p)
		}
		if ok {
			g.Blocks = append(g.Blocks, &block{C: sum.mul(0.25)})
		}
	}
}

// nearestNode returns the grid key whose node is nearest p.
func (g *grid) nearestKey(p pt) [2]int {
	best, bd := g.Keys[0], math.Inf(1)
	for _, k := range g.Keys {
		if d := g.Pos[k].dist(p); d < bd {
			best, bd = k, d
		}
	}
	return best
}
