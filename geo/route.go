package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Route is a shortest drive between two snapped points (off-road legs not
// included: add OffroadSeconds(Snap.Dist, kmh) for each end).
type Route struct {
	Time   float64        // seconds on the road; +Inf if the destination cannot be reached
	Length float64        // metres on the road
	Edges  []EdgeID       // whole edges driven, in order; empty when both points share a segment
	Start  float64        // metres of Length on the origin's segment (all of it if both share one)
	End    float64        // metres of Length on the destination's segment
	Line   orb.LineString // from the snapped origin through the nodes to the snapped destination
}

// Route finds the shortest drive in the Search's graph from one snapped point
// to another: from the departures of from to the arrivals of to, with early
// exit once both arrival nodes are settled, or directly along a shared
// segment if that is quicker. O((V + E) log V) at worst.
func (s *Search) Route(from, to Snap) Route {
	g := s.g
	arr := g.Arrivals(to, 0)
	targets := []NodeID{arr[0].Node}
	if len(arr) > 1 {
		targets = append(targets, arr[1].Node)
	}
	s.Run(g.Departures(from, 0), Query{Targets: targets, Paths: true})
	best, via := g.Direct(from, to), -1
	for i, a := range arr {
		if t := s.Time(a.Node) + a.Time; t < best {
			best, via = t, i
		}
	}
	r := Route{Time: best, Line: orb.LineString{from.Point}}
	switch {
	case math.IsInf(best, 1):
		r.Line = nil
		return r
	case via < 0: // along the shared segment
		r.Length = math.Abs(to.T-from.T) * g.Length(from.Edge)
		r.Start = r.Length
		r.Line = append(r.Line, to.Point)
		return r
	}
	end := arr[via].Node
	r.Edges = s.Path(end)
	start := end
	if len(r.Edges) > 0 {
		start = g.t.tail[r.Edges[0]]
	}
	// The partial edge from the origin to start, and from end to the destination.
	if start == g.arcs[from.Edge].head {
		r.Start = (1 - from.T) * g.Length(from.Edge)
	} else {
		r.Start = from.T * g.Length(from.Edge)
	}
	if end == g.t.tail[to.Edge] {
		r.End = to.T * g.Length(to.Edge)
	} else {
		r.End = (1 - to.T) * g.Length(to.Edge)
	}
	r.Length = r.Start + r.End
	r.Line = append(r.Line, g.Point(start))
	for _, e := range r.Edges {
		r.Length += g.Length(e)
		r.Line = append(r.Line, g.Point(g.arcs[e].head))
	}
	r.Line = append(r.Line, to.Point)
	return r
}
