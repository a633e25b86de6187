package report

import (
	"math"
	"strings"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim/report/figures"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

// basemap returns the roads (drivable classes), the zone outlines and the
// township labels at their population-weighted centres.
func (d *RunData) basemap(labels bool) figures.Basemap {
	var b figures.Basemap
	roads := d.Study.Net.Roads
	speeds := geo.DefaultSpeeds()
	for i := 0; i < roads.Len(); i++ {
		tags := roads.Tags(i)
		class := strings.TrimSuffix(tags.Highway, "_link")
		if _, drivable := speeds[class]; !drivable && tags.SpeedKmh <= 0 {
			continue
		}
		for _, ls := range roads.Lines(i) {
			b.Roads = append(b.Roads, figures.Road{Line: ls, Class: tags.Highway})
		}
	}
	for _, z := range d.Study.Scenario.Zones.Polygons {
		for _, p := range z.Geometry {
			b.Zones = append(b.Zones, figures.Zone{Poly: p, Class: z.Class, Name: z.Name})
		}
	}
	if labels {
		for _, t := range d.Study.Scenario.Townships {
			if p, ok := d.seat(t.Code); ok {
				b.Labels = append(b.Labels, figures.Place{P: p, Name: t.Name, NameEn: t.NameEn})
			}
		}
	}
	return b
}

// seat returns the population-weighted centre of a township's demand points.
func (d *RunData) seat(code string) (orb.Point, bool) {
	pts := d.Table("coverage/points.csv")
	var w, x, y float64
	for r := range pts.Rows {
		if pts.Str(r, "township_code") == code {
			pop := pts.Float(r, "population")
			w, x, y = w+pop, x+pop*pts.Float(r, "lon"), y+pop*pts.Float(r, "lat")
		}
	}
	if w <= 0 {
		return orb.Point{}, false
	}
	return orb.Point{x / w, y / w}, true
}

// stations returns the ambulance bases with their fleets.
func (d *RunData) stations() []figures.Station {
	var out []figures.Station
	for _, f := range d.Study.Scenario.Facilities {
		if f.Ambulances > 0 {
			out = append(out, figures.Station{P: f.Point, Name: f.Name, NameEn: f.NameEn, Units: f.Ambulances, FiveG: f.FiveG})
		}
	}
	return out
}

// facilities returns the health facilities of the given tiers.
func (d *RunData) facilities(tiers ...scenario.Tier) []figures.Facility {
	var out []figures.Facility
	for _, f := range d.Study.Scenario.Facilities {
		for _, t := range tiers {
			if f.Tier == t {
				out = append(out, figures.Facility{P: f.Point, Tier: figures.Tier(f.Tier), Name: f.Name, NameEn: f.NameEn})
			}
		}
	}
	return out
}

// points returns the demand points with the minutes in column col.
func (d *RunData) points(col string) []figures.ValuePoint {
	pts := d.Table("coverage/points.csv")
	out := make([]figures.ValuePoint, len(pts.Rows))
	for r := range pts.Rows {
		out[r] = figures.ValuePoint{P: orb.Point{pts.Float(r, "lon"), pts.Float(r, "lat")}, Value: pts.Float(r, col),
			Weight: pts.Float(r, "population"), Name: pts.Str(r, "village"), NameEn: pts.Str(r, "village_en")}
	}
	return out
}

func (d *RunData) coverageMap(f figures.Frame) figures.Drawer {
	vs := d.Table("coverage/villages.csv")
	var outside []figures.Place
	for r := range vs.Rows {
		if vs.Float(r, "outside_target") > vs.Float(r, "population")/2 {
			outside = append(outside, figures.Place{P: orb.Point{vs.Float(r, "lon"), vs.Float(r, "lat")},
				Name: vs.Str(r, "village"), NameEn: vs.Str(r, "village_en")})
		}
	}
	return &figures.CoverageMap{Frame: f, Basemap: d.basemap(true), Points: d.points("response_min"),
		Stations: d.stations(), Outside: outside, SizeByWeight: true,
		Facilities: d.facilities(scenario.CountyHospital, scenario.SubCentre, scenario.TownshipCentre)}
}

func (d *RunData) healthMap(f figures.Frame) figures.Drawer {
	hc := &d.Study.Scenario.HealthCircle
	return &figures.HealthCircleMap{Frame: f, Basemap: d.basemap(true), Points: d.points("health_min"),
		Threshold: hc.Minutes, Facilities: d.facilities(hc.Tiers...)}
}

func (d *RunData) complianceMap(f figures.Frame) figures.Drawer {
	tw := d.Table("sim/townships.csv")
	m := &figures.ComplianceMap{Frame: f, Basemap: d.basemap(false), Stations: d.stations()}
	for r := range tw.Rows {
		code := tw.Str(r, "township_code")
		seat, _ := d.seat(code)
		tr := figures.TownshipResult{Name: tw.Str(r, "township"), NameEn: tw.Str(r, "township_en"), Seat: seat,
			Share: estimate(tw, r, "compliance"), Calls: tw.Float(r, "calls")}
		for _, t := range d.Study.Scenario.Townships {
			if t.Code == code {
				tr.Area = t.Geometry
			}
		}
		if math.IsNaN(tr.Share.Value) || math.IsInf(tr.Share.Value, 0) {
			tr.Share, tr.Calls = figures.Estimate{}, 0
		}
		m.Townships = append(m.Townships, tr)
	}
	return m
}

func (d *RunData) utilisationMap(f figures.Frame) figures.Drawer {
	units := d.Table("sim/units.csv")
	m := &figures.UtilisationMap{Frame: f, Basemap: d.basemap(false)}
	for _, s := range d.Study.Scenario.Facilities {
		if s.Ambulances == 0 {
			continue
		}
		sum, n := 0.0, 0
		for r := range units.Rows {
			if units.Str(r, "station_id") == s.ID {
				sum += units.Float(r, "utilisation")
				n++
			}
		}
		if n > 0 {
			m.Stations = append(m.Stations, figures.StationLoad{Station: figures.Station{P: s.Point, Name: s.Name,
				NameEn: s.NameEn, Units: s.Ambulances, FiveG: s.FiveG}, Utilisation: sum / float64(n)})
		}
	}
	return m
}

// estimate reads a share and its interval from columns col, col_lo, col_hi
// (the value itself when the interval is undefined).
func estimate(t *Table, r int, col string) figures.Estimate {
	v := t.Float(r, col)
	lo, hi := interval(t, r, col)
	if lo == 0 && hi == 0 {
		lo, hi = v, v
	}
	return figures.Estimate{Value: v, Lo: lo, Hi: hi}
}
