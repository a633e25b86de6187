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
	dist    []float64
	src     []int32
	pred    []EdgeID
	h       heap4
	touched []NodeID
	settled []NodeID
	target  []bool
	targets []NodeID // distinct targets of the last run
	left    int
}

// NewSearch returns a Search for g. O(nodes) time and 24 bytes per node.
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
	s.dist, s.src, s.pred = make([]float64, n), make([]int32, n), make([]EdgeID, n)
	s.h.pos, s.target = make([]int32, n), make([]bool, n)
	for v := range n {
		s.dist[v], s.src[v], s.pred[v], s.h.pos[v] = math.Inf(1), -1, NoEdge, -1
	}
}

// Graph returns the graph the Search runs on.
func (s *Search) Graph() *Graph { return s.g }

func (s *Search) reset() {
	for _, v := range s.touched {
		s.dist[v], s.src[v], s.pred[v] = math.Inf(1), -1, NoEdge
	}
	for _, v := range s.targets {
		s.target[v] = false
	}
	s.targets = s.targets[:0]
	s.h.clear()
	s.touched, s.settled, s.q = s.touched[:0], s.settled[:0], Query{}
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
		s.relax(int32(sd.Node), sd.Time, sd.Source, NoEdge, bound)
	}
	if len(q.Targets) > 0 && s.left == 0 {
		return
	}
	t := s.g.t
	for s.h.len() > 0 {
		u, du := s.h.pop()
		s.settled = append(s.settled, NodeID(u))
		if s.target[u] {
			if s.left--; s.left == 0 {
				break
			}
		}
		su := s.src[u]
		if !q.Reverse {
			for e := t.off[u]; e < t.off[u+1]; e++ {
				if nd := du + s.g.time[e]; nd < s.dist[t.head[e]] {
					s.relax(int32(t.head[e]), nd, su, EdgeID(e), bound)
				}
			}
			continue
		}
		for _, e := range t.revEdge[t.revOff[u]:t.revOff[u+1]] {
			if nd := du + s.g.time[e]; nd < s.dist[t.tail[e]] {
				s.relax(int32(t.tail[e]), nd, su, e, bound)
			}
		}
	}
	s.left = 0
}

// relax sets v's time to d (which the caller checked is an improvement).
func (s *Search) relax(v int32, d float64, src int32, via EdgeID, bound float64) {
	if d > bound || !(d < s.dist[v]) {
		return
	}
	if math.IsInf(s.dist[v], 1) {
		s.touched = append(s.touched, NodeID(v))
		s.dist[v] = d
		s.h.push(v, d)
	} else {
		s.dist[v] = d
		s.h.decrease(v, d)
	}
	s.src[v] = src
	if s.q.Paths {
		s.pred[v] = via
	}
}
