package optimize

import (
	"math"
	"math/rand/v2"
	"testing"
)

// randomProblem draws a small instance: m candidate sites and n demand
// points in the unit square (times = 600 s per unit distance, a few pairs
// unreachable), integer weights 0..9, targets 150..450 s.
func randomProblem(rng *rand.Rand, m, n int) Problem {
	type pt struct{ x, y float64 }
	site := make([]pt, m)
	for j := range site {
		site[j] = pt{rng.Float64(), rng.Float64()}
	}
	p := Problem{Times: Matrix{Rows: m, Cols: n, Data: make([]float64, m*n)}, Weight: make([]float64, n), Target: make([]float64, n)}
	for i := 0; i < n; i++ {
		d := pt{rng.Float64(), rng.Float64()}
		p.Weight[i] = float64(rng.IntN(10))
		p.Target[i] = 150 + 300*rng.Float64()
		for j := range site {
			t := 600 * math.Hypot(site[j].x-d.x, site[j].y-d.y)
			if rng.IntN(40) == 0 {
				t = math.Inf(1)
			}
			p.Times.Data[j*n+i] = math.Round(t)
		}
	}
	return p
}

func mustInstance(t testing.TB, p Problem) *Instance {
	t.Helper()
	in, err := NewInstance(p)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// subsets calls f with every subset of {0..m-1} of size k that contains
// every site in must.
func subsets(m, k int, must []int, f func(open []int)) {
	var rec func(start int, cur []int)
	rec = func(start int, cur []int) {
		if len(cur) == k {
			for _, j := range must {
				found := false
				for _, c := range cur {
					found = found || c == j
				}
				if !found {
					return
				}
			}
			f(cur)
			return
		}
		for j := start; j < m; j++ {
			rec(j+1, append(cur, j))
		}
	}
	rec(0, nil)
}

// bruteCovered is the covered weight of open (by definition: t <= target).
func bruteCovered(p Problem, open []int) float64 {
	s := 0.0
	for i, w := range p.Weight {
		for _, j := range open {
			if p.Times.At(j, i) <= p.Target[i] {
				s += w
				break
			}
		}
	}
	return s
}

// bruteMCLP is the optimum of MCLP by enumeration.
func bruteMCLP(p Problem, k int) float64 {
	best := -1.0
	subsets(p.Times.Rows, k, p.Fixed, func(open []int) { best = max(best, bruteCovered(p, open)) })
	return best
}

// checkResult asserts the invariants every result must satisfy against the
// true optimum opt: the objective is achieved by Sites, the bound is on the
// right side of opt, the gap matches, Optimal only when opt is reached.
func checkResult(t *testing.T, r *Result, opt, objOfSites float64) {
	t.Helper()
	tol := 1e-9 * max(1, math.Abs(opt))
	if math.Abs(r.Objective-objOfSites) > tol {
		t.Errorf("%s: Objective %v but the sites give %v", r.Model, r.Objective, objOfSites)
	}
	if r.Maximize {
		if r.Objective > opt+tol || r.Bound < opt-tol {
			t.Errorf("%s: objective %v, bound %v, optimum %v", r.Model, r.Objective, r.Bound, opt)
		}
	} else if r.Objective < opt-tol || r.Bound > opt+tol {
		t.Errorf("%s: objective %v, bound %v, optimum %v", r.Model, r.Objective, r.Bound, opt)
	}
	if g := relGap(r.Objective, r.Bound); g != r.Gap && !(math.IsInf(g, 1) && math.IsInf(r.Gap, 1)) {
		t.Errorf("%s: gap %v, want |%v-%v|/|%v| = %v", r.Model, r.Gap, r.Bound, r.Objective, r.Objective, g)
	}
	if r.Optimal && math.Abs(r.Objective-opt) > tol {
		t.Errorf("%s: claims optimal %v, optimum is %v", r.Model, r.Objective, opt)
	}
	if r.Optimal != (r.Status == Optimal) {
		t.Errorf("%s: Optimal %v with status %v", r.Model, r.Optimal, r.Status)
	}
}

// trials is n, or a fifth of it with -short.
func trials(n int) int {
	if testing.Short() {
		return n / 5
	}
	return n
}
