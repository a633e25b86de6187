package geo

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/paulmach/orb"
)

// Trip is a drive between two points anywhere: the off-road leg from the
// origin to the nearest point on its nearest road, the quickest road route,
// and the off-road leg from the road to the destination.
type Trip struct {
	From, To         orb.Point
	SnapFrom, SnapTo Snap
	Route            Route             // the road part (Time +Inf if unreachable)
	OffroadSec       float64           // both off-road legs, seconds
	KmByClass        map[Class]float64 // road km driven by class (partial end edges included)
}

// Trip finds the quickest trip from one point to another on g, with the
// off-road legs at offroadKmh km/h. A destination the roads cannot reach
// gives Route.Time +Inf and no KmByClass; never an error. g must have at
// least one edge.
func (g *Graph) Trip(from, to orb.Point, offroadKmh float64) Trip {
	t := Trip{From: from, To: to, KmByClass: map[Class]float64{}}
	t.SnapFrom, _ = g.Snap(from)
	t.SnapTo, _ = g.Snap(to)
	t.Route = NewSearch(g).Route(t.SnapFrom, t.SnapTo)
	t.OffroadSec = OffroadSeconds(t.SnapFrom.Dist, offroadKmh) + OffroadSeconds(t.SnapTo.Dist, offroadKmh)
	if math.IsInf(t.Route.Time, 1) {
		return t
	}
	// Road length by class: the partial edges at both ends plus the whole edges.
	t.KmByClass[g.Class(t.SnapFrom.Edge)] += t.Route.Start / 1000
	t.KmByClass[g.Class(t.SnapTo.Edge)] += t.Route.End / 1000
	for _, e := range t.Route.Edges {
		t.KmByClass[g.Class(e)] += g.Length(e) / 1000
	}
	return t
}

// Time is the whole trip in seconds: road and off-road legs.
func (t *Trip) Time() float64 { return t.Route.Time + t.OffroadSec }

// WriteGeoJSON writes the trip as a FeatureCollection (WGS-84, 7 decimals):
// the road path (leg "road", with time_min, drive_min, offroad_min,
// road_km) unless unreachable, the off-road legs (offroad_from, offroad_to,
// with km) that are longer than 0, and the two query points (point from/to,
// with snap_m). attribution, when not empty, is written as a top-level
// member (e.g. the ODbL line of OpenStreetMap data).
func (t *Trip) WriteGeoJSON(w io.Writer, attribution string) error {
	line := func(ls orb.LineString) string {
		parts := make([]string, len(ls))
		for i, p := range ls {
			parts[i] = fmt.Sprintf("[%.7f,%.7f]", p[0], p[1])
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	var feats []string
	if !math.IsInf(t.Route.Time, 1) {
		feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"leg":"road","time_min":%.3f,"drive_min":%.3f,"offroad_min":%.3f,"road_km":%.3f},"geometry":{"type":"LineString","coordinates":%s}}`,
			t.Time()/60, t.Route.Time/60, t.OffroadSec/60, t.Route.Length/1000, line(t.Route.Line)))
	}
	for _, leg := range []struct {
		name string
		ls   orb.LineString
		d    float64
	}{{"offroad_from", orb.LineString{t.From, t.SnapFrom.Point}, t.SnapFrom.Dist}, {"offroad_to", orb.LineString{t.SnapTo.Point, t.To}, t.SnapTo.Dist}} {
		if leg.d > 0 {
			feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"leg":%q,"km":%.3f},"geometry":{"type":"LineString","coordinates":%s}}`,
				leg.name, leg.d/1000, line(leg.ls)))
		}
	}
	for _, p := range []struct {
		name string
		p    orb.Point
		d    float64
	}{{"from", t.From, t.SnapFrom.Dist}, {"to", t.To, t.SnapTo.Dist}} {
		feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"point":%q,"snap_m":%.1f},"geometry":{"type":"Point","coordinates":[%.7f,%.7f]}}`,
			p.name, p.d, p.p[0], p.p[1]))
	}
	attr := ""
	if attribution != "" {
		b, _ := json.Marshal(attribution)
		attr = fmt.Sprintf(`"attribution":%s,`, b)
	}
	_, err := fmt.Fprintf(w, "{\"type\":\"FeatureCollection\",%s\"features\":[\n%s\n]}\n", attr, strings.Join(feats, ",\n"))
	return err
}
