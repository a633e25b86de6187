package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// randomGraph makes a graph of n nodes and m random arcs with times in
// [0, 100) s (about 5% zero, some parallel arcs, a few self loops and closed
// arcs), and the equivalent gonum graph (parallel arcs reduced to the
// cheapest, self loops and closed arcs left out, as they never shorten a path).
func randomGraph(t *testing.T, rng *rand.Rand, n, m int, reverse bool) (*Graph, *simple.WeightedDirectedGraph) {
	t.Helper()
	pts := make([]orb.Point, n)
	for i := range pts {
		pts[i] = orb.Point{rng.Float64(), rng.Float64()}
	}
	arcs := make([]Arc, m)
	gg := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := 0; i < n; i++ {
		gg.AddNode(simple.Node(i))
	}
	for i := range arcs {
		// float32 values: the graph stores times as float32, gonum gets the same.
		a := Arc{From: NodeID(rng.IntN(n)), To: NodeID(rng.IntN(n)), Time: float64(float32(rng.Float64() * 100)), Length: 1}
		switch r := rng.Float64(); {
		case r < 0.05:
			a.Time = 0
		case r < 0.07:
			a.Time = math.Inf(1)
		}
		arcs[i] = a
		from, to := int64(a.From), int64(a.To)
		if reverse {
			from, to = to, from
		}
		if from == to || math.IsInf(a.Time, 1) {
			continue
		}
		if w, ok := gg.Weight(from, to); ok && w <= a.Time {
			continue
		}
		gg.SetWeightedEdge(gg.NewWeightedEdge(simple.Node(from), simple.Node(to), a.Time))
	}
	g, err := NewGraph(pts, arcs)
	if err != nil {
		t.Fatal(err)
	}
	return g, gg
}

func TestSearchMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 60; trial++ {
		n := 1 + rng.IntN(200)
		m := rng.IntN(5 * n)
		reverse := trial%2 == 1
		g, gg := randomGraph(t, rng, n, m, reverse)
		s := NewSearch(g)
		for q := 0; q < 5; q++ {
			src := NodeID(rng.IntN(n))
			s.Run([]Seed{{Node: src}}, Query{Reverse: reverse, Paths: true})
			ref := path.DijkstraFrom(simple.Node(src), gg)
			for v := 0; v < n; v++ {
				want := ref.WeightTo(int64(v))
				got := s.Time(NodeID(v))
				if !close(got, want, 1e-9) {
					t.Fatalf("trial %d (reverse %v) %d->%d: %g, gonum %g", trial, reverse, src, v, got, want)
				}
				checkPath(t, g, s, src, NodeID(v), reverse)
			}
		}
	}
}

// checkPath verifies that Path(v) is a chain of edges between src and v
// whose times add up to Time(v).
func checkPath(t *testing.T, g *Graph, s *Search, src, v NodeID, reverse bool) {
	t.Helper()
	p := s.Path(v)
	if math.IsInf(s.Time(v), 1) {
		if p != nil {
			t.Fatalf("path to unreachable %d", v)
		}
		return
	}
	at, end := src, v
	if reverse {
		at, end = v, src
	}
	sum := 0.0
	for _, e := range p {
		if g.Tail(e) != at {
			t.Fatalf("path to %d: edge %d leaves %d, want %d", v, e, g.Tail(e), at)
		}
		at = g.Head(e)
		sum += g.Time(e)
	}
	if at != end || !close(sum, s.Time(v), 1e-9) {
		t.Fatalf("path to %d ends at %d (want %d), time %g vs %g", v, at, end, sum, s.Time(v))
	}
}

func TestMultiSourceMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 40; trial++ {
		n := 2 + rng.IntN(150)
		g, gg := randomGraph(t, rng, n, rng.IntN(4*n), false)
		// Seeds with initial times; gonum gets a super source joined to each.
		k := 1 + rng.IntN(5)
		seeds := make([]Seed, k)
		super := simple.Node(n)
		gg.AddNode(super)
		for i := range seeds {
			seeds[i] = Seed{Node: NodeID(rng.IntN(n)), Time: rng.Float64() * 50, Source: int32(i)}
			if w, ok := gg.Weight(int64(n), int64(seeds[i].Node)); !ok || seeds[i].Time < w {
				gg.SetWeightedEdge(gg.NewWeightedEdge(super, simple.Node(seeds[i].Node), seeds[i].Time))
			}
		}
		ref := path.DijkstraFrom(super, gg)
		times, source := MultiSource(g, seeds)
		for v := 0; v < n; v++ {
			want := ref.WeightTo(int64(v))
			if !close(times[v], want, 1e-9) {
				t.Fatalf("trial %d node %d: %g, gonum %g", trial, v, times[v], want)
			}
			if math.IsInf(want, 1) {
				if source[v] != -1 {
					t.Fatalf("unreachable node %d has source %d", v, source[v])
				}
				continue
			}
			// The reported source must achieve the time: its seed time plus
			// the distance from its seed node.
			sd := seeds[source[v]]
			from := path.DijkstraFrom(simple.Node(sd.Node), gg)
			if got := sd.Time + from.WeightTo(int64(v)); !close(got, want, 1e-9) {
				t.Fatalf("node %d: source %d gives %g, best %g", v, source[v], got, want)
			}
		}
	}
}

