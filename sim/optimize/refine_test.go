package optimize

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// Two villages of 10 people, 10-minute targets. Site 0 reaches both in
// 590 s, site 1 in 100 s: with p = 1 either covers all 20 people, the
// search keeps the lowest index (site 0), and Refine moves to site 1
// (2 x 10 x 100 = 2,000 person-seconds instead of 11,800).
func TestRefineHand(t *testing.T) {
	p := Problem{Times: Matrix{Rows: 2, Cols: 2, Data: []float64{590, 590, 100, 100}},
		Weight: []float64{10, 10}, Target: []float64{600, 600}}
	in := mustInstance(t, p)
	r, err := MCLP(in, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Sites, []int{0}) || r.Objective != 20 {
		t.Fatalf("MCLP %v covering %v; the case needs the tie at site 0", r.Sites, r.Objective)
	}
	f, err := Refine(in, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Sites, []int{1}) || f.Objective != 20 || f.Bound != 20 || !f.Optimal || f.Added[0] != 20 {
		t.Errorf("refined %+v", f)
	}
	if !slices.Equal(r.Sites, []int{0}) {
		t.Error("Refine changed its input")
	}
	// A fixed site stays even when a swap would help.
	p.Fixed = []int{0}
	in = mustInstance(t, p)
	r, _ = MCLP(in, 1, Options{})
	if f, _ := Refine(in, r, Options{}); !slices.Equal(f.Sites, []int{0}) {
		t.Errorf("fixed site swapped away: %v", f.Sites)
	}
}

// weighted is the refinement's second objective by brute force.
func weighted(p Problem, open []int, active func(i int) bool) float64 {
	s := 0.0
	for i, w := range p.Weight {
		if !active(i) {
			continue
		}
		d := math.Inf(1)
		for _, j := range open {
			d = min(d, p.Times.At(j, i))
		}
		s += w * min(d, unreachedPenalty)
	}
	return s
}

// On random instances the refined sites are never worse on the model's
// objective, never farther from the people, keep the fixed sites and their
// number, and no single swap improves them any more (checked by trying
// every swap).
func TestRefineRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 4))
	for trial := 0; trial < trials(150); trial++ {
		m, n := 4+rng.IntN(9), 6+rng.IntN(40)
		p := randomProblem(rng, m, n)
		if rng.IntN(3) == 0 {
			p.Fixed = []int{rng.IntN(m)}
		}
		in := mustInstance(t, p)
		reach := func(i int) bool {
			if p.Weight[i] <= 0 {
				return false
			}
			for j := 0; j < m; j++ {
				if !math.IsInf(p.Times.At(j, i), 1) {
					return true
				}
			}
			return false
		}
		k := max(1, len(p.Fixed), rng.IntN(m))
		var r *Result
		var prim func(open []int) float64 // higher is better
		switch trial % 3 {
		case 0:
			r, _ = MCLP(in, k, Options{MaxNodes: 3})
			prim = func(open []int) float64 { return bruteCovered(p, open) }
		case 1:
			r, _ = LSCP(in, Options{MaxNodes: 3})
			prim = func(open []int) float64 { return bruteCovered(p, open) }
		default:
			r, _ = PCenter(in, k, Options{MaxNodes: 3})
			prim = func(open []int) float64 { return -centerOf(p, open) }
		}
		f, err := Refine(in, r, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Sites) != len(r.Sites) {
			t.Fatalf("trial %d: %d sites, was %d", trial, len(f.Sites), len(r.Sites))
		}
		for _, j := range p.Fixed {
			if !slices.Contains(f.Sites, j) {
				t.Errorf("trial %d: fixed site %d dropped", trial, j)
			}
		}
		if prim(f.Sites) < prim(r.Sites) || weighted(p, f.Sites, reach) > weighted(p, r.Sites, reach)+1e-9 && prim(f.Sites) == prim(r.Sites) {
			t.Errorf("trial %d %s: worse after refining: %v -> %v", trial, r.Model, r.Sites, f.Sites)
		}
		switch r.Model {
		case ModelMCLP:
			checkResult(t, f, bruteMCLP(p, k), bruteCovered(p, f.Sites))
		case ModelPCenter:
			if f.Objective != centerOf(p, f.Sites) || f.Bound > f.Objective {
				t.Errorf("trial %d: p-center objective %v bound %v, sites give %v", trial, f.Objective, f.Bound, centerOf(p, f.Sites))
			}
		}
		// No swap improves lexicographically.
		p0, w0 := prim(f.Sites), weighted(p, f.Sites, reach)
		for a, j := range f.Sites {
			if slices.Contains(p.Fixed, j) {
				continue
			}
			for c := 0; c < m; c++ {
				if slices.Contains(f.Sites, c) {
					continue
				}
				open := slices.Clone(f.Sites)
				open[a] = c
				p1, w1 := prim(open), weighted(p, open, reach)
				if p1 > p0 || p1 == p0 && w1 < w0-1e-9*max(w0, 1) {
					t.Errorf("trial %d %s: swapping %d for %d improves (%v, %v) -> (%v, %v)", trial, r.Model, j, c, p0, w0, p1, w1)
				}
			}
		}
	}
}
