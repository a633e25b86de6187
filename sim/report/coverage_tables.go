package report

import (
	"io"
	"math"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func pointsTable(st *model.Study, r *coverage.Result) *Table {
	s := st.Scenario
	t := &Table{Header: []string{"id", "name", "name_en", "village_code", "village", "village_en", "township_code", "township",
		"class", "lon", "lat", "population", "snap_m", "station_id", "station", "response_min", "target_min",
		"within_target", "health_mode", "health_facility_id", "health_facility", "health_min", "within_health_circle"}}
	for _, c := range r.Cuts {
		t.Header = append(t.Header, string(c.Tier)+"_or_better_min")
	}
	for i, p := range r.Points {
		d := &s.Demand.Points[i]
		sid, sname := facilityID(s, p.Station)
		hid, hname := facilityID(s, p.HealthFacility)
		row := []any{d.ID, d.Name, d.NameEn, d.VillageCode, d.Village, d.VillageEn, d.TownshipCode, d.Township, d.Class,
			N(d.Point[0], 7), N(d.Point[1], 7), N(d.Population, 0), N(st.Demand[i].SnapM(), 1), sid, sname,
			Minutes(p.Response), Minutes(p.Target), p.Within, p.HealthMode, hid, hname, Minutes(p.Health), p.HealthWithin}
		for _, c := range p.CutTime {
			row = append(row, Minutes(c))
		}
		t.Add(row...)
	}
	return t
}

func villagesTable(st *model.Study, r *coverage.Result) *Table {
	s := st.Scenario
	t := &Table{Header: []string{"village_code", "village", "village_en", "township_code", "township", "class",
		"population", "outside_target", "share_within_target", "mean_response_min", "max_response_min", "target_min",
		"station_id", "station", "health_facility_id", "health_facility", "mean_health_min", "within_health_circle", "lon", "lat"}}
	for _, v := range r.Villages {
		sid, sname := facilityID(s, v.Station)
		hid, hname := facilityID(s, v.HealthFacility)
		t.Add(v.Code, v.Name, v.NameEn, v.TownshipCode, v.Township, v.Class, N(v.Population, 0), N(v.Outside(), 0),
			Share(v.Covered/v.Population), Minutes(v.MeanTime), Minutes(v.MaxTime), Minutes(v.Target), sid, sname, hid, hname,
			Minutes(v.MeanHealth), N(v.Healthy, 0), N(v.Point[0], 7), N(v.Point[1], 7))
	}
	return t
}

func townshipsTable(r *coverage.Result) *Table {
	t := &Table{Header: []string{"township_code", "township", "township_en", "points", "population", "within_target",
		"share_within_target", "mean_response_min", "p90_response_min", "max_response_min", "unreached",
		"within_health_circle", "share_health_circle"}}
	for _, g := range r.Townships {
		t.Add(g.Key, g.Name, g.NameEn, g.Points, N(g.Population, 0), N(g.Covered, 0), Share(g.Share()), Minutes(g.MeanTime),
			Minutes(g.P90Time), Minutes(g.MaxTime), N(g.Unreached, 0), N(g.Healthy, 0), Share(g.HealthShare()))
	}
	return t
}

// writePointsGeoJSON writes the demand points with their times, for QGIS.
// Properties hold rounded numbers (null when unreachable).
func writePointsGeoJSON(w io.Writer, st *model.Study, r *coverage.Result) error {
	s := st.Scenario
	fc := geojson.NewFeatureCollection()
	for i, p := range r.Points {
		d := &s.Demand.Points[i]
		f := geojson.NewFeature(orb.Point{round(d.Point[0], 7), round(d.Point[1], 7)})
		sid, _ := facilityID(s, p.Station)
		hid, _ := facilityID(s, p.HealthFacility)
		f.Properties = geojson.Properties{
			"id": d.ID, "name": d.Name, "name_en": d.NameEn, "village_code": d.VillageCode, "village": d.Village,
			"township_code": d.TownshipCode, "township": d.Township, "class": d.Class, "population": round(d.Population, 0),
			"station_id": sid, "response_min": jsonMin(p.Response), "target_min": jsonMin(p.Target), "within_target": p.Within,
			"health_facility_id": hid, "health_mode": p.HealthMode, "health_min": jsonMin(p.Health), "within_health_circle": p.HealthWithin,
		}
		fc.Append(f)
	}
	fc.ExtraMembers = geojson.Properties{"source": Attribution(st, "")}
	b, err := fc.MarshalJSON()
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// jsonMin returns seconds as minutes rounded to 2 decimals, or nil.
func jsonMin(sec float64) any {
	if math.IsInf(sec, 0) || math.IsNaN(sec) {
		return nil
	}
	return round(sec/60, 2)
}

func round(x float64, prec int) float64 {
	p := math.Pow(10, float64(prec))
	return math.Round(x*p) / p
}
