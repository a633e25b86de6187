package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Snap is a point placed on the road network: the nearest point on the
// nearest segment. Snaps stay valid for every graph of the same topology.
type Snap struct {
	Point orb.Point // the nearest point on the road
	Dist  float64   // metres from the query point to Point (haversine)
	Edge  EdgeID    // an edge of the segment holding Point
	Twin  EdgeID    // the opposite edge of that segment, or NoEdge if one-way
	T     float64   // position of Point along Edge: 0 at its tail, 1 at its head
}

// Snap returns the nearest point of the graph's roads to p. ok is false only
// for a graph without edges. Distances are compared in a local plane around
// p (exact to well under 1% for segments of a few km). Ties go to the
// segment of the lowest edge id. The first call builds the spatial index,
// O(E); later calls look at a few cells, O(segments near p). Safe for
// concurrent use.
func (g *Graph) Snap(p orb.Point) (Snap, bool) {
	if g.Edges() == 0 {
		return Snap{}, false
	}
	x := g.spatial()
	kx := math.Cos(p[1]*degToRad) * metresPerDegree
	best, bestSeg, bestT := math.Inf(1), int32(-1), 0.0
	x.rings(p, func() float64 { return best }, func(segs []int32) {
		for _, s := range segs {
			a, b := g.Endpoints(x.edge[s])
			ax, ay := (a[0]-p[0])*kx, (a[1]-p[1])*metresPerDegree
			bx, by := (b[0]-p[0])*kx, (b[1]-p[1])*metresPerDegree
			dx, dy := bx-ax, by-ay
			t := 0.0
			if l2 := dx*dx + dy*dy; l2 > 0 {
				t = math.Min(math.Max(-(ax*dx+ay*dy)/l2, 0), 1)
			}
			cx, cy := ax+t*dx, ay+t*dy
			d := math.Sqrt(cx*cx + cy*cy)
			if d < best || (d == best && s < bestSeg) {
				best, bestSeg, bestT = d, s, t
			}
		}
	})
	e := x.edge[bestSeg]
	a, b := g.Endpoints(e)
	q := orb.Point{a[0] + bestT*(b[0]-a[0]), a[1] + bestT*(b[1]-a[1])}
	return Snap{Point: q, Dist: Haversine(p, q), Edge: e, Twin: x.twin[bestSeg], T: bestT}, true
}

// Departures returns the seeds of a forward search starting at the snapped
// point: the nodes reached by driving along its segment, with the partial
// edge times in g (one seed for a one-way segment, two otherwise). Off-road
// time is not included.
func (g *Graph) Departures(s Snap, source int32) []Seed {
	out := []Seed{{Node: g.arcs[s.Edge].head, Time: (1 - s.T) * g.Time(s.Edge), Source: source}}
	if s.Twin != NoEdge {
		out = append(out, Seed{Node: g.arcs[s.Twin].head, Time: s.T * g.Time(s.Twin), Source: source})
	}
	return out
}

// Arrivals returns the seeds of a reverse search ending at the snapped point:
// the nodes from which it is reached along its segment, with the partial edge
// times in g.
func (g *Graph) Arrivals(s Snap, source int32) []Seed {
	out := []Seed{{Node: g.t.tail[s.Edge], Time: s.T * g.Time(s.Edge), Source: source}}
	if s.Twin != NoEdge {
		out = append(out, Seed{Node: g.t.tail[s.Twin], Time: (1 - s.T) * g.Time(s.Twin), Source: source})
	}
	return out
}

// Direct returns the time in g to drive from one snapped point to another
// along the segment they share without passing a node, or +Inf if they are
// on different segments or the segment's direction forbids it.
func (g *Graph) Direct(from, to Snap) float64 {
	if from.Edge != to.Edge {
		return math.Inf(1)
	}
	if to.T >= from.T {
		return (to.T - from.T) * g.Time(from.Edge)
	}
	if from.Twin != NoEdge {
		return (from.T - to.T) * g.Time(from.Twin)
	}
	return math.Inf(1)
}

// NearestNode returns the node nearest to p by equirectangular distance
// ((Δlon·cos lat_p)² + Δlat²), ties to the lowest id, as the peer tools snap
// sources; NoNode for a graph without edges. O(segments near p).
func (g *Graph) NearestNode(p orb.Point) NodeID {
	if g.Edges() == 0 {
		return NoNode
	}
	x := g.spatial()
	kx := math.Cos(p[1]*degToRad) * metresPerDegree
	best, bestV := math.Inf(1), NoNode
	x.rings(p, func() float64 { return best }, func(segs []int32) {
		for _, s := range segs {
			e := x.edge[s]
			for _, v := range [2]NodeID{g.t.tail[e], g.arcs[e].head} {
				q := g.Point(v)
				dx, dy := (q[0]-p[0])*kx, (q[1]-p[1])*metresPerDegree
				if d := math.Sqrt(dx*dx + dy*dy); d < best || (d == best && v < bestV) {
					best, bestV = d, v
				}
			}
		}
	})
	return bestV
}
