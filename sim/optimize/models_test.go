package optimize

import (
	"math"
	"math/rand/v2"
	"testing"
)

// bruteLSCP returns the fewest sites (fixed included) covering every
// coverable positive-weight point.
func bruteLSCP(p Problem) int {
	m, n := p.Times.Rows, p.Times.Cols
	need := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			if p.Weight[i] > 0 && p.Times.At(j, i) <= p.Target[i] {
				need += p.Weight[i]
				break
			}
		}
	}
	for k := len(p.Fixed); k <= m; k++ {
		ok := false
		subsets(m, k, p.Fixed, func(open []int) { ok = ok || bruteCovered(p, open) == need })
		if ok {
			return k
		}
	}
	return -1
}

func TestLSCPRandomBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2))
	for trial := 0; trial < trials(300); trial++ {
		m, n := 3+rng.IntN(11), 5+rng.IntN(50)
		p := randomProblem(rng, m, n)
		if rng.IntN(3) == 0 {
			p.Fixed = []int{rng.IntN(m)}
		}
		in := mustInstance(t, p)
		opts := Options{}
		switch trial % 4 {
		case 2:
			opts.MaxNodes = 2 // stopped inside the tree
		case 3:
			opts.MaxNodes = -1 // root only
		}
		r, err := LSCP(in, opts)
		if err != nil {
			t.Fatal(err)
		}
		opt := float64(bruteLSCP(p))
		checkResult(t, r, opt, float64(len(r.Sites)))
		// LSCP covers everything coverable: the rest is what no site covers.
		if all := bruteCovered(p, allSites(m)); r.Covered != all || r.Covered+r.UncoverableWeight != r.Total || bruteCovered(p, r.Sites) != r.Covered {
			t.Errorf("trial %d: covered %v + uncoverable %v of %v, all sites cover %v", trial, r.Covered, r.UncoverableWeight, r.Total, all)
		}
		if opts.MaxNodes == 0 && !r.Optimal {
			t.Errorf("trial %d: not proven optimal (%v)", trial, r.Status)
		}
	}
}

func allSites(m int) []int {
	s := make([]int, m)
	for j := range s {
		s[j] = j
	}
	return s
}

// brutePMedian and brutePCenter evaluate every p-subset.
func medianOf(p Problem, open []int) float64 {
	s := 0.0
	for i, w := range p.Weight {
		if w == 0 {
			continue
		}
		d := math.Inf(1)
		for _, j := range open {
			d = min(d, p.Times.At(j, i))
		}
		reach := false
		for j := 0; j < p.Times.Rows; j++ {
			reach = reach || !math.IsInf(p.Times.At(j, i), 1)
		}
		if reach {
			s += w * d
		}
	}
	return s
}

func centerOf(p Problem, open []int) float64 {
	s := 0.0
	for i, w := range p.Weight {
		d := math.Inf(1)
		reach := false
		for j := 0; j < p.Times.Rows; j++ {
			reach = reach || !math.IsInf(p.Times.At(j, i), 1)
		}
		for _, j := range open {
			d = min(d, p.Times.At(j, i))
		}
		if w > 0 && reach {
			s = max(s, d)
		}
	}
	return s
}

func TestPMedianPCenterRandomBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 3))
	for trial := 0; trial < trials(300); trial++ {
		m, n := 3+rng.IntN(11), 4+rng.IntN(40)
		p := randomProblem(rng, m, n)
		if rng.IntN(3) == 0 {
			p.Fixed = []int{rng.IntN(m)}
		}
		k := max(1, len(p.Fixed), rng.IntN(m+1))
		in := mustInstance(t, p)
		opts := Options{}
		switch trial % 4 {
		case 2:
			opts.MaxNodes = 2 // stopped inside the tree
		case 3:
			opts.MaxNodes = -1 // root only
		}
		optMed, optCen := math.Inf(1), math.Inf(1)
		subsets(m, k, p.Fixed, func(open []int) {
			optMed = min(optMed, medianOf(p, open))
			optCen = min(optCen, centerOf(p, open))
		})
		r, err := PMedian(in, k, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Sites) != k {
			t.Errorf("trial %d: p-median %d sites, want %d", trial, len(r.Sites), k)
		}
		checkResult(t, r, optMed, medianOf(p, r.Sites))
		if opts.MaxNodes == 0 && !r.Optimal && !math.IsInf(optMed, 1) {
			t.Errorf("trial %d: p-median not proven optimal (%v, gap %v)", trial, r.Status, r.Gap)
		}
		c, err := PCenter(in, k, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Sites) != k {
			t.Errorf("trial %d: p-center %d sites, want %d", trial, len(c.Sites), k)
		}
		checkResult(t, c, optCen, centerOf(p, c.Sites))
		if opts.MaxNodes == 0 && !c.Optimal {
			t.Errorf("trial %d: p-center not proven optimal (%v, objective %v bound %v, optimum %v)", trial, c.Status, c.Objective, c.Bound, optCen)
		}
	}
}

// expectedOf is sum_i w_i (1 - q^c_i) for units u[j] at site j.
func expectedOf(p Problem, u []int, q float64) float64 {
	s := 0.0
	for i, w := range p.Weight {
		c := 0
		for j, n := range u {
			if p.Times.At(j, i) <= p.Target[i] {
				c += n
			}
		}
		s += w * (1 - math.Pow(q, float64(c)))
	}
	return s
}

// allocations calls f with every way to put k units on m sites within lo..hi.
func allocations(m, k int, lo, hi []int, f func(u []int)) {
	u := make([]int, m)
	var rec func(j, left int)
	rec = func(j, left int) {
		if j == m-1 {
			if left >= lo[j] && left <= hi[j] {
				u[j] = left
				f(u)
			}
			return
		}
		for c := lo[j]; c <= min(hi[j], left); c++ {
			u[j] = c
			rec(j+1, left-c)
		}
	}
	rec(0, k)
}

func TestMEXCLPRandomBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < trials(300); trial++ {
		m, n := 2+rng.IntN(6), 5+rng.IntN(25)
		p := randomProblem(rng, m, n)
		if rng.IntN(3) == 0 {
			p.Fixed = []int{rng.IntN(m)}
		}
		e := Expected{Units: max(1, len(p.Fixed)) + rng.IntN(5), Busy: []float64{0, 0.1, 0.3, 0.6}[rng.IntN(4)]}
		if rng.IntN(2) == 0 {
			e.MaxPerSite = 1 + rng.IntN(2)
		}
		lo, hi := make([]int, m), make([]int, m)
		for j := range hi {
			hi[j] = e.Units
			if e.MaxPerSite > 0 {
				hi[j] = e.MaxPerSite
			}
		}
		for _, j := range p.Fixed {
			lo[j] = 1
		}
		opt := -1.0
		allocations(m, e.Units, lo, hi, func(u []int) { opt = max(opt, expectedOf(p, u, e.Busy)) })
		in := mustInstance(t, p)
		opts := Options{}
		switch trial % 4 {
		case 2:
			opts.MaxNodes = 2 // stopped inside the tree
		case 3:
			opts.MaxNodes = -1 // root only
		}
		r, err := MEXCLP(in, e, opts)
		if opt < 0 {
			if err == nil {
				t.Errorf("trial %d: %d units cannot be placed, no error", trial, e.Units)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		u := make([]int, m)
		total := 0
		for k, j := range r.Sites {
			u[j] = r.Units[k]
			total += r.Units[k]
		}
		if total != e.Units {
			t.Errorf("trial %d: %d units placed, want %d", trial, total, e.Units)
		}
		checkResult(t, r, opt, expectedOf(p, u, e.Busy))
		if opts.MaxNodes == 0 && !r.Optimal {
			t.Errorf("trial %d: MEXCLP not proven optimal (%v gap %v)", trial, r.Status, r.Gap)
		}
	}
}
