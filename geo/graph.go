package geo

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"
)

// NodeID identifies a node of a Graph: 0 <= id < Nodes().
type NodeID int32

// EdgeID identifies a directed edge of a Graph: 0 <= id < Edges(). Edges are
// numbered by tail node, so the out-edges of v are a contiguous range.
type EdgeID int32

// NoNode and NoEdge mark the absence of a node or edge.
const (
	NoNode NodeID = -1
	NoEdge EdgeID = -1
)

// arc is the part of an edge a forward search reads, packed in 8 bytes so
// that a node's out-edges share a cache line. Times are float32 (7 significant
// digits: under a millisecond for edges shorter than 2 hours); searches add
// them up in float64.
type arc struct {
	head NodeID
	time float32 // seconds
}

// topology is the part of a graph shared by every graph made with WithTimes.
type topology struct {
	xy         []int32 // node lon, lat in 1e-7 degree
	off        []int32 // forward CSR: out-edges of v are off[v] .. off[v+1]-1
	tail       []NodeID
	revOff     []int32   // reverse CSR: in-edges of v are revEdge[revOff[v] .. revOff[v+1]-1]
	revEdge    []EdgeID  // ids of the in-edges, by head
	length     []float32 // metres (7 significant digits)
	class      []Class
	feature    []int32
	classNames []string

	indexOnce sync.Once
	index     *grid
}

// Graph is a directed road graph in compressed sparse row form, forward and
// reverse, with int32 ids. A Graph is immutable and safe for concurrent use
// (snapping builds its spatial index once, on first use). Memory is about
// 29 bytes per edge and 20 per node; a WithTimes graph adds 8 bytes per edge.
type Graph struct {
	t     *topology
	arcs  []arc   // head and travel time of each edge, by EdgeID
	delta float64 // bucket width of searches, seconds
	mode  Mode
}

// newGraph wraps a topology and its edges, choosing the search bucket width.
func newGraph(t *topology, arcs []arc, mode Mode) *Graph {
	return &Graph{t: t, arcs: arcs, mode: mode, delta: bucketWidth(arcs)}
}

