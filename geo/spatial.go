package geo

import (
	"math"

	"github.com/paulmach/orb"
)

const metresPerDegree = EarthRadius * degToRad // along a meridian

// grid is a bucket index of road segments (a segment is one edge, or a pair of
// opposite edges drawn from the same vertex pair). Each segment is listed in
// every cell its straight line crosses. Cells are about as wide as the mean
// segment spacing, so a query looks at a few cells. Built in O(E + cells).
type grid struct {
	minX, minY float64  // grid origin, degrees
	cw, ch     float64  // cell size, degrees of longitude and latitude
	nx, ny     int      // cells per row and column
	minCos     float64  // smallest cos(latitude) over the grid
	start      []int32  // segments of cell c: seg[start[c]:start[c+1]]
	seg        []int32  // segment numbers
	edge, twin []EdgeID // representative edge of each segment and its opposite edge (or NoEdge)
}

// spatial returns the graph's segment index, building it on first use.
func (g *Graph) spatial() *grid {
	g.t.indexOnce.Do(func() { g.t.index = newGrid(g) })
	return g.t.index
}

// pairSegments finds, for every edge, its opposite edge from the same vertex
// pair of the same feature, and lists one representative edge per segment.
func pairSegments(g *Graph) (edge, twin []EdgeID) {
	m := g.Edges()
	partner := make([]EdgeID, m)
	for i := range partner {
		partner[i] = -2 // unknown
	}
	t := g.t
	for e := 0; e < m; e++ {
		if partner[e] != -2 {
			continue
		}
		partner[e] = NoEdge
		h, u := g.arcs[e].head, t.tail[e]
		for f := t.off[h]; f < t.off[h+1]; f++ {
			if partner[f] == -2 && g.arcs[f].head == u && t.feature[f] == t.feature[e] && t.length[f] == t.length[e] {
				partner[e], partner[f] = EdgeID(f), EdgeID(e)
				break
			}
		}
		edge = append(edge, EdgeID(e))
		twin = append(twin, partner[e])
	}
	return edge, twin
}

func newGrid(g *Graph) *grid {
	edge, twin := pairSegments(g)
	x := buildGrid(g.Bound(), len(edge), func(s int) (orb.Point, orb.Point) { return g.Endpoints(edge[s]) })
	x.edge, x.twin = edge, twin
	return x
}

// buildGrid indexes n segments, given by their end points, within bound b.
func buildGrid(b orb.Bound, n int, seg func(s int) (orb.Point, orb.Point)) *grid {
	x := &grid{}
	x.minX, x.minY = b.Min[0], b.Min[1]
	x.minCos = math.Min(math.Cos(b.Min[1]*degToRad), math.Cos(b.Max[1]*degToRad))
	x.minCos = math.Max(x.minCos, 0.01)
	midCos := math.Max(math.Cos((b.Min[1]+b.Max[1])/2*degToRad), 0.01)
	wm := math.Max((b.Max[0]-b.Min[0])*metresPerDegree*midCos, 1)
	hm := math.Max((b.Max[1]-b.Min[1])*metresPerDegree, 1)
	side := math.Max(math.Sqrt(wm*hm/float64(max(n, 1))), 25) // metres
	for wm/side*hm/side > 4e6 {
		side *= 1.5
	}
	x.ch = side / metresPerDegree
	x.cw = side / (metresPerDegree * midCos)
	x.nx = int(wm/side) + 1
	x.ny = int(hm/side) + 1
	// Two passes over the segments' cells: count, then place.
	count := make([]int32, x.nx*x.ny+1)
	for s := 0; s < n; s++ {
		a, c := seg(s)
		x.cells(a, c, func(cell int) { count[cell+1]++ })
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	x.start = count
	x.seg = make([]int32, count[len(count)-1])
	cur := append([]int32(nil), count[:len(count)-1]...)
	for s := 0; s < n; s++ {
		a, c := seg(s)
		x.cells(a, c, func(cell int) { x.seg[cur[cell]] = int32(s); cur[cell]++ })
	}
	return x
}

// cell returns the column and row holding p, clamped to the grid.
func (x *grid) cell(lon, lat float64) (int, int) {
	ix := int(math.Floor((lon - x.minX) / x.cw))
	iy := int(math.Floor((lat - x.minY) / x.ch))
	return min(max(ix, 0), x.nx-1), min(max(iy, 0), x.ny-1)
}

// cells calls f for every cell the segment a-c crosses (row by row: the
// segment's longitude range within each row band).
func (x *grid) cells(a, c orb.Point, f func(int)) {
	_, r0 := x.cell(a[0], a[1])
	_, r1 := x.cell(c[0], c[1])
	if r0 > r1 {
		r0, r1 = r1, r0
	}
	for r := r0; r <= r1; r++ {
		lo, hi := a[0], c[0]
		if dy := c[1] - a[1]; dy != 0 && r0 != r1 {
			y0 := x.minY + float64(r)*x.ch
			t0 := (y0 - a[1]) / dy
			t1 := (y0 + x.ch - a[1]) / dy
			t0, t1 = math.Max(math.Min(t0, t1), 0), math.Min(math.Max(t0, t1), 1)
			lo, hi = a[0]+t0*(c[0]-a[0]), a[0]+t1*(c[0]-a[0])
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		i0, _ := x.cell(lo, a[1])
		i1, _ := x.cell(hi, a[1])
		for i := i0; i <= i1; i++ {
			f(r*x.nx + i)
		}
	}
}

// rings visits the cells around p ring by ring (Chebyshev distance r from p's
// cell) and calls visit with each cell's segments; it stops when the best
// distance so far (returned by visit, in metres) is at most the smallest
// possible distance to the next ring, or the grid is exhausted.
func (x *grid) rings(p orb.Point, best func() float64, visit func(segs []int32)) {
	ix, iy := x.cell(p[0], p[1])
	cosP := math.Min(x.minCos, math.Cos(p[1]*degToRad))
	side := math.Min(x.cw*metresPerDegree*cosP, x.ch*metresPerDegree)
	maxR := max(ix, iy, x.nx-1-ix, x.ny-1-iy)
	for r := 0; r <= maxR; r++ {
		if float64(r-1)*side >= best() {
			return
		}
		for j := iy - r; j <= iy+r; j++ {
			if j < 0 || j >= x.ny {
				continue
			}
			step := 2 * r
			if j == iy-r || j == iy+r || r == 0 {
				step = 1
			}
			for i := ix - r; i <= ix+r; i += step {
				if i >= 0 && i < x.nx {
					c := j*x.nx + i
					visit(x.seg[x.start[c]:x.start[c+1]])
				}
				if step == 0 {
					break
				}
			}
		}
	}
}
