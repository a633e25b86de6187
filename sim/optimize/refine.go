package optimize

import (
	"math"
	"slices"
)

// unreachedPenalty stands for +Inf in Refine's weighted time (seconds), so
// that reaching a point counts before shortening anyone's time.
const unreachedPenalty = 1e7

// Refine improves an LSCP, MCLP or p-center result on a second objective,
// the weighted sum of times from each demand point to its nearest open site
// (the p-median objective), without making the model's own objective worse.
// Many sets of sites cover the same residents or share the same worst time;
// a planner wants the one nearest the people, not the one the search met
// first. Refine swaps one open site (never a fixed one) for one closed
// candidate when that keeps the covered weight (LSCP, MCLP) or the worst
// time (p-center) at least as good and lowers the weighted time, or improves
// the model's objective; for each open site in turn the best such swap is
// made, until a whole pass finds none (or Options' time or context runs
// out). One pass costs O(p m n).
//
// The returned result has the new Sites, Objective, Covered and Added; its
// Bound is r's (still valid: it bounds every solution), its Gap, Optimal and
// Status follow the new objective. Results of other models, and results no
// swap improves, come back as an unchanged copy. r is not modified.
func Refine(in *Instance, r *Result, opt Options) (*Result, error) {
	out := *r
	if r.Model != ModelLSCP && r.Model != ModelMCLP && r.Model != ModelPCenter {
		return &out, nil
	}
	if (r.Model == ModelLSCP || r.Model == ModelMCLP) && in.covStart == nil {
		return nil, ErrNoTargets
	}
	m, n := in.Sites(), in.Demands()
	x := make([]int32, m)
	for _, j := range r.Sites {
		if j < 0 || j >= m {
			return nil, ErrSite
		}
		x[j] = 1
	}
	center := r.Model == ModelPCenter
	active := make([]bool, n)
	for i, w := range in.weight {
		if w <= 0 {
			continue
		}
		for j := 0; j < m; j++ {
			if !math.IsInf(in.times.Data[j*n+i], 1) {
				active[i] = true
				break
			}
		}
	}
	rf := &refiner{in: in, x: x, active: active, center: center,
		d1: make([]float64, n), d2: make([]float64, n), s1: make([]int32, n), cnt: make([]int32, n)}
	lim := opt.limits()
	changed := false
	for pass := 0; pass < 100 && !lim.expired(); pass++ {
		moved := false
		for j := 0; j < m && !lim.expired(); j++ {
			if x[j] == 0 || in.isFix[j] {
				continue
			}
			rf.nearest()
			if k := rf.bestSwap(j); k >= 0 {
				x[j], x[k] = 0, 1
				moved, changed = true, true
			}
		}
		if !moved {
			break
		}
	}
	if !changed {
		return &out, nil
	}
	var nr *Result
	if center {
		nr = &Result{Model: r.Model, Total: in.total, Uncoverable: r.Uncoverable, UncoverableWeight: r.UncoverableWeight}
		obj, add := in.centerObjective(x, active)
		for j, u := range x {
			if u > 0 {
				nr.Sites = append(nr.Sites, j)
				nr.Units = append(nr.Units, 1)
				nr.Added = append(nr.Added, add[j])
			}
		}
		for i, ok := range active {
			if ok && !math.IsInf(in.nearestOpen(x, i), 1) {
				nr.Covered += in.weight[i]
			}
		}
		nr.Objective, nr.Bound = obj, min(r.Bound, obj)
	} else {
		nr = in.coverResult(r.Model, x)
		nr.Objective, nr.Bound = float64(len(nr.Sites)), r.Bound
		if r.Model == ModelMCLP {
			nr.Objective, nr.Bound = nr.Covered, max(r.Bound, nr.Covered)
		}
	}
	nr.Maximize, nr.Iterations, nr.Nodes = r.Maximize, r.Iterations, r.Nodes
	nr.Gap = relGap(nr.Objective, nr.Bound)
	nr.Status, nr.Optimal = r.Status, false
	if nr.Gap <= 1e-9 || r.Optimal {
		nr.Status, nr.Optimal = Optimal, true // the objective is no worse than a proven optimum
	}
	return nr, nil
}

