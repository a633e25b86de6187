package main

import (
	"math"
	"testing"
)

// roadGraph is the network as a loader would read it: a node per distinct
// coordinate, an arc per consecutive pair (both ways unless oneway=yes).
type roadGraph struct {
	id    map[[2]float64]int
	xy    [][2]float64 // km
	out   [][]int
	in    [][]int
	class map[[2]float64]map[string]bool
}

func readRoads(t *testing.T) *roadGraph {
	g := &roadGraph{id: map[[2]float64]int{}, class: map[[2]float64]map[string]bool{}}
	node := func(c [2]float64) int {
		if i, ok := g.id[c]; ok {
			return i
		}
		g.id[c] = len(g.xy)
		g.xy = append(g.xy, xyKm(c))
		g.out = append(g.out, nil)
		g.in = append(g.in, nil)
		return len(g.xy) - 1
	}
	for _, f := range features(t, "ningxiang/roads.geojson") {
		hw := f.str("highway")
		cs := f.line(t)
		for i, c := range cs {
			if g.class[c] == nil {
				g.class[c] = map[string]bool{}
			}
			g.class[c][hw] = true
			if i == 0 {
				continue
			}
			a, b := node(cs[i-1]), node(c)
			g.out[a] = append(g.out[a], b)
			g.in[b] = append(g.in[b], a)
			if f.str("oneway") != "yes" {
				g.out[b] = append(g.out[b], a)
				g.in[a] = append(g.in[a], b)
			}
		}
	}
	return g
}

func reach(adj [][]int, from int) []bool {
	seen := make([]bool, len(adj))
	seen[from] = true
	stack := []int{from}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, v := range adj[u] {
			if !seen[v] {
				seen[v] = true
				stack = append(stack, v)
			}
		}
	}
	return seen
}

func TestNodeCount(t *testing.T) {
	g := readRoads(t)
	if n := len(g.xy); n < 20000 || n > 60000 {
		t.Errorf("%d distinct road vertices, want 20,000-60,000", n)
	}
	if len(generated(t)["ningxiang/roads.geojson"]) > 10<<20 {
		t.Error("roads.geojson over 10 MB")
	}
}

