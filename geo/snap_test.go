package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

func TestSnapHandChecked(t *testing.T) {
	g, _ := loadTestdata(t, "cross.geojson", Options{})
	// 0.0001° north of the middle of A's first segment (0,0)-(0.001,0):
	// snapped to (0.0005,0), 0.1u = 11.1195 m away, halfway along the edge.
	s, ok := g.Snap(orb.Point{0.0005, 0.0001})
	if !ok || math.Abs(s.Point[0]-0.0005) > 1e-12 || math.Abs(s.Point[1]) > 1e-12 || !close(s.Dist, 0.1*u, 1e-6) || !close(s.T, 0.5, 1e-9) {
		t.Fatalf("snap %+v, want (0.0005,0) at %g m, T 0.5", s, 0.1*u)
	}
	if s.Twin == NoEdge {
		t.Fatal("two-way segment has no twin")
	}
	// Both ends are half an edge away: 0.5u at 30 km/h = 6.6717 s.
	for _, seeds := range [][]Seed{g.Departures(s, 7), g.Arrivals(s, 7)} {
		if len(seeds) != 2 || seeds[0].Node == seeds[1].Node || seeds[0].Source != 7 {
			t.Fatalf("seeds %+v", seeds)
		}
		for _, sd := range seeds {
			p := g.Point(sd.Node)
			if !close(sd.Time, t30/2, timeTol) || p[1] != 0 || (p[0] != 0 && p[0] != 0.001) {
				t.Errorf("seed %+v at %v, want (0,0) or (0.001,0) at %g s", sd, p, t30/2)
			}
		}
	}
	// Route to a point 0.0005 up B (north of the junction (0.001,0)):
	// 0.5u east along A + 0.5u north along B = u at 30 km/h = 13.3434 s.
	to, _ := g.Snap(orb.Point{0.0011, 0.0005})
	r := NewSearch(g).Route(s, to)
	if !close(r.Time, t30, timeTol) || !close(r.Length, u, timeTol) || len(r.Edges) != 0 || len(r.Line) != 3 {
		t.Errorf("route %+v, want %g s, %g m, via the junction only", r, t30, u)
	}
}

func TestSnapOneWay(t *testing.T) {
	g, _ := loadTestdata(t, "oneway.geojson", Options{})
	// Below the primary oneway=yes (0,0)->(0.001,0), at 30% of its length.
	s, _ := g.Snap(orb.Point{0.0003, -0.0001})
	if s.Twin != NoEdge || !close(s.T, 0.3, 1e-9) {
		t.Fatalf("snap %+v: want one-way edge at T 0.3", s)
	}
	dep, arr := g.Departures(s, 0), g.Arrivals(s, 0)
	if len(dep) != 1 || g.Point(dep[0].Node) != (orb.Point{0.001, 0}) || !close(dep[0].Time, 0.7*t60, timeTol) {
		t.Errorf("departures %+v, want (0.001,0) at 0.7·t60", dep)
	}
	if len(arr) != 1 || g.Point(arr[0].Node) != (orb.Point{0, 0}) || !close(arr[0].Time, 0.3*t60, timeTol) {
		t.Errorf("arrivals %+v, want from (0,0) at 0.3·t60", arr)
	}
	// Same segment: with the one-way direction directly, 0.6·t60; against it
	// around the square: 0.2·t60 + t30 up + t60 west + t30 down + 0.2·t60.
	a, _ := g.Snap(orb.Point{0.0002, -0.0001})
	b, _ := g.Snap(orb.Point{0.0008, -0.0001})
	s0 := NewSearch(g)
	if r := s0.Route(a, b); !close(r.Time, 0.6*t60, timeTol) || !close(r.Length, 0.6*u, timeTol) || !close(g.Direct(a, b), 0.6*t60, timeTol) {
		t.Errorf("with the one-way: %+v, direct %g", r, g.Direct(a, b))
	}
	if !math.IsInf(g.Direct(b, a), 1) {
		t.Errorf("direct against the one-way: %g", g.Direct(b, a))
	}
	want := 1.4*t60 + 2*t30
	if r := s0.Route(b, a); !close(r.Time, want, timeTol) || !close(r.Length, 3.4*u, timeTol) || len(r.Edges) != 3 {
		t.Errorf("against the one-way: %g s %g m %d edges, want %g s, %g m, 3 edges", r.Time, r.Length, len(r.Edges), want, 3.4*u)
	}
}

func TestOffroadSeconds(t *testing.T) {
	// 250 m at 15 km/h = 250 / (15/3.6) = 60 s.
	if got := OffroadSeconds(250, 15); !close(got, 60, 1e-12) || !math.IsInf(OffroadSeconds(1, 0), 1) {
		t.Errorf("OffroadSeconds = %g", got)
	}
}

// TestSnapMatchesScan compares the grid index with a scan of every segment.
func TestSnapMatchesScan(t *testing.T) {
	g := andorra(t, Options{})
	rng := rand.New(rand.NewPCG(7, 8))
	b := g.Bound()
	n := 300
	if testing.Short() {
		n = 60
	}
	for i := 0; i < n; i++ {
		// Points in the box, some well outside it.
		p := orb.Point{b.Min[0] + (rng.Float64()*1.4-0.2)*(b.Max[0]-b.Min[0]), b.Min[1] + (rng.Float64()*1.4-0.2)*(b.Max[1]-b.Min[1])}
		s, _ := g.Snap(p)
		kx := math.Cos(p[1]*degToRad) * metresPerDegree
		best, bestV := math.Inf(1), math.Inf(1)
		for e := 0; e < g.Edges(); e++ {
			a, c := g.Endpoints(EdgeID(e))
			ax, ay := (a[0]-p[0])*kx, (a[1]-p[1])*metresPerDegree
			cx, cy := (c[0]-p[0])*kx, (c[1]-p[1])*metresPerDegree
			dx, dy := cx-ax, cy-ay
			tt := math.Min(math.Max(-(ax*dx+ay*dy)/(dx*dx+dy*dy), 0), 1)
			best = math.Min(best, math.Hypot(ax+tt*dx, ay+tt*dy))
			bestV = math.Min(bestV, math.Min(math.Hypot(ax, ay), math.Hypot(cx, cy)))
		}
		a, c := g.Endpoints(s.Edge)
		ax, ay := (a[0]-p[0])*kx, (a[1]-p[1])*metresPerDegree
		cx, cy := (c[0]-p[0])*kx, (c[1]-p[1])*metresPerDegree
		got := math.Hypot(ax+s.T*(cx-ax), ay+s.T*(cy-ay))
		if !close(got, best, 1e-9) {
			t.Fatalf("point %v: grid snap at %g m, scan finds %g m", p, got, best)
		}
		if !close(s.Dist, best, 2e-3) {
			t.Errorf("point %v: haversine snap distance %g, plane %g", p, s.Dist, best)
		}
		q := g.Point(g.NearestNode(p))
		if d := math.Hypot((q[0]-p[0])*kx, (q[1]-p[1])*metresPerDegree); !close(d, bestV, 1e-9) {
			t.Fatalf("point %v: nearest node at %g m, scan %g m", p, d, bestV)
		}
	}
}
