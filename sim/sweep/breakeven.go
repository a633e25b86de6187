package sweep

import (
	"fmt"
	"math"
	"slices"

	"github.com/emsplan/sim/sim/scenario"
)

// BreakEven is the value of one parameter at which dynamic compliance
// reaches the goal, the others at the baseline's values.
type BreakEven struct {
	Key    string
	Found  bool
	Value  float64 // where the mean compliance crosses the goal
	Lo, Hi float64 // where the 95% interval's bounds cross it: between them the goal is in doubt
	Note   string  // why nothing was found
}

// steps is the number of bisection steps: the range shrinks 256-fold.
const steps = 8

// FindBreakEvens bisects each parameter's range (its smallest to largest
// value) for the value at which the share of calls within target crosses
// goal. Each step simulates the candidate paired with the baseline on the
// same seed. A range whose two ends are both above or both below the goal
// has no break-even, said in Note. O(parameters x 3 x steps runs).
func FindBreakEvens(base *scenario.Scenario, params []Param, goal float64, cfg Config) ([]BreakEven, error) {
	var out []BreakEven
	for i, p := range params {
		be := BreakEven{Key: p.Key}
		lo, hi := slices.Min(p.Values), slices.Max(p.Values)
		eval := func(v float64) (Figure, error) {
			one := []Param{{Key: p.Key, Values: []float64{v}}}
			r, err := Run(base, one, Design{Kind: "grid"}, cfg)
			if err != nil {
				return Figure{}, err
			}
			f, _ := r.Figure(len(r.Outcomes)-1, "compliance")
			return f, nil
		}
		fl, err := eval(lo)
		if err != nil {
			return nil, err
		}
		fh, err := eval(hi)
		if err != nil {
			return nil, err
		}
		if (fl.Mean-goal)*(fh.Mean-goal) > 0 {
			be.Note = fmt.Sprintf("%s from %g to %g keeps compliance %s the goal (%.1f%% to %.1f%%)", p.Key, lo, hi,
				map[bool]string{true: "above", false: "below"}[fl.Mean > goal], 100*fl.Mean, 100*fh.Mean)
			out = append(out, be)
			continue
		}
		var vals [3]float64
		for b, pick := range []func(Figure) float64{
			func(f Figure) float64 { return f.Mean }, func(f Figure) float64 { return f.Lo }, func(f Figure) float64 { return f.Hi },
		} {
			a, z := lo, hi
			fa := pick(fl) - goal
			for s := 0; s < steps; s++ {
				m := (a + z) / 2
				f, err := eval(m)
				if err != nil {
					return nil, err
				}
				if (pick(f)-goal)*fa > 0 {
					a, fa = m, pick(f)-goal
				} else {
					z = m
				}
			}
			vals[b] = (a + z) / 2
		}
		be.Found, be.Value = true, vals[0]
		be.Lo, be.Hi = math.Min(vals[1], vals[2]), math.Max(vals[1], vals[2])
		_ = i
		out = append(out, be)
	}
	return out, nil
}
