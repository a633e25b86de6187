package sim

import (
	"container/heap"
	"math"
	"math/rand/v2"
)

// Grid is an in-memory Travel and Tracker on a W x H grid of road nodes with
// random edge times, for tests and benchmarks (no road network needed).
// LocID i is node (i%W, i/W). Edges join 4-neighbours both ways with one
// time each, drawn uniformly in [MinEdge, MaxEdge] seconds from the seed.
// All-pairs times and next hops are precomputed (O(n^2) memory, n = W*H), so
// Time is one lookup and EnRoute walks the unit's path, O(path length).
type Grid struct {
	W, H             int
	MinEdge, MaxEdge float64
	n                int
	dist             []float64 // dist[a*n+b]
	next             []int32   // next[a*n+b]: the node after a on a shortest path to b
	adj              [][]gridArc
}

type gridArc struct {
	to int32
	t  float64
}

// NewGrid builds the grid; w, h >= 1 and 0 < minEdge <= maxEdge.
func NewGrid(w, h int, minEdge, maxEdge float64, seed uint64) *Grid {
	g := &Grid{W: w, H: h, MinEdge: minEdge, MaxEdge: maxEdge, n: w * h}
	r := rand.New(rand.NewPCG(seed, 0x6772696464))
	g.adj = make([][]gridArc, g.n)
	link := func(a, b int) {
		t := minEdge + (maxEdge-minEdge)*r.Float64()
		g.adj[a] = append(g.adj[a], gridArc{int32(b), t})
		g.adj[b] = append(g.adj[b], gridArc{int32(a), t})
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := y*w + x
			if x+1 < w {
				link(i, i+1)
			}
			if y+1 < h {
				link(i, i+w)
			}
		}
	}
	g.dist = make([]float64, g.n*g.n)
	g.next = make([]int32, g.n*g.n)
	for b := 0; b < g.n; b++ {
		g.tree(b)
	}
	return g
}

// tree runs Dijkstra from b; the graph is symmetric, so dist from b to a is
// dist from a to b, and a's parent is the next hop from a towards b.
func (g *Grid) tree(b int) {
	d := make([]float64, g.n)
	for i := range d {
		d[i] = math.Inf(1)
	}
	par := make([]int32, g.n)
	d[b], par[b] = 0, int32(b)
	pq := &gridPQ{{int32(b), 0}}
	for pq.Len() > 0 {
		it := heap.Pop(pq).(gridItem)
		if it.d > d[it.v] {
			continue
		}
		for _, a := range g.adj[it.v] {
			if nd := it.d + a.t; nd < d[a.to] {
				d[a.to], par[a.to] = nd, it.v
				heap.Push(pq, gridItem{a.to, nd})
			}
		}
	}
	for a := 0; a < g.n; a++ {
		g.dist[a*g.n+b] = d[a]
		g.next[a*g.n+b] = par[a]
	}
}

type gridItem struct {
	v int32
	d float64
}

type gridPQ []gridItem

func (q gridPQ) Len() int           { return len(q) }
func (q gridPQ) Less(i, j int) bool { return q[i].d < q[j].d }
func (q gridPQ) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *gridPQ) Push(x any)        { *q = append(*q, x.(gridItem)) }
func (q *gridPQ) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

// Len returns the number of nodes.
func (g *Grid) Len() int { return g.n }

// Band is always 0.
func (g *Grid) Band(float64) int { return 0 }

// Time returns the shortest driving time from a to b.
func (g *Grid) Time(a, b LocID, _ int) float64 { return g.dist[int(a)*g.n+int(b)] }

// EnRoute finds where the unit is on its shortest path from `from` to `to`
// after elapsed seconds (on an edge u-v, s seconds past u) and returns the
// shorter of going on through v or turning back through u.
func (g *Grid) EnRoute(from, to LocID, elapsed float64, dest LocID, _ int, bound float64) float64 {
	u, cum := int32(from), 0.0
	t := math.NaN()
	for u != int32(to) {
		v := g.next[int(u)*g.n+int(to)]
		w := g.dist[int(u)*g.n+int(v)]
		if cum+w > elapsed {
			s := elapsed - cum
			t = math.Min(w-s+g.Time(LocID(v), dest, 0), s+g.Time(LocID(u), dest, 0))
			break
		}
		cum += w
		u = v
	}
	if math.IsNaN(t) {
		t = g.Time(to, dest, 0)
	}
	if t > bound {
		return math.Inf(1)
	}
	return t
}

// LowerBound is the Manhattan distance in edges times the smallest edge time.
func (g *Grid) LowerBound(a, b LocID) float64 {
	ax, ay := int(a)%g.W, int(a)/g.W
	bx, by := int(b)%g.W, int(b)/g.W
	dx, dy := ax-bx, ay-by
	if dx < 0 {
		dx = -dx
	}
	if dy < 0 {
		dy = -dy
	}
	return float64(dx+dy) * g.MinEdge
}
