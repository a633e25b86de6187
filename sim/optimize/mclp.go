package optimize

import (
	"fmt"
	"math"
)

// MCLP solves the maximal covering location problem (Church and ReVelle
// 1974): open p sites (fixed sites included) so that the weight of demand
// within its target of an open site is greatest:
//
//	max sum_i w_i z_i  s.t.  z_i <= sum_{j in N_i} x_j,  sum_j x_j = p,  x, z binary,
//
// with N_i = {j : Times(j, i) <= Target[i]}. The bound is the Lagrangian dual
// of the coverage constraints (equal to the LP relaxation bound), maximised
// by subgradient steps; primal solutions come from greedy construction,
// interchange and the relaxed solutions, inside a branch and bound with
// Lagrangian variable fixing. One subgradient iteration costs
// O(nnz + m log m), nnz the size of the (merged) coverage sets.
func MCLP(in *Instance, p int, opt Options) (*Result, error) {
	if in.covStart == nil {
		return nil, fmt.Errorf("optimize: MCLP: %w", ErrNoTargets)
	}
	m := in.Sites()
	if p < len(in.fixed) || p > m {
		return nil, fmt.Errorf("optimize: MCLP: p = %d, want %d..%d (fixed sites to candidate sites): %w", p, len(in.fixed), m, ErrCount)
	}
	pre := in.coveredBy(in.fixed)
	g := makeGroups(m, in.weight, in.byStart, in.byIdx, func(i int) bool {
		return in.weight[i] > 0 && !pre[i] && in.byStart[i+1] > in.byStart[i]
	})
	base := 0.0
	for i, c := range pre {
		if c {
			base += in.weight[i]
		}
	}
	mod := newCoverModel(g)
	lo, hi := in.bounds(1)
	s := newSearch(mod, m, p, true, in.integralWeights(), opt.limits())
	// Covering every coverable point is the Lagrangian value at zero
	// multipliers: a bound always, and an end to the search once reached.
	all := g.totalWeight()
	s.stopAt = -all * (1 - 1e-12)
	x := mod.greedy(lo, hi, p)
	s.offer(x, mod.improve(x, lo, hi))
	lb := s.run(lo, hi)
	r := in.coverResult(ModelMCLP, s.best)
	r.Objective = base - s.ub
	r.Bound = min(base-lb, base+all)
	r.Gap = relGap(r.Objective, r.Bound)
	r.Status, r.Optimal = s.outcome(r.Objective, r.Bound)
	r.Iterations, r.Nodes = s.iters, s.nodes
	return r, nil
}

// coveredBy marks the demand covered by the given sites.
func (in *Instance) coveredBy(sites []int) []bool {
	c := make([]bool, in.Demands())
	for _, j := range sites {
		for _, i := range in.Covers(j) {
			c[i] = true
		}
	}
	return c
}

// bounds returns the root bounds on x: fixed sites in [1, up], others [0, up].
func (in *Instance) bounds(up int32) (lo, hi []int32) {
	m := in.Sites()
	lo, hi = make([]int32, m), make([]int32, m)
	for j := range hi {
		hi[j] = up
		if in.isFix[j] {
			lo[j] = 1
		}
	}
	return lo, hi
}

// integralWeights reports whether every weight is an integer (then coverage
// objectives are integers and bounds can be rounded).
func (in *Instance) integralWeights() bool {
	for _, w := range in.weight {
		if w != math.Trunc(w) || w > 1<<50 {
			return false
		}
	}
	return true
}

// coverResult fills the parts of a coverage-model result that depend only
// on the open sites x (units per site): Sites, Units, Covered, Added (weight
// covered by no other open site), Uncoverable.
func (in *Instance) coverResult(model Model, x []int32) *Result {
	r := &Result{Model: model, Maximize: model != ModelLSCP, Total: in.total}
	cnt := make([]int32, in.Demands())
	for j, u := range x {
		if u > 0 {
			r.Sites = append(r.Sites, j)
			r.Units = append(r.Units, int(u))
			for _, i := range in.Covers(j) {
				cnt[i]++
			}
		}
	}
	for i, w := range in.weight {
		switch {
		case w > 0 && in.byStart[i+1] == in.byStart[i]:
			r.Uncoverable = append(r.Uncoverable, i)
			r.UncoverableWeight += w
		case cnt[i] > 0:
			r.Covered += w
		}
	}
	if model != ModelMEXCLP {
		r.Added = make([]float64, len(r.Sites))
		for k, j := range r.Sites {
			for _, i := range in.Covers(j) {
				if cnt[i] == 1 {
					r.Added[k] += in.weight[i]
				}
			}
		}
	}
	return r
}
