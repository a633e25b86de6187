package sim

import "math"

// dispatch handles call c once the dispatch delay has passed: the free unit
// with the shortest expected response (turnout + drive from base, or drive
// from where it is for a returning 5G unit with AVL) takes it, among units
// at one base the one idle longest; when no unit is free it queues.
func (r *rep) dispatch(ci int32) {
	s := r.calls.at(ci)
	c := &s.c
	band := r.tr.Band(r.now)
	u, drive, fromBase, anyFree := r.best(c.Loc, band, s.d.turnout)
	if u < 0 {
		if anyFree { // free units exist but none can reach the call
			c.Lost, s.done = true, true
			return
		}
		c.Queued = true
		if p := c.Priority; r.qhead[p] == len(r.queue[p]) { // empty: reuse its memory
			r.queue[p], r.qhead[p] = r.queue[p][:0], 0
		}
		r.queue[c.Priority] = append(r.queue[c.Priority], ci)
		if r.m.MaxWait > 0 {
			r.schedule(r.now+r.m.MaxWait, evGiveUp, -1, ci)
		}
		return
	}
	r.assign(u, ci, drive, fromBase)
}

// best returns the free unit with the shortest expected response to loc, the
// drive time (without turnout), whether it starts from its base, and whether
// any unit was free at all. Units at base cost one table lookup each; AVL
// units on the road are searched only when their lower bound beats the best
// time found so far, nearest bound first, each search bounded by that time.
func (r *rep) best(loc LocID, band int, turnout float64) (u int32, drive float64, fromBase, anyFree bool) {
	u, bestT := -1, math.Inf(1)
	lastBase, lastT := LocID(-1), 0.0 // units of one base are usually listed together: one lookup
	for i := range r.units {
		us := &r.units[i]
		if us.status != atBase {
			continue
		}
		anyFree = true
		if us.base != lastBase {
			lastBase, lastT = us.base, turnout+r.tr.Time(us.base, loc, band)
		}
		// Equal times (units at one base) go to the unit idle longest, as
		// crews take turns; then to the lower index.
		if t := lastT; t < bestT || t == bestT && u >= 0 && us.idleSince < r.units[u].idleSince {
			u, bestT = int32(i), t
		}
	}
	fromBase = true
	if r.tk != nil {
		cs := r.cands[:0]
		for i := range r.units {
			us := &r.units[i]
			if us.status != returning || !us.avl {
				continue
			}
			anyFree = true
			if lb := r.lowerBound(us, loc, band); lb < bestT {
				cs = insertCand(cs, cand{lb, int32(i)})
			}
		}
		r.cands = cs
		for _, c := range cs {
			if c.lb >= bestT {
				break
			}
			us := &r.units[c.u]
			if t := r.tk.EnRoute(us.from, us.base, r.now-us.depart, loc, band, bestT); t < bestT {
				u, bestT, fromBase = c.u, t, false
			}
		}
	}
	if u < 0 || math.IsInf(bestT, 1) {
		return -1, 0, false, anyFree
	}
	if fromBase {
		bestT -= turnout
	}
	return u, bestT, fromBase, anyFree
}

// insertCand inserts c keeping cs sorted by lower bound (stable).
func insertCand(cs []cand, c cand) []cand {
	cs = append(cs, c)
	i := len(cs) - 1
	for i > 0 && cs[i-1].lb > c.lb {
		cs[i] = cs[i-1]
		i--
	}
	cs[i] = c
	return cs
}

// lowerBound bounds the drive time of a returning unit to dest from below,
// by the triangle inequality: the unit is at most `elapsed` from its start,
// and exactly trip-elapsed from its base (it drives a shortest path).
func (r *rep) lowerBound(us *unitState, dest LocID, band int) float64 {
	el := r.now - us.depart
	lb := r.tk.LowerBound(us.from, dest) - el
	if rem := us.trip - el; rem > 0 && band == us.band {
		if b := rem - r.tr.Time(dest, us.base, band); b > lb {
			lb = b
		}
	}
	return math.Max(lb, 0)
}

// assign sends unit u to call ci; drive excludes turnout, which applies only
// to a unit leaving its base.
func (r *rep) assign(u, ci int32, drive float64, fromBase bool) {
	s := r.calls.at(ci)
	us, c, d := &r.units[u], &s.c, &s.d
	if us.status != busy {
		r.integrate(r.now)
		r.nBusy++
		us.busySince = r.now
	}
	us.status = busy
	us.gen++
	us.call = ci
	c.Dispatched, c.Unit, c.FiveG = r.now, UnitID(u), us.fiveG
	c.Wait = math.Max(0, r.now-(c.Received+d.delay))
	c.EnRoute = r.now
	if fromBase {
		c.EnRoute += d.turnout
	}
	c.OnScene = c.EnRoute + drive
	c.Response = c.OnScene - c.Received
	if c.Received >= r.w0 {
		us.calls++
	}
	r.schedule(c.OnScene, evAtScene, u, ci)
}

// popQueue returns the next queued call (highest priority, then first come)
// that is not lost, or -1.
func (r *rep) popQueue() int32 {
	for p := range r.queue {
		q := r.queue[p]
		for r.qhead[p] < len(q) {
			ci := q[r.qhead[p]]
			r.qhead[p]++
			if s := r.calls.find(ci); s != nil && !s.c.Lost { // gone from the ring: lost
				return ci
			}
		}
	}
	return -1
}

// serveQueue gives the next queued call to unit u, which has just become free.
func (r *rep) serveQueue(u int32) {
	ci := r.popQueue()
	if ci < 0 {
		return
	}
	us, c := &r.units[u], &r.calls.at(ci).c
	band := r.tr.Band(r.now)
	var drive float64
	fromBase := us.status == atBase
	if fromBase {
		drive = r.tr.Time(us.base, c.Loc, band)
	} else {
		drive = r.tk.EnRoute(us.from, us.base, r.now-us.depart, c.Loc, band, math.Inf(1))
	}
	if math.IsInf(drive, 1) { // this unit cannot reach it: leave it at the head
		r.qhead[c.Priority]--
		return
	}
	r.assign(u, ci, drive, fromBase)
}
