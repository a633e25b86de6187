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
	st      []nodeState
	pred    []EdgeID
	h       heap4
	touched []NodeID
	settled []NodeID
	target  []bool
	targets []NodeID // distinct targets of the last run
	left    int
}

// nodeState is the per-node search state, packed in 16 bytes so that a visit
// to a node costs one cache line.
type nodeState struct {
	dist float64 // tentative or final time, +Inf if untouched
	src  int32   // source of the best seed, -1 if none
	done bool    // settled
}

// NewSearch returns a Search for g. O(nodes) time and 22 bytes per node.
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
	if n <= len(s.st) {
		return
	}
	s.st, s.pred, s.target = make([]nodeState, n), make([]EdgeID, n), make([]bool, n)
	for v := range n {
		s.st[v], s.pred[v] = nodeState{dist: math.Inf(1), src: -1}, NoEdge
	}
}

// Graph returns the graph the Search runs on.
func (s *Search) Graph() *Graph { return s.g }

func (s *Search) reset() {
	inf := math.Inf(1)
	for _, v := range s.touched {
		s.st[v], s.pred[v] = nodeState{dist: inf, src: -1}, NoEdge
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
		if v := sd.Node; sd.Time <= bound && sd.Time < s.st[v].dist {
			if math.IsInf(s.st[v].dist, 1) {
				s.touched = append(s.touched, v)
			}
			s.st[v].dist, s.st[v].src, s.pred[v] = sd.Time, sd.Source, NoEdge
			s.h.push(int32(v), sd.Time)
		}
	}
	if len(q.Targets) > 0 && s.left == 0 {
		return
	}
	t := s.g.t
	off, tail, arcs := t.off, t.tail, s.g.arcs
	revOff, revEdge := t.revOff, t.revEdge
	st, pred := s.st, s.pred
	paths := q.Paths
	for s.h.len() > 0 {
		u, du := s.h.pop()
		su := &st[u]
		if su.done || du > su.dist {
			continue // a stale entry
		}
		su.done = true
		s.settled = append(s.settled, NodeID(u))
		if s.target[u] {
			if s.left--; s.left == 0 {
				break
			}
		}
		src := su.src
		if !q.Reverse {
			for e := off[u]; e < off[u+1]; e++ {
				a := arcs[e]
				v := a.head
				nd := du + float64(a.time)
				sv := &st[v]
				if nd < sv.dist && nd <= bound {
					if math.IsInf(sv.dist, 1) {
						s.touched = append(s.touched, v)
					}
					sv.dist, sv.src = nd, src
					if paths {
						pred[v] = EdgeID(e)
					}
					s.h.push(int32(v), nd)
				}
			}
			continue
		}
		for _, e := range revEdge[revOff[u]:revOff[u+1]] {
			v := tail[e]
			nd := du + float64(arcs[e].time)
			sv := &st[v]
			if nd < sv.dist && nd <= bound {
				if math.IsInf(sv.dist, 1) {
					s.touched = append(s.touched, v)
				}
				sv.dist, sv.src = nd, src
				if paths {
					pred[v] = e
				}
				s.h.push(int32(v), nd)
			}
		}
	}
}
