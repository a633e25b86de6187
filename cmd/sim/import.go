package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/emsplan/sim/geo/osm"
	"github.com/emsplan/sim/sim/report"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "import",
		args:  "osm FILE.osm.pbf --out DIR [flags]",
		short: "bring a county in from OpenStreetMap: roads, health facilities, places",
		long: `Reads an OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) in two streaming passes and writes
into DIR:
  roads.geojson          the ways sim can drive or walk on, with the tags sim reads
  facilities.csv         hospitals, clinics, doctors and health centres with a guessed tier
                         (tier_rule says why), ambulances 0, assumed true: correct it, then use it
                         as facilities.files in a scenario
  facilities_other.csv   other healthcare=* (pharmacies, dentists...), not used by default
  places.csv             place=city|town|village|hamlet with population where tagged
  townships.geojson      with --townships-admin-level: the administrative areas of that level
  import.json            what was read, kept and dropped; the file's SHA-256
--bbox or --boundary clip the extract; ways crossing the edge are kept to the first node
outside it, so border roads stay connected. A scenario can also name the .osm.pbf directly
as network.roads. Map data © OpenStreetMap contributors (ODbL 1.0).`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			out := fs.String("out", "", "folder to write (required)")
			bbox := fs.String("bbox", "", "clip to this box: W,S,E,N in degrees (WGS-84)")
			boundary := fs.String("boundary", "", "clip to the polygons of this GeoJSON file")
			level := fs.Int("townships-admin-level", 0, "also write townships.geojson: the administrative areas of this admin_level (e.g. 8 for 乡镇/街道 in much of China)")
			classes := fs.String("classes", strings.Join(osm.DefaultClasses, ","), "highway classes to keep, comma-separated")
			return func(e *env, args []string) error {
				if len(args) != 2 || args[0] != "osm" {
					return usagef("want: sim import osm FILE.osm.pbf --out DIR")
				}
				if *out == "" {
					return usagef("--out is required")
				}
				if !osm.IsOSM(args[1]) {
					return usagef("%s: want an .osm.pbf, .osm or .osm.bz2 file", args[1])
				}
				opts, clip, err := importOptions(*bbox, *boundary, *classes)
				if err != nil {
					return err
				}
				if *level < 0 || *level > 12 {
					return usagef("--townships-admin-level must be between 1 and 12 (0: none), got %d", *level)
				}
				opts.AdminLevel = *level
				ex, err := osm.Read(args[1], opts)
				if err != nil {
					return err
				}
				sum := ex.Summarize(args[1], clip)
				line, err := writeOut(*out, func(stg *report.Staging) error {
					for _, f := range []struct {
						name  string
						write func(io.Writer) error
					}{
						{"roads.geojson", ex.WriteRoads},
						{"facilities.csv", func(w io.Writer) error { return osm.WriteFacilities(w, ex.Facilities) }},
						{"facilities_other.csv", func(w io.Writer) error { return osm.WriteFacilities(w, ex.Other) }},
						{"places.csv", func(w io.Writer) error { return osm.WritePlaces(w, ex.Places) }},
						{"import.json", sum.WriteJSON},
					} {
						if f.name == "import.json" && *level > 0 {
							if err := stg.Write("townships.geojson", func(w io.Writer) error { return osm.WriteAreas(w, ex.Areas) }); err != nil {
								return err
							}
						}
						if err := stg.Write(f.name, f.write); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
				sum.WriteText(e.stdout)
				fmt.Fprintf(e.stdout, "\n%s\nNext: check the tiers and ambulances in facilities.csv, then `sim network %s/roads.geojson`.\n",
					line, strings.TrimSuffix(*out, "/"))
				return nil
			}
		},
	})
}

// importOptions turns the clip and class flags into reader options and the
// words import.json uses for the clip.
func importOptions(bbox, boundary, classes string) (osm.Options, string, error) {
	var o osm.Options
	clip := "none"
	if bbox != "" && boundary != "" {
		return o, "", usagef("give --bbox or --boundary, not both")
	}
	if bbox != "" {
		b, err := osm.ParseBBox(bbox)
		if err != nil {
			return o, "", usagef("--bbox: %v", err)
		}
		o.Bound, clip = &b, "bbox "+bbox
	}
	if boundary != "" {
		mp, err := osm.ReadBoundary(boundary)
		if err != nil {
			return o, "", err
		}
		o.Boundary, clip = mp, "boundary "+boundary
	}
	for _, c := range strings.Split(classes, ",") {
		if c = strings.TrimSpace(c); c != "" {
			o.Classes = append(o.Classes, c)
		}
	}
	if len(o.Classes) == 0 {
		return o, "", usagef("--classes: name at least one highway class")
	}
	return o, clip, nil
}
