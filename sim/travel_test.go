package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/emsplan/sim/sim"
)

type tracking interface {
	sim.Travel
	sim.Tracker
}

// TestTrackers runs the same checks against every in-memory Tracker: at the
// start of the trip EnRoute is Time(from, dest), at its end Time(to, dest);
// in between it never beats the lower bound or the triangle inequality
// through the start, and a bound below the answer gives +Inf.
func TestTrackers(t *testing.T) {
	g := sim.NewGrid(7, 5, 30, 90, 3)
	for _, c := range []struct {
		name string
		tr   tracking
		n    int
	}{{"matrix", tiny3(t), 3}, {"grid", g, g.Len()}} {
		r := rand.New(rand.NewPCG(1, 1))
		for k := 0; k < 500; k++ {
			from, to, dest := sim.LocID(r.IntN(c.n)), sim.LocID(r.IntN(c.n)), sim.LocID(r.IntN(c.n))
			trip := c.tr.Time(from, to, 0)
			inf := math.Inf(1)
			if got, want := c.tr.EnRoute(from, to, 0, dest, 0, inf), c.tr.Time(from, dest, 0); math.Abs(got-want) > 1e-9 {
				t.Fatalf("%s: EnRoute at start %g, want %g", c.name, got, want)
			}
			if got, want := c.tr.EnRoute(from, to, trip+1, dest, 0, inf), c.tr.Time(to, dest, 0); math.Abs(got-want) > 1e-9 {
				t.Fatalf("%s: EnRoute after arrival %g, want %g", c.name, got, want)
			}
			el := trip * r.Float64()
			got := c.tr.EnRoute(from, to, el, dest, 0, inf)
			if lb := c.tr.LowerBound(from, dest) - el; got < lb-1e-9 {
				t.Fatalf("%s: EnRoute %g below the lower bound %g", c.name, got, lb)
			}
			if got < c.tr.Time(from, dest, 0)-el-1e-9 || got > c.tr.Time(from, dest, 0)+el+1e-9 {
				t.Fatalf("%s: EnRoute %g breaks the triangle inequality (T(from,dest) %g, elapsed %g)", c.name, got, c.tr.Time(from, dest, 0), el)
			}
			if got > 0 && !math.IsInf(c.tr.EnRoute(from, to, el, dest, 0, got*0.999), 1) {
				t.Fatalf("%s: bound below the answer did not give +Inf", c.name)
			}
			if lb := c.tr.LowerBound(from, dest); lb > c.tr.Time(from, dest, 0)+1e-9 {
				t.Fatalf("%s: LowerBound %g above Time %g", c.name, lb, c.tr.Time(from, dest, 0))
			}
		}
	}
	// Grid by hand: a 3x1 grid has two edges; from node 0 to node 2 along
	// both, 10 s past node 0, the unit is 10 s from node 0 (turning back).
	h := sim.NewGrid(3, 1, 100, 100, 1)
	if got := h.EnRoute(0, 2, 10, 0, 0, math.Inf(1)); got != 10 {
		t.Errorf("3x1 grid: back to the start %g s, want 10", got)
	}
	if got := h.EnRoute(0, 2, 150, 2, 0, math.Inf(1)); got != 50 {
		t.Errorf("3x1 grid: on to the end %g s, want 50", got)
	}
}
