package optimize

import (
	"container/heap"
	"math"
	"slices"
)

// run solves the model over lo..hi by best-first branch and bound (lowest
// bound first, the newest node on ties, so that equal bounds dive) and
// returns the proven lower bound (min form). s.ub/s.best hold the incumbent.
func (s *search) run(lo, hi []int32) float64 {
	lam := make([]float64, s.rel.dim())
	s.rel.start(lam)
	s.rel.project(lam)
	open := &nodeHeap{}
	seq := 0
	push := func(nd *node) {
		seq++
		nd.seq = seq
		heap.Push(open, nd)
	}
	push(&node{lo: lo, hi: hi, lam: lam, bound: math.Inf(-1)})
	lowest := func() float64 {
		lb := min(s.ub, s.lowPruned)
		if open.Len() > 0 {
			lb = min(lb, (*open)[0].bound)
		}
		return lb
	}
	for open.Len() > 0 {
		if s.ub <= s.stopAt || s.lim.expired() {
			break
		}
		if s.nodes > 0 && (s.maxNodes < 0 || s.nodes >= s.maxNodes) {
			s.lim.status = NodeLimit
			break
		}
		if lb := s.round(lowest()); !math.IsInf(s.ub, 1) && relGap(s.ub, lb) <= s.lim.gapTol {
			break
		}
		nd := heap.Pop(open).(*node)
		if s.prunable(nd.bound) {
			continue
		}
		s.nodes++
		kids, b, done := s.process(nd, s.nodes == 1)
		if !done { // interrupted: the node stays open with what it proved
			nd.bound = max(nd.bound, b)
			heap.Push(open, nd)
			break
		}
		for _, k := range kids {
			push(k)
		}
	}
	if open.Len() == 0 {
		s.finished = true
	}
	return s.round(lowest())
}

// nodeHeap orders open nodes by bound, then newest first.
type nodeHeap []*node

func (h nodeHeap) Len() int { return len(h) }
func (h nodeHeap) Less(a, b int) bool {
	if h[a].bound != h[b].bound {
		return h[a].bound < h[b].bound
	}
	return h[a].seq > h[b].seq
}
func (h nodeHeap) Swap(a, b int) { h[a], h[b] = h[b], h[a] }
func (h *nodeHeap) Push(x any)   { *h = append(*h, x.(*node)) }
func (h *nodeHeap) Pop() any {
	old := *h
	nd := old[len(old)-1]
	*h = old[:len(old)-1]
	return nd
}

// process bounds one node, fixes variables and returns its children (the one
// to explore first last). done is false if limits interrupted it; b is the
// node's bound.
func (s *search) process(nd *node, root bool) (kids []*node, b float64, done bool) {
	lo, hi := slices.Clone(nd.lo), slices.Clone(nd.hi)
	lam := slices.Clone(nd.lam)
	iters, stall := s.lim.nodeIter, 10
	if root {
		iters, stall = s.lim.rootIter, 60
	}
	b = nd.bound
	for pass := 0; ; pass++ {
		L, ok := s.ascend(lam, lo, hi, iters, stall)
		if !ok {
			return nil, math.Inf(1), true
		}
		b = max(b, s.round(L))
		if s.prunable(b) || s.ub <= s.stopAt {
			return nil, b, true
		}
		if s.lim.stopped {
			return nil, b, false
		}
		if pass >= 3 {
			break
		}
		changed, feasible := s.fix(lam, lo, hi)
		if !feasible {
			return nil, math.Inf(1), true
		}
		if !changed {
			break
		}
		iters, stall = max(s.lim.nodeIter/2, 10), 5
	}
	// The relaxed solution at the best multipliers after fixing.
	L := s.rel.reduced(lam, s.r)
	v, ok := s.choose(s.r, lo, hi, s.x)
	if !ok {
		return nil, math.Inf(1), true
	}
	b = max(b, s.round(L+v))
	s.tryImprove(s.x, lo, hi)
	if s.prunable(b) {
		return nil, b, true
	}
	j := -1
	for c := range s.x {
		if s.x[c] > lo[c] && (j < 0 || s.r[c] < s.r[j]) {
			j = c
		}
	}
	up := int32(0)
	if j >= 0 {
		up = s.x[j]
	} else {
		// No free site in the relaxed solution: lo is it.
		c := s.rel.cost(lo)
		if s.k >= 0 || c == float64(sum32(lo)) {
			s.offer(lo, c)
			return nil, c, true
		}
		// LSCP: lo does not cover; open the most attractive free site.
		for c := range lo {
			if hi[c] > lo[c] && (j < 0 || s.r[c] < s.r[j]) {
				j = c
			}
		}
		if j < 0 {
			return nil, math.Inf(1), true
		}
		up = lo[j] + 1
	}
	down := &node{lo: lo, hi: slices.Clone(hi), lam: lam, bound: b}
	down.hi[j] = up - 1
	upn := &node{lo: slices.Clone(lo), hi: hi, lam: lam, bound: b}
	upn.lo[j] = up
	return []*node{down, upn}, b, true
}

func sum32(x []int32) (s int) {
	for _, v := range x {
		s += int(v)
	}
	return s
}

// fix applies Lagrangian reduction tests at lam to binary site variables: a
// free site whose forced opening (closing) gives a bound no better than the
// incumbent is closed (opened). feasible is false if the bounds become
// contradictory.
func (s *search) fix(lam []float64, lo, hi []int32) (changed, feasible bool) {
	if !s.binary || math.IsInf(s.ub, 1) {
		return false, true
	}
	c := s.rel.reduced(lam, s.r)
	v, ok := s.choose(s.r, lo, hi, s.x)
	if !ok {
		return false, false
	}
	L := c + v
	r, x := s.r, s.x
	if s.k < 0 {
		for j := range x {
			if hi[j] == lo[j] {
				continue
			}
			if x[j] == 0 && s.prunable(L+r[j]) {
				hi[j], changed = 0, true
			} else if x[j] == 1 && s.prunable(L-r[j]) {
				lo[j], changed = 1, true
			}
		}
		return changed, true
	}
	rem := s.k - sum32(lo)
	last, next := math.Inf(-1), math.Inf(1)
	for j := range x {
		if hi[j] == lo[j] {
			continue
		}
		if x[j] == 1 {
			last = max(last, r[j])
		} else {
			next = min(next, r[j])
		}
	}
	for j := range x {
		if hi[j] == lo[j] {
			continue
		}
		switch {
		case x[j] == 0 && (rem == 0 || s.prunable(L+r[j]-last)):
			hi[j], changed = 0, true
		case x[j] == 1 && (math.IsInf(next, 1) || s.prunable(L-r[j]+next)):
			lo[j], changed = 1, true
		}
	}
	return changed, sum32(lo) <= s.k && sum32(hi) >= s.k
}
