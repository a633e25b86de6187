package geo

import (
	"fmt"
	"math"
)

// Seed starts a search: a node, the time already spent to reach it (e.g. the
// partial edge from a snapped point) and the index reported by Search.Source
// for every node whose best time comes from this seed.
type Seed struct {
	Node   NodeID
	Time   float64 // seconds, >= 0
	Source int32
}

// Query sets what a Search run does. The zero value is a complete forward
// one-to-all search without paths.
type Query struct {
	// Reverse follows edges backwards: times are then from each node to the
	// seeds rather than from the seeds.
	Reverse bool
	// Bound > 0 stops the search past Bound seconds; farther nodes stay +Inf.
	Bound float64
	// Targets, if not empty, stops the search once all of them are settled;
	// nodes not settled by then stay +Inf.
	Targets []NodeID
	// Paths records the predecessor edge of every node, for Path.
	Paths bool
}

// Search is Dijkstra's algorithm with scratch space sized once for a graph
// and reset in time proportional to the nodes the last run touched, so many
// small bounded searches stay cheap. A Search is not safe for concurrent use:
// use one per goroutine. It may be used with every graph of the same topology
// (see Graph.WithTimes) and is resized for another graph by Use.
type Search struct {
	g       *Graph
	q       Query
	dist    []float64 // tentative time; settled nodes have the sign bit set (-t)
	src     []int32
	pred    []EdgeID
	h       radixHeap
	touched []NodeID
	settled []NodeID
	target  []bool
	targets []NodeID // distinct targets of the last run
	left    int
}

// NewSearch returns a Search for g. O(nodes) time and 21 bytes per node.
func NewSearch(g *Graph) *Search {
	s := &Search{}
	s.Use(g)
	return s
}

// Use makes the next runs search g, growing the scratch space if g has more
// nodes than any graph used before. O(nodes) only when it grows.
func (s *Search) Use(g *Graph) {
	s.reset()
	s.g = g
	n := g.Nodes()
	if n <= len(s.dist) {
		return
	}
	s.dist, s.src, s.pred, s.target = make([]float64, n), make([]int32, n), make([]EdgeID, n), make([]bool, n)
	for v := range n {
		s.dist[v], s.src[v], s.pred[v] = math.Inf(1), -1, NoEdge
	}
}

// Graph returns the graph the Search runs on.
func (s *Search) Graph() *Graph { return s.g }

func (s *Search) reset() {
	inf := math.Inf(1)
	for _, v := range s.touched {
		s.dist[v], s.src[v], s.pred[v] = inf, -1, NoEdge
	}
	for _, v := range s.targets {
		s.target[v] = false
	}
	s.targets = s.targets[:0]
	s.h.clear()
	s.touched, s.settled, s.q, s.left = s.touched[:0], s.settled[:0], Query{}, 0
}

// Run searches from seeds (several seeds make a multi-source search) as q
// says. Results stay readable until the next Run. It panics if a seed or
// target is not a node of the graph or a seed time is negative or NaN.
// O((V + E) log V) over the nodes and edges within reach (and within q.Bound).
func (s *Search) Run(seeds []Seed, q Query) {
	s.reset()
	s.q = q
	bound := q.Bound
	if !(bound > 0) {
		bound = math.Inf(1)
	}
	for _, v := range q.Targets {
		if !s.target[v] {
			s.target[v] = true
			s.targets = append(s.targets, v)
			s.left++
		}
	}
	for _, sd := range seeds {
		if !(sd.Time >= 0) {
			panic(fmt.Sprintf("geo: seed time %g at node %d", sd.Time, sd.Node))
		}
		if v := sd.Node; sd.Time <= bound && sd.Time < s.dist[v] {
			if math.IsInf(s.dist[v], 1) {
				s.touched = append(s.touched, v)
			}
			s.dist[v], s.src[v], s.pred[v] = sd.Time, sd.Source, NoEdge
			s.h.push(int32(v), sd.Time)
		}
	}
	if len(q.Targets) > 0 && s.left == 0 {
		return
	}
	t := s.g.t
	off, tail, arcs := t.off, t.tail, s.g.arcs
	revOff, revEdge := t.revOff, t.revEdge
	dist, srcs, pred := s.dist, s.src, s.pred
	paths := q.Paths
	// A settled node's time is stored with the sign bit set: no time t >= 0
	// is below it, so it is never relaxed again, and a stale heap entry of it
	// is recognised by the sign.
	for s.h.len() > 0 {
		u, du := s.h.pop()
		if x := dist[u]; du != x || math.Signbit(x) {
			continue // a stale entry
		}
		dist[u] = -du
		if du == 0 {
			dist[u] = math.Copysign(0, -1)
		}
		s.settled = append(s.settled, NodeID(u))
		if s.left > 0 && s.target[u] {
			if s.left--; s.left == 0 {
				break
			}
		}
		src := srcs[u]
		if !q.Reverse {
			lo := off[u]
			for i, a := range arcs[lo:off[u+1]] {
				v := a.head
				nd := du + float64(a.time)
				if x := dist[v]; nd < x && nd <= bound {
					if math.IsInf(x, 1) {
						s.touched = append(s.touched, v)
					}
					dist[v], srcs[v] = nd, src
					if paths {
						pred[v] = EdgeID(lo + int32(i))
					}
					s.h.push(int32(v), nd)
				}
			}
			continue
		}
		for _, e := range revEdge[revOff[u]:revOff[u+1]] {
			v := tail[e]
			nd := du + float64(arcs[e].time)
			if x := dist[v]; nd < x && nd <= bound {
				if math.IsInf(x, 1) {
					s.touched = append(s.touched, v)
				}
				dist[v], srcs[v] = nd, src
				if paths {
					pred[v] = e
				}
				s.h.push(int32(v), nd)
			}
		}
	}
}
