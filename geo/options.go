package geo

import (
	"fmt"
	"math"
)

// Mode is a travel profile.
type Mode uint8

const (
	// Drive uses drivable classes at their speeds, respecting one-way rules.
	Drive Mode = iota
	// Walk uses every class a pedestrian may use (footways, paths, steps...,
	// but not motorways), ignores one-way rules, at the constant WalkKmh.
	Walk
)

func (m Mode) String() string {
	if m == Walk {
		return "walk"
	}
	return "drive"
}

// Options controls [Build]. The zero value builds the driving graph with the
// default speed table, keeping only the largest strongly connected component.
type Options struct {
	Mode Mode
	// Speeds overrides the class defaults of [DefaultSpeeds] in km/h (Drive
	// only). A class not in the default table becomes drivable (e.g.
	// "road": 25); a speed of 0 makes a class not drivable. maxspeed and
	// speed_kmh on a feature still win over the class speed.
	Speeds map[string]float64
	// DropTrack leaves out highway=track.
	DropTrack bool
	// DropPrivate leaves out access=no and access=private.
	DropPrivate bool
	// SnapEnds joins a line end that shares no vertex with another line to
	// the nearest vertex, or else the nearest point of another line (which is
	// split there), within this many metres. 0 turns it off. For data drawn in
	// a GIS without shared vertices; OSM exports do not need it.
	SnapEnds float64
	// KeepAllComponents keeps every strongly connected component instead of
	// the largest one only.
	KeepAllComponents bool
	// WalkKmh is the walking speed in Walk mode (default 5 km/h).
	WalkKmh float64
}

func (o *Options) validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrOptions, fmt.Sprintf(format, a...))
	}
	if o.Mode != Drive && o.Mode != Walk {
		return bad("unknown mode %d", o.Mode)
	}
	for c, v := range o.Speeds {
		if math.IsNaN(v) || v < 0 || v > 300 {
			return bad("speed of class %q must be between 0 and 300 km/h, got %g", c, v)
		}
	}
	if math.IsNaN(o.SnapEnds) || o.SnapEnds < 0 || o.SnapEnds > 1000 {
		return bad("end snapping distance must be between 0 and 1000 m, got %g", o.SnapEnds)
	}
	if o.WalkKmh == 0 {
		o.WalkKmh = 5
	}
	if math.IsNaN(o.WalkKmh) || o.WalkKmh <= 0 || o.WalkKmh > 30 {
		return bad("walking speed must be between 0 and 30 km/h, got %g", o.WalkKmh)
	}
	return nil
}
