package scenario

import (
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"go.yaml.in/yaml/v3"
)

func (l *loader) demand(n *yaml.Node, path string) {
	d := &l.s.Demand
	d.File = l.fileSection(n, path, "demand", map[string]func(*yaml.Node, string){
		"population_year": func(v *yaml.Node, f string) { l.w.integer(v, f, &d.PopulationYear, between(1900, 2100)) },
		"growth":          func(v *yaml.Node, f string) { l.w.num(v, f, &d.Growth, between(0.01, 100)) },
	}, func(rows []row, file string) {
		for i, r := range rows {
			p, ok := point(r.geom, true)
			if !ok {
				l.ps.Errorf(r.rec.rowPos, "geometry", "must be a Point or a Polygon (its centroid is used), or CSV lon and lat")
				continue
			}
			dp := DemandPoint{
				ID: r.rec.str("id"), Name: r.rec.str("name"), NameEn: r.rec.str("name_en"),
				VillageCode: r.rec.str("village_code"), Village: r.rec.str("village"), VillageEn: r.rec.str("village_en"),
				TownshipCode: r.rec.str("township_code"), Township: r.rec.str("township"),
				TownshipEn: r.rec.str("township_en"), Class: r.rec.str("class"),
				Point: p, Pos: r.rec.rowPos,
			}
			if !r.rec.has("population") {
				r.rec.errorf("population", "required: residents at this point")
			}
			dp.Population = r.rec.num("population", 0, nonNegative)
			if dp.ID == "" {
				dp.ID = "D" + strconv.Itoa(i+1)
			}
			if dp.Name == "" {
				dp.Name = dp.Village
			}
			if dp.NameEn == "" {
				dp.NameEn = dp.Name
			}
			if dp.VillageEn == "" {
				dp.VillageEn = dp.Village
			}
			if dp.TownshipEn == "" {
				dp.TownshipEn = dp.Township
			}
			d.Points = append(d.Points, dp)
		}
		if len(d.Points) == 0 && l.ps.Err() == nil {
			l.ps.Errorf(filePos(file), "", "no demand points in the file")
		}
	})
	if d.File == "" {
		l.w.errorf(n, join(path, "file"), "required: the population points (CSV or GeoJSON)")
	}
}

// point returns a representative point of g: the point itself or, when
// polygons are allowed, the polygon's area centroid.
func point(g orb.Geometry, polygons bool) (orb.Point, bool) {
	switch g := g.(type) {
	case orb.Point:
		return g, true
	case orb.Polygon, orb.MultiPolygon:
		if !polygons {
			return orb.Point{}, false
		}
		c, area := planar.CentroidArea(g)
		return c, area > 0
	}
	return orb.Point{}, false
}
