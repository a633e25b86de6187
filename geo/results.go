package geo

import "math"

// Time returns the shortest time in seconds from the seeds to v (to the seeds
// for a reverse search), or +Inf if v was not reached, lies beyond the bound,
// or was not settled before an early exit. O(1).
func (s *Search) Time(v NodeID) float64 {
	if x := s.dist[v]; math.Signbit(x) {
		return -x
	}
	return math.Inf(1)
}

// Source returns the Source of the seed whose time to v is shortest, or -1
// where Time(v) is +Inf. Ties between seeds are broken deterministically.
func (s *Search) Source(v NodeID) int32 {
	if !math.Signbit(s.dist[v]) {
		return -1
	}
	return s.src[v]
}

// Settled returns the nodes settled by the last run, bucket by bucket in
// order of time (times within one bucket width of each other may come in any
// order). The slice is reused by the next run.
func (s *Search) Settled() []NodeID { return s.settled }

// Times writes Time(v) for every node into dst (grown if needed) and returns
// it. O(nodes).
func (s *Search) Times(dst []float64) []float64 {
	n := s.g.Nodes()
	if cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	for v := range dst {
		dst[v] = math.Inf(1)
	}
	for _, v := range s.settled {
		dst[v] = -s.dist[v]
	}
	return dst
}

// Times32 is Times in float32 (half the memory for large travel-time tables;
// 1e-7 relative precision, i.e. under a millisecond for times under 2 hours).
func (s *Search) Times32(dst []float32) []float32 {
	n := s.g.Nodes()
	if cap(dst) < n {
		dst = make([]float32, n)
	}
	dst = dst[:n]
	inf := float32(math.Inf(1))
	for v := range dst {
		dst[v] = inf
	}
	for _, v := range s.settled {
		dst[v] = float32(-s.dist[v])
	}
	return dst
}

// Sources writes Source(v) for every node into dst (grown if needed).
func (s *Search) Sources(dst []int32) []int32 {
	n := s.g.Nodes()
	if cap(dst) < n {
		dst = make([]int32, n)
	}
	dst = dst[:n]
	for v := range dst {
		dst[v] = -1
	}
	for _, v := range s.settled {
		dst[v] = s.src[v]
	}
	return dst
}

// Path returns the edges of a shortest path between the seeds and v, in
// travel order: from a seed to v for a forward search, from v to a seed for a
// reverse one. It returns nil if v was not reached or the run did not record
// paths (Query.Paths), and an empty slice if v is a seed. O(path length).
func (s *Search) Path(v NodeID) []EdgeID {
	if !s.q.Paths || math.IsInf(s.Time(v), 1) {
		return nil
	}
	path := []EdgeID{}
	t := s.g.t
	for e := s.pred[v]; e != NoEdge; e = s.pred[v] {
		path = append(path, e)
		if s.q.Reverse {
			v = s.g.arcs[e].head
		} else {
			v = t.tail[e]
		}
	}
	if !s.q.Reverse {
		for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
			path[i], path[j] = path[j], path[i]
		}
	}
	return path
}
