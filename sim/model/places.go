package model

import (
	"math"

	"github.com/emsplan/sim/geo"
	"github.com/paulmach/orb"
)

// Place is a point attached to a road graph: the nearest point on the
// nearest segment, reached by an off-road leg.
type Place struct {
	Point   orb.Point // where it is (WGS-84)
	Snap    geo.Snap  // where it joins the road
	Offroad float64   // seconds of the off-road leg, each way
	OK      bool      // false when the graph has no road within reach
}

// SnapM returns the length of the off-road leg in metres (+Inf if !OK).
func (p *Place) SnapM() float64 {
	if !p.OK {
		return math.Inf(1)
	}
	return p.Snap.Dist
}

// place snaps p onto g with the off-road leg at kmh.
func place(g *geo.Graph, p orb.Point, kmh float64) Place {
	s, ok := g.Snap(p)
	if !ok {
		return Place{Point: p, Offroad: math.Inf(1)}
	}
	return Place{Point: p, Snap: s, Offroad: geo.OffroadSeconds(s.Dist, kmh), OK: true}
}

// placeAll snaps every point onto g.
func placeAll(g *geo.Graph, pts []orb.Point, kmh float64) []Place {
	out := make([]Place, len(pts))
	for i, p := range pts {
		out[i] = place(g, p, kmh)
	}
	return out
}

// departures returns the seeds of a forward search from pl on g, with the
// off-road leg and an extra start time added, all reporting source.
func departures(g *geo.Graph, pl *Place, start float64, source int32) []geo.Seed {
	if !pl.OK {
		return nil
	}
	seeds := g.Departures(pl.Snap, source)
	for i := range seeds {
		seeds[i].Time += pl.Offroad + start
	}
	return seeds
}

// arrivals returns the seeds of a reverse search ending at pl on g, with the
// off-road leg added.
func arrivals(g *geo.Graph, pl *Place, source int32) []geo.Seed {
	if !pl.OK {
		return nil
	}
	seeds := g.Arrivals(pl.Snap, source)
	for i := range seeds {
		seeds[i].Time += pl.Offroad
	}
	return seeds
}

// arriveTime returns the time to reach pl given the node times of a forward
// search (time(v) returns +Inf for unreached nodes): the best arrival anchor
// plus its partial edge and the off-road leg.
func arriveTime(g *geo.Graph, pl *Place, time func(geo.NodeID) float64) float64 {
	best := math.Inf(1)
	if !pl.OK {
		return best
	}
	for _, a := range g.Arrivals(pl.Snap, 0) {
		best = math.Min(best, time(a.Node)+a.Time)
	}
	return best + pl.Offroad
}

// leaveTime returns the time from pl to the seeds of a reverse search whose
// node times are time(v).
func leaveTime(g *geo.Graph, pl *Place, time func(geo.NodeID) float64) float64 {
	best := math.Inf(1)
	if !pl.OK {
		return best
	}
	for _, d := range g.Departures(pl.Snap, 0) {
		best = math.Min(best, d.Time+time(d.Node))
	}
	return best + pl.Offroad
}

// direct returns the time from a to b along the segment they share, off-road
// legs included, or +Inf when they do not share one.
func direct(g *geo.Graph, a, b *Place) float64 {
	if !a.OK || !b.OK {
		return math.Inf(1)
	}
	return g.Direct(a.Snap, b.Snap) + a.Offroad + b.Offroad
}

// sameSegment reports whether a and b lie on the same road segment.
func sameSegment(a, b *Place) bool {
	return a.OK && b.OK && (a.Snap.Edge == b.Snap.Edge || a.Snap.Edge == b.Snap.Twin)
}

// across returns the time to go straight from a to b at kmh when they are
// at most limit metres apart (a clinic in the village itself, away from any
// road), else +Inf.
func across(a, b *Place, kmh, limit float64) float64 {
	if d := geo.Haversine(a.Point, b.Point); d <= limit {
		return geo.OffroadSeconds(d, kmh)
	}
	return math.Inf(1)
}