// Every node reaches every other, respecting one-way streets: node 0 reaches
// all nodes forwards and is reached by all (reverse search).
func TestStronglyConnected(t *testing.T) {
	g := readRoads(t)
	fw, bw := reach(g.out, 0), reach(g.in, 0)
	bad := 0
	for i := range fw {
		if !fw[i] || !bw[i] {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d nodes are not strongly connected to the rest", bad, len(fw))
	}
	oneway := 0
	for _, f := range features(t, "ningxiang/roads.geojson") {
		if f.str("oneway") == "yes" {
			oneway++
		}
	}
	if oneway == 0 {
		t.Error("no one-way streets")
	}
}

// Expressways meet other roads only at interchanges: a motorway vertex is
// never a vertex of an at-grade road; each ramp joins one motorway vertex to
// one at-grade vertex, and there is a ramp for every interchange.
func TestMotorwaysAreGradeSeparated(t *testing.T) {
	g := readRoads(t)
	for c, cls := range g.class {
		if cls["motorway"] {
			for k := range cls {
				if k != "motorway" && k != "motorway_link" {
					t.Errorf("motorway vertex %v shared with a %s road", c, k)
				}
			}
		}
	}
	ramps, crossings := 0, 0
	var mw, other [][2][2]float64
	for _, f := range features(t, "ningxiang/roads.geojson") {
		cs := f.line(t)
		switch f.str("highway") {
		case "motorway_link":
			ramps++
			a, b := g.class[cs[0]], g.class[cs[len(cs)-1]]
			atGrade := func(m map[string]bool) bool {
				for k := range m {
					if k != "motorway" && k != "motorway_link" {
						return true
					}
				}
				return false
			}
			if !(a["motorway"] && atGrade(b)) && !(b["motorway"] && atGrade(a)) {
				t.Errorf("ramp %s does not join a motorway to an at-grade road", f.str("name:en"))
			}
		case "motorway":
			for i := 1; i < len(cs); i++ {
				mw = append(mw, [2][2]float64{xyKm(cs[i-1]), xyKm(cs[i])})
			}
		case "trunk", "primary", "secondary", "tertiary":
			for i := 1; i < len(cs); i++ {
				other = append(other, [2][2]float64{xyKm(cs[i-1]), xyKm(cs[i])})
			}
		}
	}
	interchanges := map[string]bool{} // a stop shared by two expressways has one ramp
	for _, r := range routes {
		for _, s := range r.Stops {
			if s.Interchange {
				interchanges[stopID(s)] = true
			}
		}
	}
	if ramps != len(interchanges) {
		t.Errorf("%d ramps, want one per interchange: %d", ramps, len(interchanges))
	}
	for _, m := range mw {
		for _, o := range other {
			if crosses(m[0], m[1], o[0], o[1]) {
				crossings++
			}
		}
	}
	if crossings == 0 {
		t.Error("no expressway crosses a main road: the bridges are missing")
	}
}

// Every demand point and facility lies within 300 m of a road.
func TestPointsNearRoads(t *testing.T) {
	type segment struct{ a, b [2]float64 }
	grid := map[[2]int][]segment{}
	cell := func(p [2]float64) [2]int { return [2]int{int(math.Floor(p[0])), int(math.Floor(p[1]))} }
	for _, f := range features(t, "ningxiang/roads.geojson") {
		if f.str("highway") == "motorway" || f.str("highway") == "motorway_link" {
			continue
		}
		cs := f.line(t)
		for i := 1; i < len(cs); i++ {
			s := segment{xyKm(cs[i-1]), xyKm(cs[i])}
			seen := map[[2]int]bool{}
			for _, p := range [][2]float64{s.a, s.b} {
				c := cell(p)
				if !seen[c] {
					seen[c] = true
					grid[c] = append(grid[c], s)
				}
			}
		}
	}
	near := func(c [2]float64) float64 {
		p := xyKm(c)
		best := math.Inf(1)
		k := cell(p)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, s := range grid[[2]int{k[0] + dx, k[1] + dy}] {
					best = math.Min(best, segDistKm(p, s.a, s.b))
				}
			}
		}
		return best
	}
	worst := 0.0
	for _, r := range csvRows(t, "ningxiang/demand.csv") {
		d := near([2]float64{atof(t, r["lon"]), atof(t, r["lat"])})
		worst = math.Max(worst, d)
		if d > 0.3 {
			t.Errorf("demand point %s is %.0f m from the nearest road", r["id"], d*1000)
		}
	}
	for _, f := range features(t, "ningxiang/facilities.geojson") {
		if d := near(f.point(t)); d > 0.3 {
			t.Errorf("facility %s is %.0f m from the nearest road", f.str("id"), d*1000)
		}
	}
	t.Logf("farthest demand point: %.0f m from a road", worst*1000)
}

// No road crosses the Huangcai Reservoir.
func TestRoadsGoAroundTheReservoir(t *testing.T) {
	var lake [][2]float64
	for _, f := range features(t, "ningxiang/water.geojson") {
		if f.str("water") == "reservoir" {
			for _, c := range f.ring(t) {
				lake = append(lake, xyKm(c))
			}
		}
	}
	if len(lake) == 0 {
		t.Fatal("no reservoir in water.geojson")
	}
	near := 0
	for _, f := range features(t, "ningxiang/roads.geojson") {
		cs := f.line(t)
		for i := 1; i < len(cs); i++ {
			a, b := xyKm(cs[i-1]), xyKm(cs[i])
			if math.Hypot(a[0]-lake[0][0], a[1]-lake[0][1]) > 10 {
				continue
			}
			near++
			if pip(lake, a) || pip(lake, b) {
				t.Fatalf("a %s road has a vertex in the reservoir", f.str("highway"))
			}
			for k := range lake {
				if crosses(a, b, lake[k], lake[(k+1)%len(lake)]) {
					t.Fatalf("a %s road crosses the reservoir shore", f.str("highway"))
				}
			}
		}
	}
	if near == 0 {
		t.Error("no road within 10 km of the reservoir: test is vacuous")
	}
}
