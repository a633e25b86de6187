package optimize

import "math"

// greedy opens lo, then one at a time the site that lowers the cost most.
func (md *medianModel) greedy(lo, hi []int32, p int) []int32 {
	x := append([]int32(nil), lo...)
	for n := sum32(x); n < p; n++ {
		md.nearest(x)
		b, bg := -1, -1.0
		for j := range x {
			if x[j] > 0 || hi[j] == 0 {
				continue
			}
			g := 0.0
			for k := range md.dem {
				g += max(0, md.d1[k]-md.c(j, k))
			}
			if g > bg {
				b, bg = j, g
			}
		}
		if b < 0 {
			break
		}
		x[b] = 1
	}
	return x
}

// improve is vertex substitution with Whitaker's fast interchange: for each
// closed site j, one O(n) sweep gives the change of every swap (j in, r out):
// base[r] - gain(j) + extra(j, r), where base[r] is the cost of closing r,
// gain(j) what opening j saves and extra the pairs both touch. The best swap
// is made until none improves.
func (md *medianModel) improve(x, lo, hi []int32) float64 {
	var open []int
	for j, u := range x {
		if u > 0 {
			open = append(open, j)
		}
	}
	for pass := 0; pass < 10*len(x)+10; pass++ {
		md.nearest(x)
		cur := 0.0
		for _, r := range open {
			md.base[r] = 0
		}
		for k, r := range md.c1 {
			cur += md.d1[k]
			if r >= 0 {
				md.base[r] += md.d2[k] - md.d1[k]
			}
		}
		tol := -1e-12 * max(cur, 1)
		bestD, bin, bout := tol, -1, -1
		for j := range x {
			if x[j] != 0 || hi[j] == 0 {
				continue
			}
			gain := 0.0
			md.touch = md.touch[:0]
			for k := range md.dem {
				c := md.c(j, k)
				if c >= md.d2[k] {
					continue
				}
				d1 := md.d1[k]
				if c < d1 {
					gain += d1 - c
				}
				if r := md.c1[k]; r >= 0 {
					if md.extra[r] == 0 {
						md.touch = append(md.touch, r)
					}
					md.extra[r] += max(c, d1) - md.d2[k]
				}
			}
			for _, r := range open {
				if lo[r] > 0 {
					continue
				}
				if d := md.base[r] - gain + md.extra[r]; d < bestD {
					bestD, bin, bout = d, j, r
				}
			}
			for _, r := range md.touch {
				md.extra[r] = 0
			}
		}
		if bin < 0 {
			return cur
		}
		x[bout], x[bin] = 0, 1
		for k, r := range open {
			if r == bout {
				open[k] = bin
			}
		}
	}
	return md.cost(x)
}

// result fills Sites, Units, Added (cost increase if the site closed),
// Covered and Uncoverable for the open sites x.
func (md *medianModel) result(x []int32) *Result {
	r := &Result{Model: ModelPMedian, Total: md.in.total, Uncoverable: md.unreach, UncoverableWeight: md.unreachW}
	md.nearest(x)
	add := make([]float64, len(x))
	for k, c := range md.c1 {
		if c < 0 {
			continue
		}
		r.Covered += md.w[k]
		if md.d2[k] == md.pen {
			add[c] = math.Inf(1)
		} else {
			add[c] += md.d2[k] - md.d1[k]
		}
	}
	for j, u := range x {
		if u > 0 {
			r.Sites = append(r.Sites, j)
			r.Units = append(r.Units, 1)
			r.Added = append(r.Added, add[j])
		}
	}
	return r
}
