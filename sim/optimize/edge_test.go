package optimize

import (
	"math"
	"testing"
)

// Degenerate inputs give answers, never panics: no weight at all, nothing
// reachable, every site fixed.
func TestDegenerate(t *testing.T) {
	for _, c := range []struct {
		name string
		p    Problem
	}{
		{"zero weights", Problem{Times: Matrix{Rows: 2, Cols: 2, Data: []float64{1, 2, 3, 4}}, Weight: []float64{0, 0}, Target: []float64{5, 5}}},
		{"unreachable", Problem{Times: Matrix{Rows: 2, Cols: 2, Data: []float64{inf, inf, inf, inf}}, Weight: []float64{1, 2}, Target: []float64{5, 5}}},
		{"all fixed", Problem{Times: Matrix{Rows: 2, Cols: 2, Data: []float64{1, 9, 9, 1}}, Weight: []float64{1, 2}, Target: []float64{5, 5}, Fixed: []int{0, 1}}},
	} {
		in := mustInstance(t, c.p)
		results := []*Result{}
		r, err := MCLP(in, 2, Options{})
		results = append(results, r)
		if err != nil {
			t.Fatalf("%s: MCLP: %v", c.name, err)
		}
		if r, err = LSCP(in, Options{}); err != nil {
			t.Fatalf("%s: LSCP: %v", c.name, err)
		}
		results = append(results, r)
		if r, err = PMedian(in, 2, Options{}); err != nil {
			t.Fatalf("%s: p-median: %v", c.name, err)
		}
		results = append(results, r)
		if r, err = PCenter(in, 2, Options{}); err != nil {
			t.Fatalf("%s: p-center: %v", c.name, err)
		}
		results = append(results, r)
		if r, err = MEXCLP(in, Expected{Units: 3, Busy: 0.2}, Options{}); err != nil {
			t.Fatalf("%s: MEXCLP: %v", c.name, err)
		}
		results = append(results, r)
		for _, r := range results {
			if !r.Optimal || math.IsNaN(r.Objective) || r.Gap > 1e-9 {
				t.Errorf("%s: %s objective %v bound %v gap %v optimal %v", c.name, r.Model, r.Objective, r.Bound, r.Gap, r.Optimal)
			}
		}
	}
}
