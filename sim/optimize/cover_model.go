package optimize

// coverModel is MCLP in minimisation form over merged demand groups:
// minimise -sum_g w_g z_g. Multipliers lam_g in [0, w_g] price the relaxed
// constraints z_g <= sum_{j in N_g} x_j.
type coverModel struct {
	g     *groups
	cnt   []int32 // open coverers of each group (scratch)
	uniq  []int64 // sum of the indices of open coverers (the one when cnt == 1)
	loss  []float64
	corr  []float64
	gain  []float64
	touch []int32
	mark  []uint32
	stamp uint32
}

func newCoverModel(g *groups) *coverModel {
	n, m := g.n(), g.sites()
	return &coverModel{g: g, cnt: make([]int32, n), uniq: make([]int64, n), mark: make([]uint32, n),
		loss: make([]float64, m), corr: make([]float64, m), gain: make([]float64, m)}
}

func (c *coverModel) dim() int { return c.g.n() }

func (c *coverModel) start(lam []float64) {
	for k, w := range c.g.w {
		lam[k] = w / 2
	}
}

// metric scales the subgradient steps by the group weights, the natural
// scale of each multiplier.
func (c *coverModel) metric() []float64 { return c.g.w }

func (c *coverModel) project(lam []float64) {
	for k, w := range c.g.w {
		lam[k] = min(max(lam[k], 0), w)
	}
}

func (c *coverModel) reduced(lam, r []float64) float64 {
	v := 0.0
	for k, w := range c.g.w {
		if w > lam[k] {
			v -= w - lam[k]
		}
	}
	for j := range r {
		s := 0.0
		for _, k := range c.g.covered(j) {
			s += lam[k]
		}
		r[j] = -s
	}
	return v
}

func (c *coverModel) subgradient(lam []float64, x []int32, g []float64) {
	for k, w := range c.g.w {
		if w > lam[k] {
			g[k] = 1
		} else {
			g[k] = 0
		}
	}
	for j, u := range x {
		if u > 0 {
			for _, k := range c.g.covered(j) {
				g[k]--
			}
		}
	}
	blocked(lam, g, 0, c.g.w, 1)
}

// blocked zeroes the components of g that would push lam out of
// [lo, hi*scale] (projected subgradient), so that they do not shrink the step
// of the others.
func blocked(lam, g []float64, lo float64, hi []float64, scale float64) {
	for k, d := range g {
		if (d < 0 && lam[k] <= lo) || (d > 0 && lam[k] >= hi[k]*scale) {
			g[k] = 0
		}
	}
}

func (c *coverModel) cost(x []int32) float64 {
	c.stamp++
	if c.stamp == 0 {
		clear(c.mark)
		c.stamp = 1
	}
	v := 0.0
	for j, u := range x {
		if u > 0 {
			for _, k := range c.g.covered(j) {
				if c.mark[k] != c.stamp {
					c.mark[k] = c.stamp
					v -= c.g.w[k]
				}
			}
		}
	}
	return v
}

// greedy opens lo and then, one at a time, the site that adds the most
// uncovered weight (lowest index on ties) until k sites are open.
func (c *coverModel) greedy(lo, hi []int32, k int) []int32 {
	x := append([]int32(nil), lo...)
	clear(c.cnt)
	for j, u := range x {
		if u > 0 {
			c.open(j)
		}
	}
	for j := range c.gain {
		c.gain[j] = 0
		for _, g := range c.g.covered(j) {
			if c.cnt[g] == 0 {
				c.gain[j] += c.g.w[g]
			}
		}
	}
	for n := sum32(x); n < k; n++ {
		b := -1
		for j := range x {
			if x[j] < hi[j] && x[j] == 0 && (b < 0 || c.gain[j] > c.gain[b]) {
				b = j
			}
		}
		if b < 0 {
			break
		}
		x[b] = 1
		for _, g := range c.g.covered(b) {
			if c.cnt[g] == 0 {
				for _, j := range c.g.coverers(int(g)) {
					c.gain[j] -= c.g.w[g]
				}
			}
		}
		c.open(b)
	}
	return x
}

func (c *coverModel) open(j int) {
	for _, g := range c.g.covered(j) {
		c.cnt[g]++
		c.uniq[g] += int64(j)
	}
}

func (c *coverModel) close(j int) {
	for _, g := range c.g.covered(j) {
		c.cnt[g]--
		c.uniq[g] -= int64(j)
	}
}

// improve applies the best improving swap (one open site out, one closed
// site in, within lo..hi) until none improves. A pass costs O(nnz + m p):
// gains, losses and the pairwise corrections come from the cover counts and
// each group's unique open coverer.
func (c *coverModel) improve(x, lo, hi []int32) float64 {
	clear(c.cnt)
	clear(c.uniq)
	var open []int
	for j, u := range x {
		if u > 0 {
			c.open(j)
			open = append(open, j)
		}
	}
	tol := 1e-12 * c.g.totalWeight()
	for pass := 0; pass < 10*len(x)+10; pass++ {
		for _, r := range open {
			c.loss[r] = 0
			for _, g := range c.g.covered(r) {
				if c.cnt[g] == 1 {
					c.loss[r] += c.g.w[g]
				}
			}
		}
		bestD, bin, bout := tol, -1, -1
		for j := range x {
			if x[j] != 0 || hi[j] == 0 {
				continue
			}
			gain := 0.0
			c.touch = c.touch[:0]
			for _, g := range c.g.covered(j) {
				switch c.cnt[g] {
				case 0:
					gain += c.g.w[g]
				case 1:
					u := c.uniq[g]
					if c.corr[u] == 0 {
						c.touch = append(c.touch, int32(u))
					}
					c.corr[u] += c.g.w[g]
				}
			}
			for _, r := range open {
				if lo[r] > 0 {
					continue
				}
				if d := gain - c.loss[r] + c.corr[r]; d > bestD {
					bestD, bin, bout = d, j, r
				}
			}
			for _, u := range c.touch {
				c.corr[u] = 0
			}
		}
		if bin < 0 {
			break
		}
		x[bout], x[bin] = 0, 1
		c.close(bout)
		c.open(bin)
		for k, r := range open {
			if r == bout {
				open[k] = bin
			}
		}
	}
	return c.cost(x)
}

var _ relaxation = (*coverModel)(nil)

func (c *coverModel) work() int { return len(c.g.gIdx) }
