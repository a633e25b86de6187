package model

import (
	"math"

	"github.com/emsplan/sim/geo"
)

// Profile is a way of travelling on the study's network.
type Profile int

const (
	// Emergency is an ambulance on an emergency run in the static band
	// (the static clock of coverage and optimisation).
	Emergency Profile = iota
	// Drive is normal driving in the static band (the 15-minute circle).
	Drive
	// Walk is walking at the health circle's speed.
	Walk
)

// Graph returns the graph of profile p (nil for Walk when nobody walks).
func (st *Study) Graph(p Profile) *geo.Graph {
	switch p {
	case Drive:
		return st.Net.Normal
	case Walk:
		return st.Net.Walk
	}
	return st.Net.Emergency[st.Scenario.Network.StaticBand]
}

// FacilityPlaces returns the facilities placed on profile p's graph.
func (st *Study) FacilityPlaces(p Profile) []Place {
	if p == Walk {
		return st.FacilitiesWalk
	}
	return st.Facilities
}

// DemandPlaces returns the demand points placed on profile p's graph.
func (st *Study) DemandPlaces(p Profile) []Place {
	if p == Walk {
		return st.DemandWalk
	}
	return st.Demand
}

// Reach holds one multi-source search: the time from the nearest of several
// places (sources) to every node, starting start seconds after the clock
// begins at each source.
type Reach struct {
	g       *geo.Graph
	s       *geo.Search
	from    []Place
	start   float64
	bySegEd map[geo.EdgeID][]int32 // sources by the edge of their segment
	kmh     float64                // off-road speed of this profile
	direct  float64                // metres: sources this close are also reached straight across
}

// Reach runs a multi-source search on profile p's graph from the places
// from (source k is from[k]), each leaving after start seconds.
// O((V + E) log V).
func (st *Study) Reach(p Profile, from []Place, start float64) *Reach {
	g := st.Graph(p)
	r := &Reach{g: g, s: geo.NewSearch(g), from: from, start: start, bySegEd: map[geo.EdgeID][]int32{},
		kmh: st.offroadKmh(p), direct: st.Scenario.Network.SnapWarnM}
	var seeds []geo.Seed
	for k := range from {
		seeds = append(seeds, departures(g, &from[k], start, int32(k))...)
		if from[k].OK {
			r.bySegEd[from[k].Snap.Edge] = append(r.bySegEd[from[k].Snap.Edge], int32(k))
		}
	}
	r.s.Run(seeds, geo.Query{})
	return r
}

// To returns the time to reach pl from the nearest source and that source's
// index, or +Inf and -1 when no source reaches it.
func (r *Reach) To(pl *Place) (float64, int) {
	best, src := math.Inf(1), -1
	if !pl.OK {
		return best, src
	}
	for _, a := range r.g.Arrivals(pl.Snap, 0) {
		if t := r.s.Time(a.Node) + a.Time + pl.Offroad; t < best {
			best, src = t, int(r.s.Source(a.Node))
		}
	}
	for _, k := range r.bySegEd[pl.Snap.Edge] {
		if t := r.start + direct(r.g, &r.from[k], pl); t < best || t == best && int(k) < src {
			best, src = t, int(k)
		}
	}
	for k := range r.from {
		if t := r.start + across(&r.from[k], pl, r.kmh, r.direct); t < best || t == best && k < src {
			best, src = t, k
		}
	}
	return best, src
}

// offroadKmh returns the speed of off-road legs in profile p.
func (st *Study) offroadKmh(p Profile) float64 {
	if p == Walk {
		return st.Scenario.HealthCircle.WalkKmh
	}
	return st.Scenario.Network.OffroadKmh
}
