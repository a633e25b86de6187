package model

import (
	"fmt"
	"math"
	"strconv"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/dist"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

// Engine is a study in the simulation engine's terms: the sim.Model, the
// Travel it runs on, and the maps from engine indices back to the scenario.
type Engine struct {
	Study  *Study
	Model  *sim.Model
	Travel *Travel

	Sites            []int    // facility index of each static site (LocID 0..)
	StationFacility  []int    // facility index of each Model.Stations entry
	UnitFacility     []int    // facility index of each unit
	HospitalFacility []int    // facility index of each Model.Hospitals entry
	Capabilities     []string // capability of bit i of sim.Capability
}

// Engine builds the engine's model of the study: one unit per ambulance, a
// static site per ambulance base and receiving hospital, the demand points
// and, when the scenario replays calls, a location per replayed call.
func (st *Study) Engine() (*Engine, error) {
	s := st.Scenario
	e := &Engine{Study: st, Model: &sim.Model{}}
	m := e.Model
	e.Capabilities = capabilities(s)
	var base []bool
	for i, f := range s.Facilities {
		if f.Ambulances > 0 || f.Receives {
			e.Sites = append(e.Sites, i)
			base = append(base, f.Ambulances > 0)
		}
	}
	for k, fi := range e.Sites {
		f := &s.Facilities[fi]
		if f.Ambulances > 0 {
			station := int32(len(m.Stations))
			m.Stations = append(m.Stations, f.Name)
			e.StationFacility = append(e.StationFacility, fi)
			for u := 0; u < f.Ambulances; u++ {
				m.Units = append(m.Units, sim.Unit{Name: f.Name + "-" + strconv.Itoa(u+1), Base: sim.LocID(k),
					Station: station, FiveG: u < f.FiveG})
				e.UnitFacility = append(e.UnitFacility, fi)
			}
		}
		if f.Receives {
			m.Hospitals = append(m.Hospitals, sim.Hospital{Name: f.Name, Loc: sim.LocID(k), Caps: e.caps(f.Capabilities), Receives: true})
			e.HospitalFacility = append(e.HospitalFacility, fi)
		}
	}
	if len(m.Units) == 0 {
		return nil, fmt.Errorf("model: the scenario has no ambulances")
	}
	m.Classes = s.Targets.Classes
	class := map[string]int32{}
	for i, c := range m.Classes {
		class[c] = int32(i)
	}
	township := map[string]int32{}
	for i, t := range s.Townships {
		m.Townships = append(m.Townships, t.Name)
		township[t.Code] = int32(i)
	}
	for _, p := range s.Simulation.Priorities {
		m.Priorities = append(m.Priorities, sim.Priority{Name: p.Name, Share: p.Share})
	}
	m.Targets = make([][]float64, len(m.Classes))
	for c, name := range m.Classes {
		for _, p := range s.Simulation.Priorities {
			m.Targets[c] = append(m.Targets[c], 60*s.Targets.For(name, 0, p.Name))
		}
	}
	nSites := len(e.Sites)
	for i := range s.Demand.Points {
		p := &s.Demand.Points[i]
		dp := sim.DemandPoint{Loc: sim.LocID(nSites + i), Weight: p.Population, Class: class[p.Class], Township: township[p.TownshipCode]}
		if p.TargetMin > 0 {
			for _, pr := range s.Simulation.Priorities {
				dp.Targets = append(dp.Targets, 60*s.Targets.For(p.Class, p.TargetMin, pr.Name))
			}
		}
		m.Points = append(m.Points, dp)
	}
	for _, c := range s.Simulation.Conditions {
		m.Conditions = append(m.Conditions, sim.Condition{Name: c.Name, Share: c.Share, Needs: e.caps([]string{c.Needs}),
			Conveyance: c.Conveyance, Target: 60 * c.TargetMin})
	}
	if err := st.durations(m); err != nil {
		return nil, err
	}
	sm := &s.Simulation
	m.CallsPer1000PerYear, m.Growth = sm.CallsPer1000PerYear, s.Demand.Growth
	m.Hourly, m.Weekly = sm.Hourly[:], sm.Weekly[:]
	m.Warmup, m.Horizon, m.MaxWait = sm.WarmupDays*86400, sm.Days*86400, sm.MaxWaitMin*60
	m.FiveG = sim.FiveG{AVL: sm.AVL, HandoverFactor: sm.HandoverFactor}
	extra := st.replay(m, class, township, nSites)
	var err error
	if e.Travel, err = st.NewTravel(e.Sites, base, extra); err != nil {
		return nil, err
	}
	return e, m.Validate()
}

func (st *Study) durations(m *sim.Model) error {
	sm := &st.Scenario.Simulation
	for _, d := range []struct {
		dst  *dist.Spec
		src  scenario.Dist
		name string
	}{{&m.Durations.DispatchDelay, sm.DispatchDelay, "dispatch_delay"}, {&m.Durations.Turnout, sm.Turnout, "turnout"},
		{&m.Durations.OnScene, sm.OnScene, "on_scene"}, {&m.Durations.Handover, sm.Handover, "handover"}} {
		s, err := spec(d.src)
		if err != nil {
			return fmt.Errorf("simulation.durations.%s: %w", d.name, err)
		}
		*d.dst = s
	}
	return nil
}

// replay turns the scenario's historical calls into engine calls at places
// of their own, returned to be appended to the locations.
func (st *Study) replay(m *sim.Model, class, township map[string]int32, nSites int) []Place {
	s := st.Scenario
	if s.Simulation.Replay == "" {
		return nil
	}
	prio, cond := map[string]int32{}, map[string]int32{}
	for i, p := range s.Simulation.Priorities {
		prio[p.Name] = int32(i)
	}
	for i, c := range s.Simulation.Conditions {
		cond[c.Name] = int32(i)
	}
	extra := make([]Place, len(s.Simulation.ReplayCalls))
	m.Replay = make([]sim.ReplayCall, len(extra))
	for i, c := range s.Simulation.ReplayCalls {
		extra[i] = place(st.Net.Drive, c.Point, s.Network.OffroadKmh)
		cl, _ := s.Zones.ClassAt(c.Point)
		m.Replay[i] = sim.ReplayCall{Time: 60 * c.TimeMin, Loc: sim.LocID(nSites + len(s.Demand.Points) + i),
			Class: class[cl], Township: township[st.nearestTownship(c.Point)], Priority: prio[c.Priority], Condition: cond[c.Condition]}
	}
	return extra
}

// nearestTownship returns the township code of the demand point nearest to p.
func (st *Study) nearestTownship(p orb.Point) string {
	best, code := math.Inf(1), ""
	for _, d := range st.Scenario.Demand.Points {
		if x := geo.Haversine(p, d.Point); x < best {
			best, code = x, d.TownshipCode
		}
	}
	return code
}

// capabilities lists the scenario's capabilities: the standard ones, then
// any a condition adds, in order.
func capabilities(s *scenario.Scenario) []string {
	out := append([]string(nil), scenario.Capabilities...)
	for _, c := range s.Simulation.Conditions {
		if c.Needs != "" && !contains(out, c.Needs) {
			out = append(out, c.Needs)
		}
	}
	return out
}

func (e *Engine) caps(names []string) sim.Capability {
	var c sim.Capability
	for _, n := range names {
		for i, x := range e.Capabilities {
			if x == n {
				c |= 1 << i
			}
		}
	}
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
