package coverage

import (
	"math"
	"testing"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/scenario"
)

func tinyStudy(t *testing.T) *model.Study {
	t.Helper()
	s, _, err := scenario.Load("../model/testdata/tiny/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := model.Build(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// allSites is every facility of the tiny study: S1 (A), H1 (D), C1 (E),
// T1 (F), M1 (B).
var allSites = []int{0, 1, 2, 3, 4}

// The rows of today's bases give Compute's static response exactly: a
// candidate at a base is that base, and the nearest base is the least row.
func TestMatrixMatchesCompute(t *testing.T) {
	st := tinyStudy(t)
	r := Compute(st)
	for _, rule := range []Rule{Response, Health} {
		p, err := Matrix(st, allSites, rule)
		if err != nil {
			t.Fatal(err)
		}
		for i, pt := range r.Points {
			best, want := math.Inf(1), pt.Response
			from := []int{0, 1} // the two bases
			if rule == Health {
				from, want = []int{1, 2, 3, 4}, pt.Health // every health facility
			}
			for _, j := range from {
				best = min(best, p.Times.At(j, i))
			}
			if best != want {
				t.Errorf("%s: P%d: least row %v, Compute %v", rule, i+1, best, want)
			}
			if rule == Response && p.Times.At(pt.Station, i) != pt.Response {
				t.Errorf("P%d: row of its base %d: %v, Compute %v", i+1, pt.Station, p.Times.At(pt.Station, i), pt.Response)
			}
		}
	}
}

// A candidate where no ambulance is today, by hand: C1 at E, on the static
// clock (120 s, then emergency speeds), and T1 at F for the health circle
// (normal speeds). Targets and weights as the scenario says.
func TestMatrixByHand(t *testing.T) {
	st := tinyStudy(t)
	e, n := times(1.25), times(1)
	p, err := Matrix(st, []int{2}, Response)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{
		e.BE + e.AB/2,               // P1: down E-B, half of B-A
		0.8 * e.BE,                  // P2: along E-B to 0.2 from B
		e.BE + e.BC + e.CD/2,        // P3
		e.BE + e.BC + e.CF/2,        // P4: up the one-way C->F (F->C is not allowed)
		0.75 * e.FE,                 // P5: along E-F, a quarter from F
		e.BE + e.BC + e.CD + e.off6, // P6: to D, then the 1.1 km off-road leg
	}
	for i, w := range want {
		if got := p.Times.At(0, i); math.Abs(got-(120+w)) > tol {
			t.Errorf("from E to P%d: %.3f s, want %.3f", i+1, got, 120+w)
		}
	}
	for i, w := range []float64{1000, 500, 300, 200, 100, 50} {
		tg := 480.0
		if i < 2 {
			tg = 300 // P1, P2 urban
		}
		if p.Weight[i] != w || p.Target[i] != tg {
			t.Errorf("P%d: weight %v target %v, want %v %v", i+1, p.Weight[i], p.Target[i], w, tg)
		}
	}
	h, err := Matrix(st, []int{3}, Health)
	if err != nil {
		t.Fatal(err)
	}
	// From F by car: P5 a quarter of F-E; P4 around by E, B and C (F->C is one-way).
	if got := h.Times.At(0, 4); math.Abs(got-n.FE/4) > tol {
		t.Errorf("health F to P5: %.3f, want %.3f", got, n.FE/4)
	}
	if got, w := h.Times.At(0, 3), n.FE+n.BE+n.BC+n.CF/2; math.Abs(got-w) > tol {
		t.Errorf("health F to P4: %.3f, want %.3f", got, w)
	}
	if h.Target[0] != 240 {
		t.Errorf("health target %v, want 240 s", h.Target[0])
	}
}

// LSCP and MCLP on the tiny study's matrix agree with enumeration of every
// set of its five candidate sites.
func TestTinyModelsBruteForce(t *testing.T) {
	st := tinyStudy(t)
	for _, rule := range []Rule{Response, Health} {
		p, err := Matrix(st, allSites, rule)
		if err != nil {
			t.Fatal(err)
		}
		in, err := optimize.NewInstance(p)
		if err != nil {
			t.Fatal(err)
		}
		covered := func(mask int) (w float64) {
			for i := range p.Weight {
				for j := range allSites {
					if mask&(1<<j) != 0 && p.Times.At(j, i) <= p.Target[i] {
						w += p.Weight[i]
						break
					}
				}
			}
			return w
		}
		coverable := covered(1<<len(allSites) - 1)
		fewest := len(allSites)
		for size := 1; size <= len(allSites); size++ {
			best := 0.0
			for mask := 0; mask < 1<<len(allSites); mask++ {
				if popcount(mask) == size {
					best = max(best, covered(mask))
				}
			}
			if best == coverable {
				fewest = min(fewest, size)
			}
			r, err := optimize.MCLP(in, size, optimize.Options{})
			if err != nil {
				t.Fatal(err)
			}
			mask := 0
			for _, j := range r.Sites {
				mask |= 1 << j
			}
			if r.Objective != best || covered(mask) != best || !r.Optimal {
				t.Errorf("%s MCLP p=%d: %v covering %v (optimal %v), enumeration %v", rule, size, r.Sites, r.Objective, r.Optimal, best)
			}
		}
		r, err := optimize.LSCP(in, optimize.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if int(r.Objective) != fewest || r.Covered != coverable {
			t.Errorf("%s LSCP: %v sites covering %v; enumeration: %d sites cover %v", rule, r.Objective, r.Covered, fewest, coverable)
		}
	}
}

func popcount(x int) (n int) {
	for ; x > 0; x &= x - 1 {
		n++
	}
	return n
}

// The key changes with what the times depend on and only with that.
func TestMatrixKey(t *testing.T) {
	st := tinyStudy(t)
	k := MatrixKey(st, allSites, Response)
	if k != MatrixKey(tinyStudy(t), allSites, Response) {
		t.Error("the same study gives two keys")
	}
	for name, other := range map[string]string{
		"another rule":       MatrixKey(st, allSites, Health),
		"other candidates":   MatrixKey(st, []int{0, 1, 2, 3}, Response),
		"candidates swapped": MatrixKey(st, []int{1, 0, 2, 3, 4}, Response),
	} {
		if other == k {
			t.Errorf("%s: same key", name)
		}
	}
	s2 := *st.Scenario
	s2.Network.EmergencyFactor = 1.3
	st2, err := model.Build(&s2, st.Net)
	if err != nil {
		t.Fatal(err)
	}
	if MatrixKey(st2, allSites, Response) == k {
		t.Error("another emergency factor: same key")
	}
	// The static clock (turnout) enters the response matrix, not the health one.
	s3 := *st.Scenario
	s3.Simulation.Turnout = scenario.Dist{Kind: "fixed", Value: 2}
	st3, err := model.Build(&s3, st.Net)
	if err != nil {
		t.Fatal(err)
	}
	if MatrixKey(st3, allSites, Response) == k || MatrixKey(st3, allSites, Health) != MatrixKey(st, allSites, Health) {
		t.Error("the static clock must change the response key and only that")
	}
}
