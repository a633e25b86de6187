package calibrate

import (
	"math"

	"github.com/emsplan/sim/sim/scenario"
)

// nearestIndex finds the nearest demand point through a grid of cells of
// about 2 km.
type nearestIndex struct {
	pts        []scenario.DemandPoint
	cell       float64
	minX, minY float64
	nx, ny     int
	cells      map[int][]int
	kx         float64 // metres per degree of longitude at the mean latitude, relative to latitude
}

const cellDeg = 0.02

func newNearest(pts []scenario.DemandPoint) *nearestIndex {
	ix := &nearestIndex{pts: pts, cell: cellDeg, cells: map[int][]int{}, minX: math.Inf(1), minY: math.Inf(1)}
	maxX, maxY, lat := math.Inf(-1), math.Inf(-1), 0.0
	for _, p := range pts {
		ix.minX, ix.minY = math.Min(ix.minX, p.Point[0]), math.Min(ix.minY, p.Point[1])
		maxX, maxY = math.Max(maxX, p.Point[0]), math.Max(maxY, p.Point[1])
		lat += p.Point[1]
	}
	if len(pts) == 0 {
		return ix
	}
	ix.kx = math.Cos(lat / float64(len(pts)) * math.Pi / 180)
	ix.nx, ix.ny = int((maxX-ix.minX)/cellDeg)+1, int((maxY-ix.minY)/cellDeg)+1
	for i, p := range pts {
		ix.cells[ix.key(ix.cellOf(p.Point[0], p.Point[1]))] = append(ix.cells[ix.key(ix.cellOf(p.Point[0], p.Point[1]))], i)
	}
	return ix
}

func (ix *nearestIndex) cellOf(lon, lat float64) (int, int) {
	return int(math.Floor((lon - ix.minX) / ix.cell)), int(math.Floor((lat - ix.minY) / ix.cell))
}

func (ix *nearestIndex) key(cx, cy int) int { return cy*(ix.nx+2) + cx }

// nearest returns the index of the demand point nearest lon, lat in a local
// plane, or -1 without points. Rings of cells are searched until no nearer
// point can lie farther out.
func (ix *nearestIndex) nearest(lon, lat float64) int {
	if len(ix.pts) == 0 {
		return -1
	}
	cx, cy := ix.cellOf(lon, lat)
	cx, cy = min(max(cx, 0), ix.nx-1), min(max(cy, 0), ix.ny-1)
	best, bestD := -1, math.Inf(1)
	for r := 0; r <= max(ix.nx, ix.ny); r++ {
		for y := cy - r; y <= cy+r; y++ {
			for x := cx - r; x <= cx+r; x++ {
				if max(abs(x-cx), abs(y-cy)) != r || x < 0 || y < 0 || x >= ix.nx || y >= ix.ny {
					continue
				}
				for _, i := range ix.cells[ix.key(x, y)] {
					p := ix.pts[i].Point
					dx, dy := (p[0]-lon)*ix.kx, p[1]-lat
					if d := dx*dx + dy*dy; d < bestD || d == bestD && i < best {
						best, bestD = i, d
					}
				}
			}
		}
		// every point in ring r+1 or beyond is at least r cells away
		if best >= 0 && math.Sqrt(bestD) <= float64(r)*ix.cell*math.Min(ix.kx, 1) {
			break
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// NearDemand returns a test for Options.Near: a position within km of some
// demand point of s belongs to the study.
func NearDemand(s *scenario.Scenario, km float64) func(lon, lat float64) bool {
	ix := newNearest(s.Demand.Points)
	return func(lon, lat float64) bool {
		i := ix.nearest(lon, lat)
		if i < 0 {
			return false
		}
		p := ix.pts[i].Point
		dx := (p[0] - lon) * math.Cos(lat*math.Pi/180) * 111.195
		dy := (p[1] - lat) * 111.195
		return math.Hypot(dx, dy) <= km
	}
}
