package model

import (
	"math"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim"
)

// EnRoute returns the driving time to dest for a unit that left `from`
// towards the base site `to` elapsed seconds ago, or +Inf if that exceeds
// bound. The unit is followed along its shortest path to the base (the
// reverse search from the base, stored per band); it finishes the edge it is
// on, then drives to dest by a search bounded by bound with early exit at
// dest. A unit on its last stretch into the base is taken as at the base.
func (t *Travel) EnRoute(from, to sim.LocID, elapsed float64, dest sim.LocID, band int, bound float64) float64 {
	if int(to) >= t.nSites || t.toBase[band][to] == nil {
		panic("model: EnRoute towards a location that is not a base")
	}
	atBase := func(remaining float64) float64 {
		if d := remaining + t.Time(to, dest, band); d <= bound {
			return d
		}
		return math.Inf(1)
	}
	total := t.Time(from, to, band)
	if elapsed >= total || math.IsInf(total, 1) {
		return atBase(math.Max(total-elapsed, 0))
	}
	g := t.net.Emergency[band]
	toBase := t.toBase[band][to]
	src := &t.locs[from]
	if sameSegment(src, &t.locs[to]) && direct(g, src, &t.locs[to]) <= total {
		return atBase(total - elapsed)
	}
	// Leave `from` by its best departure node.
	v, clock := geo.NoNode, math.Inf(1)
	for _, d := range g.Departures(src.Snap, 0) {
		if c := src.Offroad + d.Time; c+float64(toBase[d.Node]) < clock+tb(toBase, v) {
			v, clock = d.Node, c
		}
	}
	if v == geo.NoNode {
		return atBase(total - elapsed)
	}
	if elapsed < clock {
		return t.onward(v, clock-elapsed, dest, band, bound)
	}
	// Walk the shortest path: at each node the out-edge e with the least
	// time(e) + toBase(head) is the next one; stop on the base's last stretch.
	home := g.Arrivals(t.locs[to].Snap, 0)
	lastAt := func(v geo.NodeID) float64 { // the partial edge into the base from v, if v is an arrival node
		for _, a := range home {
			if a.Node == v {
				return a.Time
			}
		}
		return math.Inf(1)
	}
	last := lastAt(v)
	for steps := 0; steps < g.Nodes(); steps++ {
		best, next := math.Inf(1), geo.NoEdge
		lo, hi := g.OutEdges(v)
		for e := lo; e < hi; e++ {
			if c := g.Time(e) + float64(toBase[g.Head(e)]); c < best {
				best, next = c, e
			}
		}
		if next == geo.NoEdge || last <= best {
			return atBase(total - elapsed)
		}
		if et := g.Time(next); elapsed < clock+et {
			return t.onward(g.Head(next), clock+et-elapsed, dest, band, bound)
		} else {
			clock += et
		}
		v = g.Head(next)
		last = lastAt(v)
	}
	return atBase(total - elapsed)
}

func tb(toBase []float32, v geo.NodeID) float64 {
	if v == geo.NoNode {
		return math.Inf(1)
	}
	return float64(toBase[v])
}

// onward returns the time to dest for a unit that reaches node v after wait
// seconds: a forward search bounded by bound, stopping once dest's arrival
// nodes are settled.
func (t *Travel) onward(v geo.NodeID, wait float64, dest sim.LocID, band int, bound float64) float64 {
	if wait > bound {
		return math.Inf(1)
	}
	g := t.net.Emergency[band]
	d := &t.locs[dest]
	if !d.OK || bound-d.Offroad <= 0 || wait+t.landmarkBound(v, dest, band) > bound {
		return math.Inf(1)
	}
	var buf [2]geo.NodeID
	targets := buf[:0]
	for _, a := range g.Arrivals(d.Snap, 0) {
		targets = append(targets, a.Node)
	}
	srch, _ := t.searches.Get().(*geo.Search)
	if srch == nil {
		srch = geo.NewSearch(g)
	}
	srch.Use(g)
	srch.Run([]geo.Seed{{Node: v, Time: wait}}, geo.Query{Bound: bound - d.Offroad, Targets: targets})
	got := arriveTime(g, d, srch.Time)
	t.searches.Put(srch)
	if got > bound {
		return math.Inf(1)
	}
	return got
}

// landmarkBound returns a lower bound on the time from node v to location
// dest by the triangle inequality through every base k:
// T(v,dest) >= T(k,dest) - T(k,v) and T(v,dest) >= T(v,k) - T(dest,k).
// O(bases); a few hundredths of a second are given away for the float32
// node times.
func (t *Travel) landmarkBound(v geo.NodeID, dest sim.LocID, band int) float64 {
	n := len(t.locs)
	lb := 0.0
	for k := range t.nSites {
		if !t.base[k] {
			continue
		}
		if x := t.fwd[band][k*n+int(dest)] - float64(t.fromBase[band][k][v]); x > lb {
			lb = x
		}
		if x := float64(t.toBase[band][k][v]) - t.rev[band][k*n+int(dest)]; x > lb {
			lb = x
		}
	}
	return math.Max(lb-0.05, 0)
}
