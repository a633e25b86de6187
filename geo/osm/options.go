package osm

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Attribution is the notice that must accompany OSM-derived data.
const Attribution = "© OpenStreetMap contributors (ODbL 1.0, https://www.openstreetmap.org/copyright)"

// ErrInput is wrapped by every error about the content of an input file.
var ErrInput = errors.New("osm: bad input")

// DefaultClasses are the highway values kept by default: every class sim
// drives on (package geo's default speed table, and their *_link roads) and
// the footways and paths the walking graph of the 15-minute circle uses.
var DefaultClasses = []string{
	"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
	"secondary_link", "tertiary", "tertiary_link", "unclassified", "residential", "living_street",
	"service", "track", "road", "footway", "path", "pedestrian", "steps", "cycleway", "bridleway",
}

// Options say what to keep. The zero value keeps [DefaultClasses] and the
// whole file.
type Options struct {
	// Classes are the highway values to keep; nil means DefaultClasses.
	Classes []string
	// Bound, when not nil, clips to a longitude/latitude box.
	Bound *orb.Bound
	// Boundary, when not empty, clips to a (multi)polygon (WGS-84).
	Boundary orb.MultiPolygon
	// Procs is the number of goroutines decoding PBF blocks; 0 means 2.
	Procs int
	// RoadsOnly skips facilities, places and areas (for loading a network).
	RoadsOnly bool
	// AdminLevel, when > 0, also assembles the administrative areas
	// (boundary=administrative) of this admin_level, e.g. townships.
	AdminLevel int
}

func (o *Options) classSet() map[string]bool {
	cl := o.Classes
	if cl == nil {
		cl = DefaultClasses
	}
	m := make(map[string]bool, len(cl))
	for _, c := range cl {
		m[c] = true
	}
	return m
}

// inside reports whether p lies in the clip area (everywhere without one).
func (o *Options) inside(p orb.Point) bool {
	if o.Bound != nil && !o.Bound.Contains(p) {
		return false
	}
	if len(o.Boundary) > 0 && !planar.MultiPolygonContains(o.Boundary, p) {
		return false
	}
	return true
}

func (o *Options) clipped() bool { return o.Bound != nil || len(o.Boundary) > 0 }

// ParseBBox reads "W,S,E,N" (degrees) as written on a command line.
func ParseBBox(s string) (orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return orb.Bound{}, fmt.Errorf("want W,S,E,N (four numbers separated by commas), got %q", s)
	}
	var v [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return orb.Bound{}, fmt.Errorf("%q is not a number", p)
		}
		v[i] = x
	}
	if v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 {
		return orb.Bound{}, fmt.Errorf("%q: longitudes must lie in -180..180 and latitudes in -90..90", s)
	}
	if v[0] >= v[2] || v[1] >= v[3] {
		return orb.Bound{}, fmt.Errorf("%q: west must be less than east and south less than north", s)
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}, nil
}
