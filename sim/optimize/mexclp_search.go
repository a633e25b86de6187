package optimize

// greedy places lo, then one unit at a time where it adds most (lowest
// index on ties).
func (e *expModel) greedy(lo, hi []int32, units int) []int32 {
	x := append([]int32(nil), lo...)
	e.count(x)
	for n := sum32(x); n < units; n++ {
		b, bg := -1, -1.0
		for j := range x {
			if x[j] >= hi[j] {
				continue
			}
			s := 0.0
			for _, k := range e.g.covered(j) {
				s += e.marg(int(k))
			}
			if s > bg {
				b, bg = j, s
			}
		}
		x[b]++
		for _, k := range e.g.covered(b) {
			e.cnt[k]++
		}
	}
	return x
}

// improve moves single units from one site to another, best move first,
// until no move improves. The change of moving a unit from a to b is
// add(b) - remove(a) + overlap(a, b), the overlap summing
// w (1-q)^2 q^(c-1) over the groups both cover; it is gathered from a's
// groups and their coverers, so a pass costs O(m + the neighbourhood of each
// site that holds units).
func (e *expModel) improve(x, lo, hi []int32) float64 {
	e.count(x)
	m := len(x)
	if len(e.ov) < m {
		e.ov = make([]float64, m)
	}
	tol := 1e-12 * e.g.totalWeight()
	for pass := 0; pass < 10*m*len(e.pow)+10; pass++ {
		for j := range x {
			e.add[j] = 0
			if x[j] < hi[j] {
				for _, k := range e.g.covered(j) {
					e.add[j] += e.marg(int(k))
				}
			}
		}
		bestD, ba, bb := tol, -1, -1
		for a := range x {
			if x[a] <= lo[a] {
				continue
			}
			rem := 0.0
			for _, k := range e.g.covered(a) {
				r := e.g.w[k] * (1 - e.q) * e.pow[e.cnt[k]-1]
				rem += r
				for _, b := range e.g.coverers(int(k)) {
					e.ov[b] += r * (1 - e.q)
				}
			}
			for b := range x {
				if b != a && x[b] < hi[b] {
					if d := e.add[b] - rem + e.ov[b]; d > bestD {
						bestD, ba, bb = d, a, b
					}
				}
			}
			for _, k := range e.g.covered(a) {
				for _, b := range e.g.coverers(int(k)) {
					e.ov[b] = 0
				}
			}
		}
		if ba < 0 {
			break
		}
		x[ba]--
		x[bb]++
		for _, k := range e.g.covered(ba) {
			e.cnt[k]--
		}
		for _, k := range e.g.covered(bb) {
			e.cnt[k]++
		}
	}
	return e.cost(x)
}
