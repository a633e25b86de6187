package model

import (
	"fmt"
	"math"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/geo/crs"
	"github.com/emsplan/sim/geo/osm"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

// Network is a scenario's road network with every speed profile the study
// uses. All graphs share one topology, so a snap made on Drive is valid on
// every graph but Walk.
type Network struct {
	Roads       *geo.Roads
	Drive       *geo.Graph // speeds from the road data, no factors
	DriveReport *geo.BuildReport
	Walk        *geo.Graph // nil when no zone class walks to health facilities
	WalkReport  *geo.BuildReport

	// Urban marks the edges of Drive inside an urban zone, where
	// network.urban_factor applies.
	Urban []bool
	// Emergency holds, per time band, the graph at emergency speeds:
	// road speed x emergency_factor x urban_factor (urban edges) x band factor.
	Emergency []*geo.Graph
	// Normal is the graph at normal (non-emergency) speeds in the static
	// band, for the 15-minute circle's "drive" mode.
	Normal *geo.Graph

	emergencyFactor float64
}

// NewNetwork reads the roads and builds the graphs of scenario s. Errors name
// the roads file and, for bad features, the feature index and field.
func NewNetwork(s *scenario.Scenario) (*Network, error) {
	nw := &s.Network
	roads, err := osm.LoadRoads(nw.Roads)
	if err != nil {
		return nil, err
	}
	if nw.CRS != crs.WGS84 {
		if err := roads.Convert(func(p orb.Point) orb.Point {
			lon, lat := nw.CRS.ToWGS84(p[0], p[1])
			return orb.Point{lon, lat}
		}); err != nil {
			return nil, fmt.Errorf("%s: %w", nw.Roads, err)
		}
	}
	opts := geo.Options{DropTrack: nw.DropTrack, DropPrivate: nw.DropPrivate, SnapEnds: nw.SnapEndsM,
		KeepAllComponents: nw.KeepAllComponents}
	if len(nw.SpeedsKmh) > 0 {
		opts.Speeds = map[string]float64{}
		for _, cs := range nw.SpeedsKmh {
			opts.Speeds[cs.Class] = cs.Kmh
		}
	}
	n := &Network{Roads: roads}
	if n.Drive, n.DriveReport, err = geo.Build(roads, opts); err != nil {
		return nil, fmt.Errorf("%s: %w", nw.Roads, err)
	}
	if walks(s) {
		wopts := opts
		wopts.Mode, wopts.WalkKmh, wopts.Speeds = geo.Walk, s.HealthCircle.WalkKmh, nil
		if n.Walk, n.WalkReport, err = geo.Build(roads, wopts); err != nil {
			return nil, fmt.Errorf("%s (walking network): %w", nw.Roads, err)
		}
	}
	n.Urban = make([]bool, n.Drive.Edges())
	for e := range n.Urban {
		class, _ := s.Zones.ClassAt(n.Drive.Midpoint(geo.EdgeID(e)))
		n.Urban[e] = class == "urban"
	}
	if err := n.setSpeeds(s, nw.EmergencyFactor); err != nil {
		return nil, err
	}
	return n, nil
}

// walks reports whether some zone class reaches health facilities on foot.
func walks(s *scenario.Scenario) bool {
	for _, m := range s.HealthCircle.Mode {
		if m == "walk" {
			return true
		}
	}
	return false
}

// setSpeeds derives the emergency graphs of every band and the normal graph.
func (n *Network) setSpeeds(s *scenario.Scenario, emergency float64) error {
	nw := &s.Network
	n.emergencyFactor = emergency
	n.Emergency = make([]*geo.Graph, len(nw.Bands))
	var err error
	for b, band := range nw.Bands {
		if n.Emergency[b], err = n.scaled(emergency*band.Factor, nw.UrbanFactor); err != nil {
			return err
		}
	}
	n.Normal, err = n.scaled(nw.Bands[nw.StaticBand].Factor, nw.UrbanFactor)
	return err
}

// scaled returns Drive with every speed multiplied by factor, and urban edges
// also by urban.
func (n *Network) scaled(factor, urban float64) (*geo.Graph, error) {
	times := n.Drive.EdgeTimes()
	for e := range times {
		f := factor
		if n.Urban[e] {
			f *= urban
		}
		times[e] /= f
	}
	return n.Drive.WithTimes(times)
}

// WithEmergencyFactor returns a network sharing n's graphs but with another
// emergency speed factor (a variant's), or n itself when it is unchanged.
func (n *Network) WithEmergencyFactor(s *scenario.Scenario, f float64) (*Network, error) {
	if f == n.emergencyFactor {
		return n, nil
	}
	m := *n
	if err := m.setSpeeds(s, f); err != nil {
		return nil, err
	}
	return &m, nil
}

// maxSpeed returns the highest speed in m/s of any emergency graph and of
// the off-road legs, for straight-line lower bounds.
func (n *Network) maxSpeed(offroadKmh float64) float64 {
	v := offroadKmh / 3.6
	for _, g := range n.Emergency {
		v = math.Max(v, g.MaxSpeed())
	}
	return v
}