func TestBoundAndTargets(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 40; trial++ {
		n := 2 + rng.IntN(200)
		g, gg := randomGraph(t, rng, n, rng.IntN(5*n), false)
		s := NewSearch(g)
		src := NodeID(rng.IntN(n))
		ref := path.DijkstraFrom(simple.Node(src), gg)
		bound := rng.Float64() * 150
		s.Run([]Seed{{Node: src}}, Query{Bound: bound})
		for v := 0; v < n; v++ {
			want := ref.WeightTo(int64(v))
			if want > bound {
				want = math.Inf(1)
			}
			if got := s.Time(NodeID(v)); !close(got, want, 1e-9) {
				t.Fatalf("bound %g node %d: %g, want %g", bound, v, got, want)
			}
		}
		targets := []NodeID{NodeID(rng.IntN(n)), NodeID(rng.IntN(n))}
		s.Run([]Seed{{Node: src}}, Query{Targets: targets, Paths: true})
		for _, v := range targets {
			if got, want := s.Time(v), ref.WeightTo(int64(v)); !close(got, want, 1e-9) {
				t.Fatalf("target %d: %g, want %g", v, got, want)
			}
			checkPath(t, g, s, src, v, false)
		}
		// A run after an early exit must not see stale state.
		s.Run([]Seed{{Node: src}}, Query{})
		for v := 0; v < n; v++ {
			if got, want := s.Time(NodeID(v)), ref.WeightTo(int64(v)); !close(got, want, 1e-9) {
				t.Fatalf("after early exit, node %d: %g, want %g", v, got, want)
			}
		}
	}
}

func TestEarlyExitSettlesFewer(t *testing.T) {
	// A chain 0-1-...-99: searching 0->3 must stop long before the end.
	pts := make([]orb.Point, 100)
	var arcs []Arc
	for i := range pts {
		pts[i] = orb.Point{float64(i) * 0.001, 0}
		if i > 0 {
			arcs = append(arcs, Arc{From: NodeID(i - 1), To: NodeID(i), Time: 1})
		}
	}
	g, _ := NewGraph(pts, arcs)
	s := NewSearch(g)
	s.Run([]Seed{{Node: 0}}, Query{Targets: []NodeID{3}})
	if s.Time(3) != 3 || len(s.Settled()) != 4 || !math.IsInf(s.Time(50), 1) {
		t.Errorf("time %g settled %d time(50) %g; want 3, 4, +Inf", s.Time(3), len(s.Settled()), s.Time(50))
	}
	s.Run([]Seed{{Node: 0}}, Query{Bound: 10.5})
	if len(s.Settled()) != 11 || !math.IsInf(s.Time(11), 1) || s.Time(10) != 10 {
		t.Errorf("bounded: settled %d, time(10) %g, time(11) %g", len(s.Settled()), s.Time(10), s.Time(11))
	}
}

func TestWithTimes(t *testing.T) {
	g, _ := loadTestdata(t, "oneway.geojson", Options{})
	times := g.EdgeTimes()
	for e := range times {
		times[e] *= 2
	}
	h, err := g.WithTimes(times)
	if err != nil {
		t.Fatal(err)
	}
	if !h.SameTopology(g) || h.Nodes() != g.Nodes() {
		t.Fatal("topology not shared")
	}
	a, b := nodeAt(t, g, 0.001, 0), nodeAt(t, g, 0, 0)
	tg, _ := ShortestBetween(g, a, b)
	th, _ := ShortestBetween(h, a, b)
	if !close(th, 2*tg, timeTol) || !close(tg, t30+t60+t30, timeTol) {
		t.Errorf("doubled times: %g vs %g", th, tg)
	}
	// One Search serves both graphs.
	s := NewSearch(g)
	s.Use(h)
	s.Run([]Seed{{Node: a}}, Query{})
	if !close(s.Time(b), th, 1e-12) {
		t.Errorf("search moved to h: %g, want %g", s.Time(b), th)
	}
	for _, bad := range [][]float64{times[:1], {math.NaN(), 1, 1, 1, 1}, {-1, 1, 1, 1, 1}} {
		if _, err := g.WithTimes(bad); err == nil {
			t.Errorf("WithTimes(%v) accepted", bad)
		}
	}
	closed := g.EdgeTimes()
	for e := range closed {
		closed[e] = math.Inf(1)
	}
	c, err := g.WithTimes(closed)
	if err != nil {
		t.Fatal(err)
	}
	if tc, _ := ShortestBetween(c, a, b); !math.IsInf(tc, 1) {
		t.Errorf("closed roads still give %g", tc)
	}
}

func TestSeedPanics(t *testing.T) {
	g, _ := loadTestdata(t, "oneway.geojson", Options{})
	defer func() {
		if recover() == nil {
			t.Error("negative seed time did not panic")
		}
	}()
	NewSearch(g).Run([]Seed{{Node: 0, Time: -1}}, Query{})
}
