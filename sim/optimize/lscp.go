package optimize

import (
	"fmt"
	"math"
)

// LSCP solves the location set covering problem (Toregas et al. 1971): open
// the fewest sites (fixed sites included) so that every demand point of
// positive weight that some candidate covers is within its target of an
// open site:
//
//	min sum_j x_j  s.t.  sum_{j in N_i} x_j >= 1 for every coverable i,  x binary.
//
// Points no candidate covers are reported in Uncoverable and left out. The
// bound is the Lagrangian dual of the covering constraints (Beasley 1990),
// maximised by subgradient steps and rounded up; primal solutions come from
// greedy repair of the relaxed solutions and removal of redundant sites,
// inside a branch and bound with Lagrangian variable fixing. One iteration
// costs O(nnz).
func LSCP(in *Instance, opt Options) (*Result, error) {
	if in.covStart == nil {
		return nil, fmt.Errorf("optimize: LSCP: %w", ErrNoTargets)
	}
	m := in.Sites()
	pre := in.coveredBy(in.fixed)
	g := makeGroups(m, in.weight, in.byStart, in.byIdx, func(i int) bool {
		return in.weight[i] > 0 && !pre[i] && in.byStart[i+1] > in.byStart[i]
	})
	lo, hi := in.bounds(1)
	s, _ := solveCover(g, lo, hi, math.Inf(1), opt.limits())
	r := in.coverResult(ModelLSCP, s.best)
	r.Objective = s.ub
	r.Bound = s.bound
	r.Gap = relGap(r.Objective, r.Bound)
	r.Status, r.Optimal = s.outcome(r.Objective, r.Bound)
	r.Iterations, r.Nodes = s.iters, s.nodes
	return r, nil
}

// coverSearch is a finished set-covering search and its bound.
type coverSearch struct {
	*search
	bound float64
}

// solveCover solves set covering over g within lo..hi. With a finite cutoff
// it only looks for a cover of at most cutoff sites: it stops at the first
// one, and proves there is none when the tree is exhausted (found false,
// s.finished true).
func solveCover(g *groups, lo, hi []int32, cutoff float64, lim *limits) (cs coverSearch, found bool) {
	mod := newCoverSetModel(g)
	s := newSearch(mod, len(lo), -1, true, true, lim)
	if !math.IsInf(cutoff, 1) {
		s.ub, s.stopAt = cutoff+1, cutoff
	}
	x := append([]int32(nil), lo...)
	if c := mod.improve(x, lo, hi); c < s.ub {
		s.offer(x, c)
	}
	cs = coverSearch{search: s}
	cs.bound = s.run(lo, hi)
	return cs, s.best != nil
}
