package model

import (
	"math"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

// Study is a scenario placed on its road network: demand points and
// facilities snapped to the roads, ready for coverage, simulation and
// optimisation.
type Study struct {
	Scenario *scenario.Scenario
	Net      *Network

	Demand         []Place // on the driving graph, in scenario order
	Facilities     []Place // on the driving graph, in scenario order
	DemandWalk     []Place // on the walking graph; nil when nobody walks
	FacilitiesWalk []Place

	// Problems holds what the network checks found (points far from any
	// road, stations that cannot reach the demand), each naming the input
	// file and row, as the scenario loader does.
	Problems *scenario.Problems
}

// Build places scenario s on a network: net, when not nil and built from the
// same roads (e.g. a variant of the same study), or a new one. The error, if
// any, is a *scenario.Problems (bad placement) or the network's error.
func Build(s *scenario.Scenario, net *Network) (*Study, error) {
	var err error
	if net == nil {
		if net, err = NewNetwork(s); err != nil {
			return nil, err
		}
	} else if net, err = net.WithEmergencyFactor(s, s.Network.EmergencyFactor); err != nil {
		return nil, err
	}
	st := &Study{Scenario: s, Net: net, Problems: &scenario.Problems{}}
	demand := make([]orb.Point, len(s.Demand.Points))
	for i := range s.Demand.Points {
		demand[i] = s.Demand.Points[i].Point
	}
	sites := make([]orb.Point, len(s.Facilities))
	for i := range s.Facilities {
		sites[i] = s.Facilities[i].Point
	}
	st.Demand = placeAll(net.Drive, demand, s.Network.OffroadKmh)
	st.Facilities = placeAll(net.Drive, sites, s.Network.OffroadKmh)
	if net.Walk != nil {
		st.DemandWalk = placeAll(net.Walk, demand, s.HealthCircle.WalkKmh)
		st.FacilitiesWalk = placeAll(net.Walk, sites, s.HealthCircle.WalkKmh)
	}
	st.checkSnaps()
	st.checkReach()
	if err := st.Problems.Err(); err != nil {
		return st, err
	}
	return st, nil
}

// checkSnaps warns about points far from any road and rejects those beyond
// the maximum snapping distance.
func (st *Study) checkSnaps() {
	nw := &st.Scenario.Network
	check := func(pos scenario.Pos, what string, pl *Place) {
		d := pl.SnapM()
		switch {
		case d > nw.SnapMaxM:
			st.Problems.Errorf(pos, "lon/lat", "%s is %s from the nearest road (more than snap_max_m = %.0f m): wrong coordinates or coordinate system (crs)?", what, metres(d), nw.SnapMaxM)
		case d > nw.SnapWarnM:
			st.Problems.Warnf(pos, "lon/lat", "%s is %s from the nearest road (snap_warn_m = %.0f m): its times include an off-road leg at %g km/h", what, metres(d), nw.SnapWarnM, nw.OffroadKmh)
		}
	}
	s := st.Scenario
	for i := range st.Facilities {
		f := &s.Facilities[i]
		check(f.Pos, "facility "+f.ID+" ("+f.Name+")", &st.Facilities[i])
	}
	for i := range st.Demand {
		p := &s.Demand.Points[i]
		check(p.Pos, "demand point "+p.ID, &st.Demand[i])
	}
}

func metres(d float64) string {
	if math.IsInf(d, 1) {
		return "infinitely far (no road)"
	}
	if d >= 10000 {
		return fmtFloat(d/1000, 0) + " km"
	}
	return fmtFloat(d, 0) + " m"
}

// checkReach rejects an ambulance base or receiving hospital that cannot
// reach, or be reached from, most of the demand: a station on a piece of
// network cut off from the rest (possible with keep_all_components).
func (st *Study) checkReach() {
	s := st.Scenario
	g := st.Net.Emergency[s.Network.StaticBand]
	total := 0.0
	for _, p := range s.Demand.Points {
		total += p.Population
	}
	if total <= 0 || !s.Network.KeepAllComponents {
		return // the graph is one strongly connected component: all reach all
	}
	srch := geo.NewSearch(g)
	for i := range s.Facilities {
		f := &s.Facilities[i]
		if f.Ambulances == 0 && !f.Receives || !st.Facilities[i].OK {
			continue
		}
		srch.Run(departures(g, &st.Facilities[i], 0, 0), geo.Query{})
		reached := 0.0
		for j := range st.Demand {
			if !math.IsInf(arriveTime(g, &st.Demand[j], srch.Time), 1) {
				reached += s.Demand.Points[j].Population
			}
		}
		if reached < total/2 {
			st.Problems.Errorf(f.Pos, "lon/lat", "facility %s (%s) lies on a piece of road network that reaches only %.0f%% of the residents: move it or join that road to the rest", f.ID, f.Name, 100*reached/total)
		}
	}
}

// StaticStart returns the seconds the static clock counts before the drive:
// the medians of the dispatch delay and the turnout (DESIGN: static response
// uses the same clock as the simulation).
func (st *Study) StaticStart() float64 {
	sim := &st.Scenario.Simulation
	return 60 * (Median(sim.DispatchDelay) + Median(sim.Turnout))
}
