package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/geo/osm"
	"github.com/spf13/pflag"
)

// roadFlags are the network options shared by the commands that load roads.
type roadFlags struct {
	speeds      string
	walk        bool
	walkKmh     float64
	dropTrack   bool
	dropPrivate bool
	snapEnds    float64
	keepAll     bool
}

func (f *roadFlags) declare(fs *pflag.FlagSet) {
	fs.StringVar(&f.speeds, "speeds", "", "speed table overriding the class defaults: a file, or class=kmh,... inline\n(e.g. primary=50,track=0; 0 makes a class not drivable)")
	fs.BoolVar(&f.walk, "walk", false, "walking network: footways and paths included, motorways excluded, one-way ignored")
	fs.Float64Var(&f.walkKmh, "walk-kmh", 5, "walking speed, km/h (with --walk)")
	fs.BoolVar(&f.dropTrack, "drop-track", false, "leave out highway=track")
	fs.BoolVar(&f.dropPrivate, "drop-private", false, "leave out access=no and access=private")
	fs.Float64Var(&f.snapEnds, "snap-ends", 0, "join line ends within this many metres of another line\n(for GIS-drawn data without shared vertices)")
	fs.BoolVar(&f.keepAll, "keep-all-components", false, "keep every strongly connected component, not only the largest")
}

// options turns the flags into geo.Options.
func (f *roadFlags) options() (geo.Options, error) {
	o := geo.Options{DropTrack: f.dropTrack, DropPrivate: f.dropPrivate, SnapEnds: f.snapEnds,
		KeepAllComponents: f.keepAll, WalkKmh: f.walkKmh}
	if f.walk {
		o.Mode = geo.Walk
	}
	if f.speeds != "" {
		text, name, fromFile := f.speeds, "--speeds", false
		if b, err := os.ReadFile(f.speeds); err == nil {
			text, name, fromFile = string(b), f.speeds, true
		} else if !strings.ContainsAny(f.speeds, "=:") {
			return o, err // a file that cannot be read: an input error
		}
		sp, err := geo.ParseSpeeds(text)
		if err != nil && !fromFile {
			return o, usagef("%s: %v", name, err)
		}
		if err != nil {
			return o, fmt.Errorf("%s: %v", name, err)
		}
		o.Speeds = sp
	}
	return o, nil
}

// load reads the road file and builds its graph.
func (f *roadFlags) load(path string) (*geo.Roads, *geo.Graph, *geo.BuildReport, error) {
	opts, err := f.options()
	if err != nil {
		return nil, nil, nil, err
	}
	roads, err := osm.LoadRoads(path)
	if err != nil {
		return nil, nil, nil, err
	}
	g, rep, err := geo.Build(roads, opts)
	if errors.Is(err, geo.ErrOptions) {
		return nil, nil, rep, usagef("%v", err) // a flag value out of range
	}
	if err != nil {
		return nil, nil, rep, fmt.Errorf("%s: %w", path, err)
	}
	return roads, g, rep, nil
}

// attribution returns the OSM notice for OSM-derived data (features with @id).
func attribution(roads *geo.Roads) string {
	if roads.Stats().WithOSMID > 0 {
		return "Road data © OpenStreetMap contributors (ODbL 1.0)"
	}
	return ""
}
