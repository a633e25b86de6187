package setup

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/geo/osm"
	"github.com/emsplan/sim/geo/raster"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// rasterResult is what a population raster gave.
type rasterResult struct {
	Pixels        int     // populated pixels inside the roads' extent
	Sum           float64 // their population
	Cells         int
	OffRoad       []offRoad // cells farther than offRoadM from every road
	OffRoadPeople int
	Dropped       int     // cells farther than dropM from every road: outside the study
	DroppedPeople float64 // their population
	Outside       float64 // population of pixels outside the boundary
}

type offRoad struct {
	id       string
	lon, lat float64
	people   int
	metres   float64
}

// offRoadM is the distance from every road past which a cell is reported:
// the scenario's default warning distance (network.snap_warn_m). dropM is
// the distance past which a cell is outside the study (network.snap_max_m):
// the network cannot reach it.
const (
	offRoadM = 1000
	dropM    = 10000
)

// rasterPlaces aggregates the population raster over the extent of the road
// network into square cells of cellKm, one demand point per populated cell
// at its population-weighted centre, and apportions the people so that the
// total is the raster's sum (rounded) or total when given. It reports the
// cells farther than offRoadM from every road. O(pixels in the extent).
func rasterPlaces(c *Config) ([]place, *rasterResult, error) {
	roads, err := osm.LoadRoads(c.Roads)
	if err != nil {
		return nil, nil, err
	}
	g, _, err := geo.Build(roads, geo.Options{}) // as the scenario builds it: the largest component
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", c.Roads, err)
	}
	b := roads.Bound()
	grid, err := raster.Open(c.PopulationRaster)
	if err != nil {
		return nil, nil, err
	}
	defer grid.Close()
	c0, r0, c1, r1 := grid.PixelWindow(b.Min[0], b.Min[1], b.Max[0], b.Max[1])
	if c0 == c1 || r0 == r1 {
		return nil, nil, fmt.Errorf("%s: the raster does not cover the road network (lon %.4f..%.4f, lat %.4f..%.4f)",
			c.PopulationRaster, b.Min[0], b.Max[0], b.Min[1], b.Max[1])
	}
	win, err := grid.ReadWindow(c0, r0, c1, r1)
	if err != nil {
		return nil, nil, err
	}
	dLat := c.CellKm / 111.195 // km per degree of latitude on a sphere of 6,371 km
	dLon := dLat / math.Cos((b.Min[1]+b.Max[1])/2*math.Pi/180)
	nx := int(math.Ceil((b.Max[0]-b.Min[0])/dLon)) + 1
	type cell struct{ sum, lon, lat float64 }
	cells := map[int]*cell{}
	res := &rasterResult{}
	for r := 0; r < win.Rows; r++ {
		for k := 0; k < win.Cols; k++ {
			v := win.Values[r*win.Cols+k]
			if !(v > 0) {
				continue
			}
			lon, lat := grid.Centre(c0+k, r0+r)
			if !b.Contains(orb.Point{lon, lat}) {
				continue
			}
			if len(c.boundary) > 0 && !planar.MultiPolygonContains(c.boundary, orb.Point{lon, lat}) {
				res.Outside += v
				continue
			}
			key := int((lat-b.Min[1])/dLat)*nx + int((lon-b.Min[0])/dLon)
			cl := cells[key]
			if cl == nil {
				cl = &cell{}
				cells[key] = cl
			}
			cl.sum, cl.lon, cl.lat = cl.sum+v, cl.lon+v*lon, cl.lat+v*lat
			res.Pixels++
			res.Sum += v
		}
	}
	keys := make([]int, 0, len(cells))
	for k, cl := range cells {
		if s, ok := g.Snap(orb.Point{cl.lon / cl.sum, cl.lat / cl.sum}); !ok || s.Dist > dropM {
			res.Dropped++
			res.DroppedPeople += cl.sum
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w := make([]float64, len(keys))
	kept := 0.0
	for i, k := range keys {
		w[i] = cells[k].sum
		kept += w[i]
	}
	total := c.Population
	if total <= 0 {
		total = int(math.Round(kept))
	}
	people := apportion(w, total)
	var ps []place
	for i, k := range keys {
		cl := cells[k]
		lon, lat := round7(cl.lon/cl.sum), round7(cl.lat/cl.sum)
		id := fmt.Sprintf("cell %d,%d", k/nx, k%nx)
		x0, y0 := b.Min[0]+float64(k%nx)*dLon, b.Min[1]+float64(k/nx)*dLat
		p := place{id: id, name: id, nameEn: id, kind: "cell", lon: lon, lat: lat, pop: people[i],
			cell: orb.Bound{Min: orb.Point{round7(x0), round7(y0)}, Max: orb.Point{round7(x0 + dLon), round7(y0 + dLat)}}}
		if p.pop == 0 {
			continue
		}
		ps = append(ps, p)
		if s, _ := g.Snap(orb.Point{lon, lat}); s.Dist > offRoadM {
			res.OffRoad = append(res.OffRoad, offRoad{id: id, lon: lon, lat: lat, people: p.pop, metres: s.Dist})
			res.OffRoadPeople += p.pop
		}
	}
	res.Cells = len(ps)
	if len(ps) == 0 {
		return nil, nil, fmt.Errorf("%s: no populated pixel inside the road network's extent", c.PopulationRaster)
	}
	return ps, res, nil
}

func writeOffRoad(w io.Writer, cells []offRoad) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "lon", "lat", "population", "metres_to_road"})
	for _, c := range cells {
		cw.Write([]string{c.id, strconv.FormatFloat(c.lon, 'f', -1, 64), strconv.FormatFloat(c.lat, 'f', -1, 64),
			strconv.Itoa(c.people), strconv.FormatFloat(math.Round(c.metres), 'f', 0, 64)})
	}
	cw.Flush()
	return cw.Error()
}