// refiner holds, for the open sites x, each active point's nearest and
// second-nearest open times and how many open sites cover it.
type refiner struct {
	in     *Instance
	x      []int32
	active []bool
	center bool
	d1, d2 []float64
	s1     []int32
	cnt    []int32
}

func (rf *refiner) nearest() {
	in, n := rf.in, rf.in.Demands()
	for i := range rf.d1 {
		rf.d1[i], rf.d2[i], rf.s1[i], rf.cnt[i] = math.Inf(1), math.Inf(1), -1, 0
	}
	for j, u := range rf.x {
		if u == 0 {
			continue
		}
		row := in.times.Data[j*n : (j+1)*n]
		for i, t := range row {
			switch {
			case t < rf.d1[i]:
				rf.d2[i], rf.d1[i], rf.s1[i] = rf.d1[i], t, int32(j)
			case t < rf.d2[i]:
				rf.d2[i] = t
			}
		}
		if !rf.center {
			for _, i := range in.Covers(j) {
				rf.cnt[i]++
			}
		}
	}
}

// penal is t with +Inf replaced by the unreached penalty.
func penal(t float64) float64 { return min(t, unreachedPenalty) }

// bestSwap returns the closed site k whose swap with the open site j is
// best, lexicographically by the model's objective, then weighted time; -1
// when none improves.
func (rf *refiner) bestSwap(j int) int {
	in, n := rf.in, rf.in.Demands()
	worst, sec := 0.0, 0.0
	for i, ok := range rf.active {
		if ok {
			worst = max(worst, rf.d1[i])
			sec += in.weight[i] * penal(rf.d1[i])
		}
	}
	tol := 1e-12 * max(sec, 1)
	covJ := slices.Clone(in.Covers(j))
	var covered []bool
	if !rf.center {
		covered = make([]bool, n)
	}
	best, bestPrim, bestSec := -1, 0.0, -tol
	for k, u := range rf.x {
		if u > 0 {
			continue
		}
		row := in.times.Data[k*n : (k+1)*n]
		dSec, newWorst := 0.0, 0.0
		ok := true
		for i, a := range rf.active {
			if !a {
				continue
			}
			alt := rf.d1[i]
			if rf.s1[i] == int32(j) {
				alt = rf.d2[i]
			}
			nt := min(alt, row[i])
			if rf.center {
				if nt > worst {
					ok = false
					break
				}
				newWorst = max(newWorst, nt)
			}
			dSec += in.weight[i] * (penal(nt) - penal(rf.d1[i]))
		}
		if !ok {
			continue
		}
		prim := worst - newWorst
		if !rf.center {
			prim = rf.coverageChange(covJ, k, covered)
			if math.Abs(prim) <= 1e-12*in.total {
				prim = 0 // rounding, not a change
			}
		}
		if prim < 0 {
			continue
		}
		if prim > bestPrim || prim == bestPrim && dSec < bestSec {
			best, bestPrim, bestSec = k, prim, dSec
		}
	}
	return best
}

// coverageChange is the covered weight gained minus lost when the open site
// j (covering covJ) is swapped for k. scratch is all false and left so.
func (rf *refiner) coverageChange(covJ []int32, k int, scratch []bool) float64 {
	in := rf.in
	gain := 0.0
	for _, i := range in.Covers(k) {
		scratch[i] = true
		if rf.cnt[i] == 0 {
			gain += in.weight[i]
		}
	}
	for _, i := range covJ {
		if rf.cnt[i] == 1 && !scratch[i] {
			gain -= in.weight[i]
		}
	}
	for _, i := range in.Covers(k) {
		scratch[i] = false
	}
	return gain
}
