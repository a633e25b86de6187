package optimize

import (
	"cmp"
	"math"
	"slices"
)

// relaxation is a location model in minimisation form whose Lagrangian
// relaxation is a constant plus a linear function of integer site variables
// x_j (units at site j) under bounds lo <= x <= hi and, when k >= 0, the
// cardinality constraint sum_j x_j = k. Every model of the package but
// p-center is driven through it by search.
type relaxation interface {
	// dim is the number of relaxed constraints (multipliers).
	dim() int
	// start sets the initial multipliers.
	start(lam []float64)
	// reduced returns the constant of the Lagrangian function at lam and fills
	// r with the reduced cost of one unit at each site.
	reduced(lam, r []float64) float64
	// subgradient fills g with a subgradient of the Lagrangian function at lam
	// when x minimises its site part.
	subgradient(lam []float64, x []int32, g []float64)
	// project moves lam back into the multipliers' domain.
	project(lam []float64)
	// cost returns the objective of a feasible completion of x without
	// changing x (for k >= 0, x itself; for LSCP, x plus a greedy repair).
	cost(x []int32) float64
	// improve turns x into a feasible solution within lo..hi (same total when
	// k >= 0), improves it by local search and returns its objective.
	improve(x, lo, hi []int32) float64
}

// search runs subgradient optimisation of the Lagrangian dual inside a
// depth-first branch and bound with Lagrangian variable fixing.
type search struct {
	rel      relaxation
	m, k     int  // sites; total units (< 0: free, LSCP)
	binary   bool // every x_j in {0, 1}
	integral bool // every objective value is an integer
	lim      *limits

	ub     float64 // incumbent objective (+Inf or a cutoff if none yet)
	best   []int32 // incumbent, nil if none
	stopAt float64 // stop once ub <= stopAt (p-center probes); -Inf otherwise

	iters, nodes int
	maxNodes     int     // resolved node limit (< 0: root only)
	finished     bool    // the tree was exhausted
	lowPruned    float64 // lowest bound of anything pruned or fixed away

	r, g, work []float64
	dir        []float64 // previous direction (deflection)
	volume     float64   // > 0: direction = volume*g + (1-volume)*previous (volume algorithm)
	scale      []float64 // diagonal metric of the subgradient steps (nil: identity)
	x, buf     []int32
	order      []int32
	seen       [256]uint64
	seenN      int
}

type node struct {
	lo, hi []int32
	lam    []float64 // parent's multipliers, shared read-only
	bound  float64   // parent's bound
	seq    int       // creation order
}

// metered is a relaxation whose multipliers have different scales: the
// subgradient steps use the diagonal metric it returns.
type metered interface{ metric() []float64 }

// smoothed is a relaxation whose relaxed solutions jump between extremes
// (MEXCLP puts every free unit on one site): its steps follow the average
// direction d = v*g + (1-v)*d_prev of the volume algorithm (Barahona and
// Anbil 2000) instead of the deflected subgradient.
type smoothed interface{ volume() float64 }

// sized is a relaxation that knows the cost of one evaluation (the size of
// its coverage or assignment structure); it sets the default node limit.
type sized interface{ work() int }

func newSearch(rel relaxation, m, k int, binary, integral bool, lim *limits) *search {
	var sc []float64
	if mt, ok := rel.(metered); ok {
		sc = mt.metric()
	}
	vol := 0.0
	if v, ok := rel.(smoothed); ok {
		vol = v.volume()
	}
	maxNodes := lim.maxNodes
	if maxNodes == 0 {
		// Default: about 1e9 multiply-adds of node work, 50..20000 nodes.
		work := rel.dim() + m
		if w, ok := rel.(sized); ok {
			work += w.work()
		}
		maxNodes = min(max(int(1e9/float64(lim.nodeIter*work)), 50), 20000)
	}
	return &search{volume: vol, scale: sc, maxNodes: maxNodes,
		rel: rel, m: m, k: k, binary: binary, integral: integral, lim: lim,
		ub: math.Inf(1), stopAt: math.Inf(-1), lowPruned: math.Inf(1),
		r: make([]float64, m), g: make([]float64, rel.dim()), dir: make([]float64, rel.dim()), work: make([]float64, rel.dim()),
		x: make([]int32, m), buf: make([]int32, m), order: make([]int32, 0, m),
	}
}

// round turns a Lagrangian value into a bound: rounded up when every
// objective value is an integer.
func (s *search) round(b float64) float64 {
	if s.integral && !math.IsInf(b, 0) {
		return math.Ceil(b - 1e-6 - 1e-9*math.Abs(b))
	}
	return b
}

// prunable reports whether a subtree of bound b cannot hold a solution
// better than the incumbent by more than the gap tolerance.
func (s *search) prunable(b float64) bool {
	b = s.round(b)
	var p bool
	if math.IsInf(s.ub, 1) {
		p = math.IsInf(b, 1)
	} else {
		p = b >= s.ub-s.lim.gapTol*math.Abs(s.ub)
	}
	if p {
		s.lowPruned = min(s.lowPruned, b)
	}
	return p
}

