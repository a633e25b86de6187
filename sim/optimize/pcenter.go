package optimize

import (
	"fmt"
	"math"
	"slices"
)

// PCenter solves the (vertex, unweighted) p-center problem: open p sites
// (fixed sites included) so that the largest time from a demand point of
// positive weight to its nearest open site is least.
//
// The optimum is one of the distinct times in the matrix. A binary search
// over them, from the largest nearest-candidate time upwards, asks at each
// threshold T whether at most p sites cover every point within T; each
// question is a set-covering search (as LSCP, with branch and bound cut off
// at p). When a question stays open under the limits the search goes on
// upwards and the bound is the threshold just above the largest one proven
// infeasible. Sites beyond those a cover needs are added greedily (least
// weighted time) so that p are open. Each probe costs O(m n) to build plus
// the set-covering search; there are O(log(m n)) probes.
func PCenter(in *Instance, p int, opt Options) (*Result, error) {
	m, n := in.Sites(), in.Demands()
	if p < max(len(in.fixed), 1) || p > m {
		return nil, fmt.Errorf("optimize: p-center: p = %d, want %d..%d: %w", p, max(len(in.fixed), 1), m, ErrCount)
	}
	res := &Result{Model: ModelPCenter, Total: in.total}
	active := make([]bool, n)
	lb0 := 0.0
	var vals []float64
	for i, w := range in.weight {
		if w == 0 {
			continue
		}
		near := math.Inf(1)
		for j := 0; j < m; j++ {
			if t := in.times.Data[j*n+i]; !math.IsInf(t, 1) {
				vals = append(vals, t)
				near = min(near, t)
			}
		}
		if math.IsInf(near, 1) {
			res.Uncoverable = append(res.Uncoverable, i)
			res.UncoverableWeight += w
			continue
		}
		active[i] = true
		lb0 = max(lb0, near)
	}
	slices.Sort(vals)
	vals = slices.Compact(vals)
	a, _ := slices.BinarySearch(vals, lb0)
	vals = vals[a:]

	lim := opt.limits()
	lo, hi := in.bounds(1)
	probe := func(T float64) (x []int32, proven bool) {
		_, _, bs, bi := coverage(in.times, func(int) float64 { return T })
		pre := make([]bool, n)
		for _, j := range in.fixed {
			for i := 0; i < n; i++ {
				if in.times.Data[j*n+i] <= T {
					pre[i] = true
				}
			}
		}
		g := makeGroups(m, in.weight, bs, bi, func(i int) bool { return active[i] && !pre[i] })
		cs, found := solveCover(g, lo, hi, float64(p), lim)
		res.Iterations += cs.iters
		res.Nodes += cs.nodes
		if found {
			return cs.best, true
		}
		return nil, cs.finished
	}
	// Invariant: vals[lo-1] infeasible (or lo == 0), vals[hi] feasible with best.
	var best []int32
	l, h := -1, len(vals)-1
	provenBelow := -1 // largest index proven infeasible
	if len(vals) > 0 {
		if x, proven := probe(vals[h]); x != nil {
			best = x
		} else if proven {
			provenBelow = h // no p sites reach every point
		}
	}
	for best != nil && h-l > 1 && !lim.expired() {
		mid := (l + h) / 2
		x, proven := probe(vals[mid])
		switch {
		case x != nil:
			h, best = mid, x
		case proven:
			l, provenBelow = mid, max(provenBelow, mid)
		default:
			l = mid
		}
	}
	if best == nil {
		best, _ = in.bounds(1)
	}
	best = in.fillSites(best, p, active)
	obj, add := in.centerObjective(best, active)
	res.Objective = obj
	res.Bound = lb0
	switch {
	case provenBelow == len(vals)-1:
		res.Bound = math.Inf(1)
	case provenBelow >= 0:
		res.Bound = vals[provenBelow+1]
	}
	res.Bound = min(res.Bound, obj)
	res.Gap = relGap(res.Objective, res.Bound)
	switch {
	case res.Gap <= 1e-9:
		res.Status, res.Optimal = Optimal, true
	case lim.stopped:
		res.Status = lim.status
	default:
		res.Status = NodeLimit
	}
	for j, u := range best {
		if u > 0 {
			res.Sites = append(res.Sites, j)
			res.Units = append(res.Units, 1)
			res.Added = append(res.Added, add[j])
		}
	}
	for i, ok := range active {
		if ok && !math.IsInf(in.nearestOpen(best, i), 1) {
			res.Covered += in.weight[i]
		}
	}
	return res, nil
}

func (in *Instance) nearestOpen(x []int32, i int) float64 {
	n := in.Demands()
	d := math.Inf(1)
	for j, u := range x {
		if u > 0 {
			d = min(d, in.times.Data[j*n+i])
		}
	}
	return d
}

// fillSites adds sites to x, one at a time the one that lowers the weighted
// sum of times most (lowest index on ties), until p are open.
func (in *Instance) fillSites(x []int32, p int, active []bool) []int32 {
	n := in.Demands()
	near := make([]float64, n)
	for i := range near {
		near[i] = in.nearestOpen(x, i)
	}
	for k := sum32(x); k < p; k++ {
		b, bg := -1, -1.0
		for j, u := range x {
			if u > 0 {
				continue
			}
			g := 0.0
			for i, ok := range active {
				if t := in.times.Data[j*n+i]; ok && t < near[i] {
					if math.IsInf(near[i], 1) {
						g += 1e300
					} else {
						g += in.weight[i] * (near[i] - t)
					}
				}
			}
			if g > bg {
				b, bg = j, g
			}
		}
		x[b] = 1
		for i := range near {
			near[i] = min(near[i], in.times.Data[b*n+i])
		}
	}
	return x
}

// centerObjective returns the largest time from an active point to its
// nearest open site, and for each open site how much it would grow without it.
func (in *Instance) centerObjective(x []int32, active []bool) (float64, []float64) {
	worst := func(skip int) float64 {
		w := 0.0
		for i, ok := range active {
			if !ok {
				continue
			}
			d := math.Inf(1)
			for j, u := range x {
				if u > 0 && j != skip {
					d = min(d, in.times.Data[j*in.Demands()+i])
				}
			}
			w = max(w, d)
		}
		return w
	}
	obj := worst(-1)
	add := make([]float64, len(x))
	for j, u := range x {
		if u > 0 {
			add[j] = worst(j) - obj
		}
	}
	return obj, add
}