// bucketWidth returns the median of up to 4096 evenly spaced finite edge
// times (at least 1e-3 s), the bucket width of searches: wide enough that most
// edges leave their bucket, narrow enough that few nodes are visited twice.
func bucketWidth(arcs []arc) float64 {
	step := max(len(arcs)/4096, 1)
	var ts []float64
	for e := 0; e < len(arcs); e += step {
		if t := float64(arcs[e].time); t > 0 && !math.IsInf(t, 1) {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return 1
	}
	slices.Sort(ts)
	return max(ts[len(ts)/2], 1e-3)
}

// BucketWidth returns the width in seconds of the time buckets a Search on g
// processes at a time (the median edge time).
func (g *Graph) BucketWidth() float64 { return g.delta }

// Nodes returns the number of nodes.
func (g *Graph) Nodes() int { return len(g.t.off) - 1 }

// Edges returns the number of directed edges.
func (g *Graph) Edges() int { return len(g.arcs) }

// Mode returns the travel profile the graph was built for.
func (g *Graph) Mode() Mode { return g.mode }

// Point returns the coordinate of node v.
func (g *Graph) Point(v NodeID) orb.Point { return e7Point(g.t.xy[2*v], g.t.xy[2*v+1]) }

// OutEdges returns the range [lo, hi) of the ids of v's out-edges.
func (g *Graph) OutEdges(v NodeID) (lo, hi EdgeID) { return EdgeID(g.t.off[v]), EdgeID(g.t.off[v+1]) }

// InEdges returns the ids of v's in-edges. The slice must not be modified.
func (g *Graph) InEdges(v NodeID) []EdgeID { return g.t.revEdge[g.t.revOff[v]:g.t.revOff[v+1]] }

// Tail returns the node edge e leaves.
func (g *Graph) Tail(e EdgeID) NodeID { return g.t.tail[e] }

// Head returns the node edge e enters.
func (g *Graph) Head(e EdgeID) NodeID { return g.arcs[e].head }

// Time returns the travel time of edge e in seconds (+Inf if closed), as
// stored: rounded to float32.
func (g *Graph) Time(e EdgeID) float64 { return float64(g.arcs[e].time) }

// Length returns the length of edge e in metres (haversine, straight segment;
// stored as float32, 7 significant digits).
func (g *Graph) Length(e EdgeID) float64 { return float64(g.t.length[e]) }

// Class returns the road class of edge e.
func (g *Graph) Class(e EdgeID) Class { return g.t.class[e] }

// Feature returns the index of the road feature (in the file) edge e comes from.
func (g *Graph) Feature(e EdgeID) int { return int(g.t.feature[e]) }

// Endpoints returns the coordinates of the tail and head of e.
func (g *Graph) Endpoints(e EdgeID) (orb.Point, orb.Point) {
	return g.Point(g.t.tail[e]), g.Point(g.arcs[e].head)
}

// Midpoint returns the point halfway along e (planar midpoint in degrees,
// exact enough for edges of a few km), e.g. to find the zone an edge lies in.
func (g *Graph) Midpoint(e EdgeID) orb.Point {
	a, b := g.Endpoints(e)
	return orb.Point{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}
}

// ClassName returns the name of class c in this graph ("primary", ...).
func (g *Graph) ClassName(c Class) string {
	if int(c) < len(g.t.classNames) {
		return g.t.classNames[c]
	}
	return fmt.Sprintf("class%d", c)
}

// Classes returns the class names of this graph, indexed by Class.
func (g *Graph) Classes() []string { return append([]string(nil), g.t.classNames...) }

// Bound returns the bounding box of the nodes.
func (g *Graph) Bound() orb.Bound {
	if g.Nodes() == 0 {
		return orb.Bound{}
	}
	b := orb.Bound{Min: g.Point(0), Max: g.Point(0)}
	for v := 1; v < g.Nodes(); v++ {
		b = b.Extend(g.Point(NodeID(v)))
	}
	return b
}

// EdgeTimes returns a copy of the edge travel times in seconds, indexed by
// EdgeID, for a caller that computes other times for WithTimes.
func (g *Graph) EdgeTimes() []float64 {
	out := make([]float64, len(g.arcs))
	for e, a := range g.arcs {
		out[e] = float64(a.time)
	}
	return out
}

// WithTimes returns a graph sharing g's topology (nodes, edges, lengths,
// classes, spatial index) with other edge times in seconds, indexed by EdgeID:
// e.g. g's times divided by per-edge speed factors. Times must not be NaN or
// negative; +Inf closes an edge. Times are stored as float32. O(edges).
func (g *Graph) WithTimes(times []float64) (*Graph, error) {
	if len(times) != g.Edges() {
		return nil, fmt.Errorf("%w: %d times for %d edges", ErrTimes, len(times), g.Edges())
	}
	arcs := make([]arc, len(times))
	for e, t := range times {
		if !(t >= 0) {
			return nil, fmt.Errorf("%w: edge %d has time %g", ErrTimes, e, t)
		}
		arcs[e] = arc{head: g.arcs[e].head, time: float32(t)}
	}
	return newGraph(g.t, arcs, g.mode), nil
}

// SameTopology reports whether g and h share nodes and edges (one was made
// from the other with WithTimes), so ids and snaps are valid in both.
func (g *Graph) SameTopology(h *Graph) bool { return g.t == h.t }

// MaxSpeed returns the highest edge speed length/time in m/s (0 for a graph
// without edges of positive time), for straight-line lower bounds. O(edges).
func (g *Graph) MaxSpeed() float64 {
	best := 0.0
	for e, a := range g.arcs {
		if t := float64(a.time); t > 0 && !math.IsInf(t, 1) {
			best = math.Max(best, float64(g.t.length[e])/t)
		}
	}
	return best
}
