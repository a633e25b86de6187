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

	// bucket scratch: round and bucket marks (epoch numbers), node lists
	rmark, bmark              []uint32
	rEpoch, bEpoch            uint32
	buf, round, inBucket, tmp []int32
}

// NewSearch returns a Search for g. O(nodes) time and 25 bytes per node.
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
	s.bmark = make([]uint32, n)
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
	s.touched, s.settled, s.q, s.left, s.inBucket = s.touched[:0], s.settled[:0], Query{}, 0, s.inBucket[:0]
	if s.bEpoch > 1<<31 { // renew the marks long before they wrap
		clear(s.bmark)
		s.bEpoch = 0
	}
}

// Run searches from seeds (several seeds make a multi-source search) as q
// says. Results stay readable until the next Run. It panics if a seed or
// target is not a node of the graph or a seed time is negative or NaN.
//
// The search is Dijkstra's, processed a bucket of times [kΔ, (k+1)Δ) at a
// time (Δ about the median edge time, see Graph.BucketWidth): the nodes of
// the current bucket are visited in rounds, in id order, which is memory
// order since ids follow a Hilbert curve; a node improved within its own
// bucket (through an edge shorter than Δ) is visited again in the next round,
// and when a bucket has no more work its nodes are final. The result is exact
// as with a heap, but memory is read in order, which matters when many
// sources grow at once all over a large graph. An early exit (Targets) or a
// Bound stops after the bucket that settles the last target or passes the
// bound. O((V + E) log V) over the nodes and edges within reach.
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
	inv := 1 / s.g.delta
	for _, sd := range seeds {
		if !(sd.Time >= 0) {
			panic(fmt.Sprintf("geo: seed time %g at node %d", sd.Time, sd.Node))
		}
		if v := sd.Node; sd.Time <= bound && sd.Time < s.dist[v] {
			if math.IsInf(s.dist[v], 1) {
				s.touched = append(s.touched, v)
			}
			s.dist[v], s.src[v], s.pred[v] = sd.Time, sd.Source, NoEdge
			s.h.push(int32(v), math.Floor(sd.Time*inv))
		}
	}
	if len(q.Targets) > 0 && s.left == 0 {
		return
	}
	s.buckets(q, bound, inv)
}

// buckets runs the search loop of Run (keys in the heap are bucket numbers).
func (s *Search) buckets(q Query, bound, inv float64) {
	t := s.g.t
	off, tail, arcs := t.off, t.tail, s.g.arcs
	revOff, revEdge := t.revOff, t.revEdge
	dist, srcs, pred := s.dist, s.src, s.pred
	bmark := s.bmark
	paths := q.Paths
	cur := -1.0
	for s.h.len() > 0 {
		var k float64
		s.buf, k = s.h.drainMin(s.buf[:0])
		if k != cur {
			if cur >= 0 && s.finishBucket(len(q.Targets) > 0) {
				return
			}
			cur = k
			s.bEpoch++
		}
		// Sort the drained nodes, then drop repeats and settled nodes (a
		// stale entry whose node was settled in an earlier bucket): reading
		// in id order is reading memory in order.
		sortIDs(s.buf, &s.tmp)
		round, prev := s.round[:0], int32(-1)
		for _, v := range s.buf {
			if v == prev || math.Signbit(dist[v]) {
				continue
			}
			prev = v
			round = append(round, v)
			if bmark[v] != s.bEpoch {
				bmark[v] = s.bEpoch
				s.inBucket = append(s.inBucket, v)
			}
		}
		s.round = round
		for _, u := range round {
			du, src := dist[u], srcs[u]
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
						s.h.push(int32(v), math.Floor(nd*inv))
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
					s.h.push(int32(v), math.Floor(nd*inv))
				}
			}
		}
	}
	if cur >= 0 {
		s.finishBucket(false)
	}
}

// finishBucket settles the nodes of the bucket just done (their times are
// final) and reports whether every target is now settled.
// A settled node's time is stored with the sign bit set: no time t >= 0 is
// below it, so it is never relaxed again.
func (s *Search) finishBucket(targets bool) bool {
	for _, v := range s.inBucket {
		if x := s.dist[v]; !math.Signbit(x) {
			s.dist[v] = -x
			if x == 0 {
				s.dist[v] = math.Copysign(0, -1)
			}
			s.settled = append(s.settled, NodeID(v))
			if s.left > 0 && s.target[v] {
				s.left--
			}
		}
	}
	s.inBucket = s.inBucket[:0]
	return targets && s.left == 0
}
