package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "route",
		args:  "ROADS.geojson --from LON,LAT --to LON,LAT [flags]",
		short: "shortest drive between two points: time, distance, snap distances",
		long: `Snaps both points to the nearest point on the nearest road, finds the quickest drive
(normal speeds, one-way rules respected) and prints the travel time in minutes, including the
off-road legs between each point and its road at --offroad-kmh, and the distance in km.
Coordinates are WGS-84 longitude,latitude. --geojson writes the path for a GIS.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var rf roadFlags
			from := fs.String("from", "", "origin as LON,LAT (WGS-84 degrees) (required)")
			to := fs.String("to", "", "destination as LON,LAT (required)")
			offroad := fs.Float64("offroad-kmh", 15, "speed of the off-road legs between a point and its road, km/h")
			snapWarn := fs.Float64("snap-warn", 1000, "warn when a point is farther than this from any road, metres")
			out := fs.String("geojson", "", "write the route to this GeoJSON file")
			rf.declare(fs)
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one road file, got %d arguments", len(args))
				}
				a, err := parseLonLat("--from", *from)
				if err != nil {
					return err
				}
				b, err := parseLonLat("--to", *to)
				if err != nil {
					return err
				}
				if !(*offroad > 0) || *offroad > 200 {
					return usagef("--offroad-kmh must be between 0 and 200, got %g", *offroad)
				}
				if _, err := rf.options(); err != nil {
					return err
				}
				roads, g, rep, err := rf.load(args[0])
				if err != nil {
					return err
				}
				trip := g.Trip(a, b, *offroad)
				writeRouteText(e, args[0], roads, g, rep, &trip, *offroad, *snapWarn)
				if *out != "" {
					write := func(w io.Writer) error { return trip.WriteGeoJSON(w, attribution(roads)) }
					if err := writeFileAtomic(*out, write); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Wrote          %s\n", *out)
				}
				return nil
			}
		},
	})
}

// parseLonLat parses "LON,LAT" in degrees.
func parseLonLat(flag, s string) (orb.Point, error) {
	if s == "" {
		return orb.Point{}, usagef("%s LON,LAT is required", flag)
	}
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return orb.Point{}, usagef("%s %q: want LON,LAT, e.g. 112.55,28.27", flag, s)
	}
	lon, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	lat, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	if err1 != nil || err2 != nil || math.IsNaN(lon) || math.IsNaN(lat) {
		return orb.Point{}, usagef("%s %q: want two numbers LON,LAT", flag, s)
	}
	if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return orb.Point{}, usagef("%s %q: longitude must be within -180..180 and latitude within -90..90", flag, s)
	}
	return orb.Point{lon, lat}, nil
}
