package optimize

import (
	"math"
	"testing"
)

// When the sites can cover every point (MCLP), the optimum is the whole
// coverable weight; in MEXCLP no point can do better than all K units
// within reach, sum_i w_i (1 - q^K). These ceilings are the Lagrangian
// values at zero multipliers, so the bound must never be above them, and a
// solution reaching the MCLP ceiling is proven optimal at once however
// loose the dual still is. On this synthetic county with 40-minute targets
// the subgradient bound alone stays above the total population after the
// default node limit (123,723 for 123,682 residents, without the ceiling).
func TestCeilingBound(t *testing.T) {
	p := syntheticCounty(3, 1000, 150)
	for i := range p.Target {
		p.Target[i] = 2400
	}
	in := mustInstance(t, p)
	coverable := 0.0
	for i, w := range p.Weight {
		if w > 0 && len(in.CoveredBy(i)) > 0 {
			coverable += w
		}
	}
	r, err := MCLP(in, 30, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Objective != coverable || r.Bound != coverable || !r.Optimal || r.Status != Optimal {
		t.Errorf("MCLP: objective %v, bound %v, optimal %v (%v); want %v proven", r.Objective, r.Bound, r.Optimal, r.Status, coverable)
	}
	const q, k = 0.07, 35
	ceiling := coverable * (1 - math.Pow(q, k))
	r, err = MEXCLP(in, Expected{Units: k, Busy: q}, Options{MaxNodes: 50})
	if err != nil {
		t.Fatal(err)
	}
	if r.Bound > ceiling*(1+1e-12) || r.Objective > r.Bound {
		t.Errorf("MEXCLP: objective %v, bound %v; the ceiling is %v", r.Objective, r.Bound, ceiling)
	}
}
