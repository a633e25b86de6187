package main

import (
	"container/heap"
	"math"
)

// defaultSpeeds are the class speeds of the README's scenario reference (km/h): the generator's
// own travel times (for the sub-centre rule) use the loader's defaults.
var defaultSpeeds = map[string]float64{
	"motorway": 100, "trunk": 80, "primary": 60, "secondary": 50, "tertiary": 40,
	"unclassified": 30, "residential": 30, "living_street": 20, "service": 20, "track": 15,
}

func speedOf(t tags) float64 {
	if t.SpeedKmh > 0 {
		return t.SpeedKmh
	}
	if t.MaxSpeed > 0 {
		return float64(t.MaxSpeed)
	}
	hw := t.Highway
	if hw == "motorway_link" {
		hw = "motorway"
	}
	return defaultSpeeds[hw]
}

// graph is a small CSR view of the network at normal driving speeds.
type graph struct {
	start []int32
	to    []int32
	sec   []float64
}

func buildGraph(n *network) *graph {
	type arc struct {
		to  int32
		sec float64
	}
	adj := make([][]arc, len(n.P))
	for _, w := range n.W {
		v := speedOf(w.T) / 3.6
		for i := 0; i+1 < len(w.N); i++ {
			a, b := w.N[i], w.N[i+1]
			s := n.P[a].dist(n.P[b]) / v
			adj[a] = append(adj[a], arc{b, s})
			if !w.T.Oneway {
				adj[b] = append(adj[b], arc{a, s})
			}
		}
	}
	g := &graph{start: make([]int32, len(n.P)+1)}
	for i, as := range adj {
		g.start[i+1] = g.start[i] + int32(len(as))
		for _, a := range as {
			g.to = append(g.to, a.to)
			g.sec = append(g.sec, a.sec)
		}
	}
	return g
}

type pqItem struct {
	n int32
	d float64
}
type pq []pqItem

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	return q[i].d < q[j].d || (q[i].d == q[j].d && q[i].n < q[j].n)
}
func (q pq) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)   { *q = append(*q, x.(pqItem)) }
func (q *pq) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// times returns the driving time in seconds from src to every node (+Inf unreachable).
func (g *graph) times(src int32) []float64 {
	d := make([]float64, len(g.start)-1)
	for i := range d {
		d[i] = math.Inf(1)
	}
	d[src] = 0
	q := &pq{{src, 0}}
	for q.Len() > 0 {
		it := heap.Pop(q).(pqItem)
		if it.d > d[it.n] {
			continue
		}
		for e := g.start[it.n]; e < g.start[it.n+1]; e++ {
			if nd := it.d + g.sec[e]; nd < d[g.to[e]] {
				d[g.to[e]] = nd
				heap.Push(q, pqItem{g.to[e], nd})
			}
		}
	}
	return d
}

// nearestNode returns the node of an at-grade road nearest p.
func (n *network) nearestNode(p pt) int32 {
	si, _, _ := n.nearest(p, 1e6, func(w *way) bool { return w.Kind == kindRoad })
	s := n.S[si]
	if n.P[s.A].dist(p) <= n.P[s.B].dist(p) {
		return s.A
	}
	return s.B
}
