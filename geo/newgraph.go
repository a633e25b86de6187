package geo

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Arc is a directed edge given to NewGraph.
type Arc struct {
	From, To NodeID
	Time     float64 // seconds, >= 0 (+Inf closes the arc)
	Length   float64 // metres, >= 0
	Class    Class
	Feature  int // index of the feature the arc comes from, for Graph.Feature
}

// NewGraph makes a graph from node coordinates and arcs directly, for tests
// and for networks that do not come from a road file. Arcs keep their order
// within each tail node; no component is pruned. It returns an error wrapping
// ErrTimes for a NaN or negative time or length and ErrOptions for an arc
// whose end is not a node or for a coordinate out of range. O(N + E).
func NewGraph(points []orb.Point, arcs []Arc) (*Graph, error) {
	n := len(points)
	t := &topology{xy: make([]int32, 2*n), off: make([]int32, n+1), classNames: fixedClassNames[:]}
	for i, p := range points {
		if !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
			return nil, fmt.Errorf("%w: node %d at %v is not a WGS-84 longitude, latitude", ErrOptions, i, p)
		}
		t.xy[2*i], t.xy[2*i+1] = int32(math.Round(p[0]*1e7)), int32(math.Round(p[1]*1e7))
	}
	for i, a := range arcs {
		if a.From < 0 || int(a.From) >= n || a.To < 0 || int(a.To) >= n {
			return nil, fmt.Errorf("%w: arc %d joins %d and %d, but there are %d nodes", ErrOptions, i, a.From, a.To, n)
		}
		if !(a.Time >= 0) || !(a.Length >= 0) {
			return nil, fmt.Errorf("%w: arc %d has time %g and length %g", ErrTimes, i, a.Time, a.Length)
		}
		t.off[a.From+1]++
	}
	for v := 0; v < n; v++ {
		t.off[v+1] += t.off[v]
	}
	m := len(arcs)
	t.tail = make([]NodeID, m)
	t.length, t.class, t.feature = make([]float32, m), make([]Class, m), make([]int32, m)
	packed := make([]arc, m)
	cur := append([]int32(nil), t.off[:n]...)
	for _, a := range arcs {
		e := cur[a.From]
		cur[a.From]++
		t.tail[e], t.length[e], t.class[e], t.feature[e] = a.From, float32(a.Length), a.Class, int32(a.Feature)
		packed[e] = arc{head: a.To, time: float32(a.Time)}
	}
	t.reverse(packed)
	return newGraph(t, packed, Drive), nil
}
