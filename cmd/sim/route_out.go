package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/emsplan/sim/geo"
	"github.com/paulmach/orb"
)

func writeRouteText(e *env, path string, roads *geo.Roads, g *geo.Graph, rep *geo.BuildReport, r *routeResult, offroadKmh, snapWarn float64) {
	w := e.stdout
	fmt.Fprintf(w, "Route          %s (%s, %s nodes)\n", path, rep.Mode, thousands(rep.Nodes))
	describe := func(label string, p orb.Point, s geo.Snap) {
		f := g.Feature(s.Edge)
		road := g.ClassName(g.Class(s.Edge))
		if name := roads.Tags(f).Name; name != "" {
			road += " " + strconvQuote(name)
		}
		fmt.Fprintf(w, "%-14s %.6f, %.6f -> road %s from it: %s (feature %d)\n", label, p[0], p[1], metres(s.Dist), road, f)
		if s.Dist > snapWarn {
			fmt.Fprintf(e.stderr, "warning: %s point %.6f,%.6f is %s from the nearest road (more than %s)\n", strings.ToLower(label), p[0], p[1], metres(s.Dist), metres(snapWarn))
		}
	}
	describe("From", r.from, r.sFrom)
	describe("To", r.to, r.sTo)
	if math.IsInf(r.route.Time, 1) {
		fmt.Fprintf(w, "Travel time    unreachable: no road path leads from the origin to the destination\n")
		return
	}
	fmt.Fprintf(w, "Travel time    %.1f min = %.1f min driving + %.1f min off-road at %g km/h\n",
		r.total()/60, r.route.Time/60, r.offroadSec/60, offroadKmh)
	fmt.Fprintf(w, "Distance       %.2f km on road + %.2f km off-road (straight line %.2f km)\n",
		r.route.Length/1000, (r.sFrom.Dist+r.sTo.Dist)/1000, geo.Haversine(r.from, r.to)/1000)
	if r.route.Time > 0 {
		fmt.Fprintf(w, "Mean speed     %.1f km/h on road\n", r.route.Length/r.route.Time*3.6)
	}
	classes := make([]geo.Class, 0, len(r.kmByClass))
	for c := range r.kmByClass {
		classes = append(classes, c)
	}
	sort.Slice(classes, func(i, j int) bool { return classes[i] < classes[j] })
	var parts []string
	for _, c := range classes {
		if km := r.kmByClass[c]; km >= 0.0005 {
			parts = append(parts, fmt.Sprintf("%s %.2f km", g.ClassName(c), km))
		}
	}
	fmt.Fprintf(w, "By class       %s\n", strings.Join(parts, ", "))
	if a := attribution(roads); a != "" {
		fmt.Fprintf(w, "%s\n", a)
	}
}

func metres(d float64) string {
	if d >= 1000 {
		return fmt.Sprintf("%.2f km", d/1000)
	}
	return fmt.Sprintf("%.0f m", d)
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

// geojson returns a writer of the route as a FeatureCollection: the road path,
// the off-road legs and the two query points. Coordinates have 7 decimals.
func (r *routeResult) geojson(g *geo.Graph, roads *geo.Roads) func(io.Writer) error {
	return func(w io.Writer) error {
		line := func(ls orb.LineString) string {
			parts := make([]string, len(ls))
			for i, p := range ls {
				parts[i] = fmt.Sprintf("[%.7f,%.7f]", p[0], p[1])
			}
			return "[" + strings.Join(parts, ",") + "]"
		}
		var feats []string
		if !math.IsInf(r.route.Time, 1) {
			feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"leg":"road","time_min":%.3f,"drive_min":%.3f,"offroad_min":%.3f,"road_km":%.3f},"geometry":{"type":"LineString","coordinates":%s}}`,
				r.total()/60, r.route.Time/60, r.offroadSec/60, r.route.Length/1000, line(r.route.Line)))
		}
		for _, leg := range []struct {
			name string
			ls   orb.LineString
			d    float64
		}{{"offroad_from", orb.LineString{r.from, r.sFrom.Point}, r.sFrom.Dist}, {"offroad_to", orb.LineString{r.sTo.Point, r.to}, r.sTo.Dist}} {
			if leg.d > 0 {
				feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"leg":%q,"km":%.3f},"geometry":{"type":"LineString","coordinates":%s}}`,
					leg.name, leg.d/1000, line(leg.ls)))
			}
		}
		for _, p := range []struct {
			name string
			p    orb.Point
			d    float64
		}{{"from", r.from, r.sFrom.Dist}, {"to", r.to, r.sTo.Dist}} {
			feats = append(feats, fmt.Sprintf(`{"type":"Feature","properties":{"point":%q,"snap_m":%.1f},"geometry":{"type":"Point","coordinates":[%.7f,%.7f]}}`,
				p.name, p.d, p.p[0], p.p[1]))
		}
		attr := ""
		if a := attribution(roads); a != "" {
			attr = fmt.Sprintf(`"attribution":%s,`, strconvQuote(a))
		}
		_, err := fmt.Fprintf(w, "{\"type\":\"FeatureCollection\",%s\"features\":[\n%s\n]}\n", attr, strings.Join(feats, ",\n"))
		return err
	}
}
