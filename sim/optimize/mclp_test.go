package optimize

import (
	"math/rand/v2"
	"testing"
)

func TestMCLPRandomBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 1))
	for trial := 0; trial < trials(300); trial++ {
		m, n := 3+rng.IntN(12), 5+rng.IntN(50)
		p := randomProblem(rng, m, n)
		if rng.IntN(3) == 0 {
			p.Fixed = []int{rng.IntN(m)}
		}
		k := max(len(p.Fixed), 1+rng.IntN(m))
		in := mustInstance(t, p)
		opts := Options{}
		switch trial % 4 {
		case 2:
			opts.MaxNodes = 2 // stopped inside the tree
		case 3:
			opts.MaxNodes = -1 // root only: the bound must still be valid
		}
		r, err := MCLP(in, k, opts)
		if err != nil {
			t.Fatal(err)
		}
		opt := bruteMCLP(p, k)
		if len(r.Sites) != k {
			t.Errorf("trial %d: %d sites, want %d", trial, len(r.Sites), k)
		}
		checkResult(t, r, opt, bruteCovered(p, r.Sites))
		if opts.MaxNodes == 0 && !r.Optimal {
			t.Errorf("trial %d: not proven optimal (status %v, gap %v, nodes %d)", trial, r.Status, r.Gap, r.Nodes)
		}
	}
}
