package optimize

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// PMedian solves the p-median problem (Hakimi 1964; ReVelle and Swain 1970):
// open p sites (fixed sites included) so that the weighted sum of times from
// each demand point to its nearest open site is least:
//
//	min sum_i sum_j w_i t_ij y_ij  s.t.  sum_j y_ij = 1,  y_ij <= x_j,  sum_j x_j = p.
//
// The bound relaxes the assignment constraints sum_j y_ij = 1 (Cornuéjols,
// Fisher and Nemhauser 1977; Beasley 1993), maximised by subgradient steps;
// primal solutions come from greedy construction and vertex substitution
// (Teitz and Bart 1968) with Whitaker's fast swap evaluation, O(m n) per
// pass, inside a branch and bound with Lagrangian variable fixing. Demand
// points of weight 0 are ignored; points no candidate reaches are reported in
// Uncoverable and left out. If the best solution leaves a reachable point
// unreached, Objective is +Inf (the bound stays valid).
func PMedian(in *Instance, p int, opt Options) (*Result, error) {
	m := in.Sites()
	if p < max(len(in.fixed), 1) || p > m {
		return nil, fmt.Errorf("optimize: p-median: p = %d, want %d..%d: %w", p, max(len(in.fixed), 1), m, ErrCount)
	}
	mod := newMedianModel(in)
	lo, hi := in.bounds(1)
	s := newSearch(mod, m, p, true, mod.integral, opt.limits())
	x := mod.greedy(lo, hi, p)
	s.offer(x, mod.improve(x, lo, hi))
	lb := s.run(lo, hi)
	r := mod.result(s.best)
	r.Objective = mod.trueCost(s.best)
	r.Bound = lb
	r.Gap = relGap(r.Objective, r.Bound)
	r.Status, r.Optimal = s.outcome(r.Objective, r.Bound)
	r.Iterations, r.Nodes = s.iters, s.nodes
	return r, nil
}

// medianModel is p-median over the demand points of positive weight that
// some candidate reaches. Costs c_ij = w_i t_ij; an unreached point costs pen.
type medianModel struct {
	in       *Instance
	dem      []int32 // original index of each model demand point
	w        []float64
	lstart   []int32 // candidates of demand k by increasing cost: nb/nc[start[k]:start[k+1]]
	nb       []int32
	nc       []float64
	pen      float64
	integral bool
	unreach  []int
	unreachW float64

	d1, d2 []float64 // nearest and second-nearest open cost (scratch)
	c1     []int32
	base   []float64
	extra  []float64
	touch  []int32
}

func newMedianModel(in *Instance) *medianModel {
	md := &medianModel{in: in, lstart: []int32{0}, integral: in.integralWeights()}
	m, n := in.Sites(), in.Demands()
	type cand struct {
		j int32
		c float64
	}
	var buf []cand
	total := 0.0
	for i := 0; i < n; i++ {
		w := in.weight[i]
		if w == 0 {
			continue
		}
		buf = buf[:0]
		for j := 0; j < m; j++ {
			if t := in.times.Data[j*n+i]; !math.IsInf(t, 1) {
				buf = append(buf, cand{int32(j), w * t})
				if t != math.Trunc(t) {
					md.integral = false
				}
			}
		}
		if len(buf) == 0 {
			md.unreach = append(md.unreach, i)
			md.unreachW += w
			continue
		}
		slices.SortFunc(buf, func(a, b cand) int {
			if c := cmp.Compare(a.c, b.c); c != 0 {
				return c
			}
			return cmp.Compare(a.j, b.j)
		})
		for _, c := range buf {
			md.nb = append(md.nb, c.j)
			md.nc = append(md.nc, c.c)
		}
		total += buf[len(buf)-1].c
		md.lstart = append(md.lstart, int32(len(md.nb)))
		md.dem = append(md.dem, int32(i))
		md.w = append(md.w, w)
	}
	md.pen = math.Ceil(total + 1)
	k := len(md.dem)
	md.d1, md.d2, md.c1 = make([]float64, k), make([]float64, k), make([]int32, k)
	md.base, md.extra = make([]float64, m), make([]float64, m)
	return md
}

func (md *medianModel) list(k int) ([]int32, []float64) {
	a, b := md.lstart[k], md.lstart[k+1]
	return md.nb[a:b], md.nc[a:b]
}

func (md *medianModel) dim() int { return len(md.dem) }

func (md *medianModel) start(lam []float64) {
	for k := range lam {
		_, c := md.list(k)
		lam[k] = c[min(1, len(c)-1)]
	}
}

func (md *medianModel) metric() []float64 { return md.w }

func (md *medianModel) project(lam []float64) {
	for k := range lam {
		lam[k] = min(max(lam[k], 0), md.pen)
	}
}

func (md *medianModel) reduced(lam, r []float64) float64 {
	clear(r)
	v := 0.0
	for k, l := range lam {
		v += l
		nb, nc := md.list(k)
		for q, c := range nc {
			if c >= l {
				break
			}
			r[nb[q]] += c - l
		}
	}
	return v
}

func (md *medianModel) subgradient(lam []float64, x []int32, g []float64) {
	for k, l := range lam {
		g[k] = 1
		nb, nc := md.list(k)
		for q, c := range nc {
			if c >= l {
				break
			}
			if x[nb[q]] > 0 {
				g[k]--
			}
		}
	}
}

// nearest fills d1, d2 and c1 for the open sites x.
func (md *medianModel) nearest(x []int32) {
	for k := range md.dem {
		md.d1[k], md.d2[k], md.c1[k] = md.pen, md.pen, -1
		nb, nc := md.list(k)
		for q, j := range nb {
			if x[j] == 0 {
				continue
			}
			if md.c1[k] < 0 {
				md.d1[k], md.c1[k] = nc[q], j
			} else {
				md.d2[k] = nc[q]
				break
			}
		}
	}
}

func (md *medianModel) cost(x []int32) float64 {
	v := 0.0
	for k := range md.dem {
		c := md.pen
		nb, nc := md.list(k)
		for q, j := range nb {
			if x[j] > 0 {
				c = nc[q]
				break
			}
		}
		v += c
	}
	return v
}

// trueCost is cost with +Inf for an unreached point.
func (md *medianModel) trueCost(x []int32) float64 {
	md.nearest(x)
	v := 0.0
	for k := range md.dem {
		if md.c1[k] < 0 {
			return math.Inf(1)
		}
		v += md.d1[k]
	}
	return v
}

// c returns the cost of serving model demand k from site j.
func (md *medianModel) c(j int, k int) float64 {
	in := md.in
	t := in.times.Data[j*in.Demands()+int(md.dem[k])]
	if math.IsInf(t, 1) {
		return md.pen
	}
	return md.w[k] * t
}

func (md *medianModel) work() int { return len(md.nb) }
