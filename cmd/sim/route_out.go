package main

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/emsplan/sim/geo"
	"github.com/paulmach/orb"
)

func writeRouteText(e *env, path string, roads *geo.Roads, g *geo.Graph, rep *geo.BuildReport, r *geo.Trip, offroadKmh, snapWarn float64) {
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
	describe("From", r.From, r.SnapFrom)
	describe("To", r.To, r.SnapTo)
	if math.IsInf(r.Route.Time, 1) {
		fmt.Fprintf(w, "Travel time    unreachable: no road path leads from the origin to the destination\n")
		return
	}
	fmt.Fprintf(w, "Travel time    %.1f min = %.1f min driving + %.1f min off-road at %g km/h\n",
		r.Time()/60, r.Route.Time/60, r.OffroadSec/60, offroadKmh)
	fmt.Fprintf(w, "Distance       %.2f km on road + %.2f km off-road (straight line %.2f km)\n",
		r.Route.Length/1000, (r.SnapFrom.Dist+r.SnapTo.Dist)/1000, geo.Haversine(r.From, r.To)/1000)
	if r.Route.Time > 0 {
		fmt.Fprintf(w, "Mean speed     %.1f km/h on road\n", r.Route.Length/r.Route.Time*3.6)
	}
	classes := make([]geo.Class, 0, len(r.KmByClass))
	for c := range r.KmByClass {
		classes = append(classes, c)
	}
	sort.Slice(classes, func(i, j int) bool { return classes[i] < classes[j] })
	var parts []string
	for _, c := range classes {
		if km := r.KmByClass[c]; km >= 0.0005 {
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
