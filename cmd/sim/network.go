package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/emsplan/sim/geo"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "network",
		args:  "ROADS.geojson [flags]",
		short: "check a road network: nodes, edges, km by class, components, speeds, warnings",
		long: `Reads a GeoJSON FeatureCollection of LineString/MultiLineString roads with OSM tags
(highway, maxspeed, oneway, junction, access; optional speed_kmh), builds the routable
graph exactly as the other commands do, and prints what it holds and what was dropped.
Default class speeds (km/h): motorway 100, trunk 80, primary 60, secondary 50, tertiary 40,
unclassified 30, residential 30, living_street 20, service 20, track 15; *_link as its base
class; maxspeed wins over the class, speed_kmh over both.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var rf roadFlags
			rf.declare(fs)
			asJSON := fs.Bool("json", false, "print the report as JSON")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one road file, got %d arguments", len(args))
				}
				if _, err := rf.options(); err != nil {
					return err
				}
				roads, g, rep, err := rf.load(args[0])
				if err != nil {
					return err
				}
				speeds, _ := rf.options()
				if *asJSON {
					return writeNetworkJSON(e.stdout, args[0], roads, g, rep)
				}
				writeNetworkText(e.stdout, args[0], roads, g, rep, speeds)
				return nil
			}
		},
	})
}

func writeNetworkText(w io.Writer, path string, roads *geo.Roads, g *geo.Graph, r *geo.BuildReport, opts geo.Options) {
	st := roads.Stats()
	fmt.Fprintf(w, "Road network   %s (%s)\n", path, r.Mode)
	fmt.Fprintf(w, "Features       %s read (%s LineString, %s MultiLineString), %s used\n",
		thousands(st.Features), thousands(st.LineStrings), thousands(st.MultiLineStrings), thousands(r.RoadFeatures))
	fmt.Fprintf(w, "Graph          %s nodes, %s directed edges, %.1f km of road\n", thousands(r.Nodes), thousands(r.Edges), r.Km)
	total := r.LargestComponentNodes + r.DroppedNodes
	fmt.Fprintf(w, "Components     %s strongly connected; ", thousands(r.Components))
	if r.DroppedComponents > 0 {
		fmt.Fprintf(w, "kept the largest (%s nodes, %.1f%%), dropped %s (%s nodes, %.1f km)\n",
			thousands(r.LargestComponentNodes), 100*float64(r.LargestComponentNodes)/float64(total),
			thousands(r.DroppedComponents), thousands(r.DroppedNodes), r.DroppedKm)
	} else {
		fmt.Fprintf(w, "all kept (largest: %s nodes)\n", thousands(r.LargestComponentNodes))
	}
	b := r.Bound
	wkm := geo.Haversine(b.Min, [2]float64{b.Max[0], b.Min[1]}) / 1000
	hkm := geo.Haversine(b.Min, [2]float64{b.Min[0], b.Max[1]}) / 1000
	fmt.Fprintf(w, "Bounding box   lon %.6f .. %.6f, lat %.6f .. %.6f (%.1f x %.1f km)\n", b.Min[0], b.Max[0], b.Min[1], b.Max[1], wkm, hkm)
	if r.Mode == "walk" {
		fmt.Fprintf(w, "Speeds         walking at %g km/h on every edge, one-way ignored\n", opts.WalkKmh)
	} else {
		fmt.Fprintf(w, "Speeds         features with maxspeed %s, class default %s, maxspeed not understood %s (class default used), speed_kmh %s\n",
			thousands(r.SpeedFromMaxspeed), thousands(r.SpeedDefault), thousands(r.SpeedUnparseable), thousands(r.SpeedFromProperty))
	}
	fmt.Fprintf(w, "\n%-16s %10s  %s\n", "class", "km", "class km/h")
	table := geo.DefaultSpeeds()
	for c, v := range opts.Speeds {
		table[c] = v
	}
	for _, c := range g.Classes() {
		km, ok := r.KmByClass[c]
		if !ok {
			continue
		}
		sp := fmt.Sprintf("%g", table[c])
		if r.Mode == "walk" {
			sp = fmt.Sprintf("%g", opts.WalkKmh)
		} else if _, ok := table[c]; !ok {
			sp = "speed_kmh"
		}
		fmt.Fprintf(w, "%-16s %10.1f  %s\n", c, km, sp)
	}
	fmt.Fprintf(w, "%-16s %10.1f\n", "total", r.Km)
	if len(r.DroppedClasses) > 0 || r.DroppedTrack+r.DroppedPrivate > 0 {
		var parts []string
		for _, c := range sortedKeys(r.DroppedClasses) {
			name := c
			if name == "" {
				name = "(none)"
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, r.DroppedClasses[c]))
		}
		if r.DroppedTrack > 0 {
			parts = append(parts, fmt.Sprintf("track %d (--drop-track)", r.DroppedTrack))
		}
		if r.DroppedPrivate > 0 {
			parts = append(parts, fmt.Sprintf("private %d (--drop-private)", r.DroppedPrivate))
		}
		fmt.Fprintf(w, "\nNot used (features): %s\n", strings.Join(parts, ", "))
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "\nWarnings\n")
		for _, s := range r.Warnings {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
	if a := attribution(roads); a != "" {
		fmt.Fprintf(w, "\n%s\n", a)
	}
}

// networkJSON is the --json form of the report (km rounded to metres).
type networkJSON struct {
	File string `json:"file"`
	*geo.BuildReport
	BBox        [4]float64 `json:"bbox"`
	Attribution string     `json:"attribution,omitempty"`
}

func writeNetworkJSON(w io.Writer, path string, roads *geo.Roads, g *geo.Graph, r *geo.BuildReport) error {
	rr := *r
	rr.KmByClass = map[string]float64{}
	for c, km := range r.KmByClass {
		rr.KmByClass[c] = round3(km)
	}
	rr.Km, rr.DroppedKm = round3(r.Km), round3(r.DroppedKm)
	if rr.Warnings == nil {
		rr.Warnings = []string{}
	}
	out := networkJSON{File: path, BuildReport: &rr, Attribution: attribution(roads),
		BBox: [4]float64{r.Bound.Min[0], r.Bound.Min[1], r.Bound.Max[0], r.Bound.Max[1]}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
