package optimize

import (
	"cmp"
	"math"
	"slices"
)

// coverSetModel is set covering over merged demand groups: minimise the
// number of open sites so that every group has an open coverer.
// Multipliers lam_g in [0, 1] price the constraints sum_{j in N_g} x_j >= 1.
type coverSetModel struct {
	g     *groups
	cnt   []int32
	gain  []int32
	tmp   []int32
	order []int32
}

func newCoverSetModel(g *groups) *coverSetModel {
	return &coverSetModel{g: g, cnt: make([]int32, g.n()), gain: make([]int32, g.sites()), tmp: make([]int32, g.sites())}
}

func (c *coverSetModel) dim() int { return c.g.n() }

// start sets lam_g = min over coverers j of 1/|N_j| (Beasley 1990).
func (c *coverSetModel) start(lam []float64) {
	for k := range lam {
		lam[k] = 1
		for _, j := range c.g.coverers(k) {
			lam[k] = min(lam[k], 1/float64(len(c.g.covered(int(j)))))
		}
	}
}

func (c *coverSetModel) project(lam []float64) {
	for k := range lam {
		lam[k] = min(max(lam[k], 0), 1)
	}
}

func (c *coverSetModel) reduced(lam, r []float64) float64 {
	v := 0.0
	for _, l := range lam {
		v += l
	}
	for j := range r {
		s := 1.0
		for _, k := range c.g.covered(j) {
			s -= lam[k]
		}
		r[j] = s
	}
	return v
}

func (c *coverSetModel) subgradient(lam []float64, x []int32, g []float64) {
	for k := range g {
		g[k] = 1
	}
	for j, u := range x {
		if u > 0 {
			for _, k := range c.g.covered(j) {
				g[k]--
			}
		}
	}
	for k, d := range g {
		if d < 0 && lam[k] <= 0 {
			g[k] = 0
		}
	}
}

func (c *coverSetModel) cost(x []int32) float64 {
	copy(c.tmp, x)
	return c.repair(c.tmp, nil)
}

// repair adds, one at a time, the site (within hi, any site if hi is nil)
// covering the most uncovered groups, lowest index on ties, until every
// group is covered, and returns the number of open sites (+Inf if some
// group cannot be covered).
func (c *coverSetModel) repair(x, hi []int32) float64 {
	clear(c.cnt)
	open := 0
	for j, u := range x {
		if u > 0 {
			open++
			for _, k := range c.g.covered(j) {
				c.cnt[k]++
			}
		}
	}
	left := 0
	for j := range c.gain {
		c.gain[j] = 0
	}
	for k, n := range c.cnt {
		if n == 0 {
			left++
			for _, j := range c.g.coverers(k) {
				c.gain[j]++
			}
		}
	}
	for left > 0 {
		b := -1
		for j, gn := range c.gain {
			if gn > 0 && x[j] == 0 && (hi == nil || hi[j] > 0) && (b < 0 || gn > c.gain[b]) {
				b = j
			}
		}
		if b < 0 {
			return math.Inf(1)
		}
		x[b] = 1
		open++
		for _, k := range c.g.covered(b) {
			if c.cnt[k] == 0 {
				left--
				for _, j := range c.g.coverers(int(k)) {
					c.gain[j]--
				}
			}
			c.cnt[k]++
		}
	}
	return float64(open)
}

// improve repairs x within hi, then closes redundant sites (every group they
// cover has another open coverer), smallest coverage first.
func (c *coverSetModel) improve(x, lo, hi []int32) float64 {
	v := c.repair(x, hi)
	if math.IsInf(v, 1) {
		return v
	}
	c.order = c.order[:0]
	for j, u := range x {
		if u > 0 && lo[j] == 0 {
			c.order = append(c.order, int32(j))
		}
	}
	slices.SortFunc(c.order, func(a, b int32) int {
		if d := cmp.Compare(len(c.g.covered(int(a))), len(c.g.covered(int(b)))); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	for _, j := range c.order {
		redundant := true
		for _, k := range c.g.covered(int(j)) {
			if c.cnt[k] < 2 {
				redundant = false
				break
			}
		}
		if redundant {
			x[j] = 0
			v--
			for _, k := range c.g.covered(int(j)) {
				c.cnt[k]--
			}
		}
	}
	return v
}

func (c *coverSetModel) work() int { return len(c.g.gIdx) }