// outcome turns the search's end state into the reported status, with obj
// and bound in the model's own sense.
func (s *search) outcome(obj, bound float64) (Status, bool) {
	gap := relGap(obj, bound)
	switch {
	case gap <= 1e-9:
		return Optimal, true
	case s.lim.stopped:
		return s.lim.status, false
	case gap <= s.lim.gapTol:
		return GapReached, false
	}
	return NodeLimit, false
}

// offer records x as incumbent if it is better.
func (s *search) offer(x []int32, c float64) {
	if c < s.ub {
		s.ub = c
		s.best = append(s.best[:0], x...)
	}
}

// tryImprove runs the model's local search from x unless it already did.
func (s *search) tryImprove(x, lo, hi []int32) {
	h := uint64(14695981039346656037)
	for _, v := range x {
		h = (h ^ uint64(uint32(v))) * 1099511628211
	}
	for _, v := range s.seen[:min(s.seenN, len(s.seen))] {
		if v == h {
			return
		}
	}
	s.seen[s.seenN%len(s.seen)] = h
	s.seenN++
	copy(s.buf, x)
	s.offer(s.buf, s.rel.improve(s.buf, lo, hi))
}

// choose fills x with a minimiser of sum_j r_j x_j within lo..hi (and
// sum x = k when k >= 0), ties broken by site index; ok is false if the
// bounds admit no solution.
func (s *search) choose(r []float64, lo, hi, x []int32) (v float64, ok bool) {
	copy(x, lo)
	rem := s.k
	for j, l := range lo {
		v += r[j] * float64(l)
		rem -= int(l)
	}
	if s.k < 0 {
		for j := range x {
			if hi[j] > lo[j] && r[j] < 0 {
				x[j] = hi[j]
				v += r[j] * float64(hi[j]-lo[j])
			}
		}
		return v, true
	}
	if rem < 0 {
		return math.Inf(1), false
	}
	s.order = s.order[:0]
	for j := range x {
		if hi[j] > lo[j] {
			s.order = append(s.order, int32(j))
		}
	}
	slices.SortFunc(s.order, func(a, b int32) int {
		if c := cmp.Compare(r[a], r[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, j := range s.order {
		if rem == 0 {
			break
		}
		t := min(int(hi[j]-lo[j]), rem)
		x[j] += int32(t)
		v += r[j] * float64(t)
		rem -= t
	}
	if rem > 0 {
		return math.Inf(1), false
	}
	return v, true
}

// ascend maximises the Lagrangian function by subgradient steps from lam
// (Polyak step towards the incumbent, factor halved after `stall` iterations
// without progress). It leaves the best multipliers in lam and returns the
// best value; ok is false if the node is infeasible.
func (s *search) ascend(lam []float64, lo, hi []int32, maxIter, stall int) (best float64, ok bool) {
	rel := s.rel
	cur := s.work
	copy(cur, lam)
	best = math.Inf(-1)
	f, since := 2.0, 0
	for it := 0; it < maxIter && f > 1e-4; it++ {
		if s.lim.expired() {
			break
		}
		c := rel.reduced(cur, s.r)
		v, feas := s.choose(s.r, lo, hi, s.x)
		if !feas {
			return math.Inf(1), false
		}
		L := c + v
		s.iters++
		if math.IsInf(best, -1) || L > best+1e-12*math.Abs(best) {
			best = L
			copy(lam, cur)
			since = 0
		} else if since++; since >= stall {
			f /= 2
			since = 0
		}
		if pc := rel.cost(s.x); pc < s.ub || (it%25 == 24 && maxIter > 100) {
			s.tryImprove(s.x, lo, hi)
		}
		if s.prunable(best) || s.ub <= s.stopAt {
			break
		}
		rel.subgradient(cur, s.x, s.g)
		sc := s.scale
		// Deflection (Camerini, Fratta and Maffioli 1975): add part of the
		// previous direction when the new subgradient turns against it.
		dot, dn := 0.0, 0.0
		for i, d := range s.g {
			w := 1.0
			if sc != nil {
				w = sc[i]
			}
			dot += w * d * s.dir[i]
			dn += w * s.dir[i] * s.dir[i]
		}
		beta, alpha := 0.0, 1.0
		if s.volume > 0 && it > 0 {
			alpha, beta = s.volume, 1-s.volume
		} else if it > 0 && dn > 0 && dot < 0 {
			beta = -1.5 * dot / dn
		}
		norm := 0.0
		for i, d := range s.g {
			d = alpha*d + beta*s.dir[i]
			s.dir[i] = d
			if sc != nil {
				norm += sc[i] * d * d
			} else {
				norm += d * d
			}
		}
		copy(s.g, s.dir)
		if norm == 0 {
			break
		}
		target := s.ub
		if math.IsInf(target, 1) {
			target = L + 0.1*math.Abs(L) + 1
		}
		t := f * (target - L) / norm
		for i, d := range s.g {
			if sc != nil {
				d *= sc[i]
			}
			cur[i] += t * d
		}
		rel.project(cur)
	}
	return best, true
}
