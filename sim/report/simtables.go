package report

import (
	"fmt"
	"math"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
)

// callsTable lists the calls of the first kept replication (all kept ones
// when all is true) with every timestamp (minutes since the start of the
// simulation, a Monday 00:00).
func callsTable(e *model.Engine, res *sim.Results, all bool) *Table {
	s := e.Study.Scenario
	m := e.Model
	t := &Table{Header: []string{"replication", "call", "day", "clock", "point_id", "village", "township", "class",
		"priority", "condition", "lon", "lat", "received_min", "dispatched_min", "en_route_min", "on_scene_min",
		"left_scene_min", "at_hospital_min", "handover_done_min", "available_min", "unit", "station_id", "five_g",
		"hospital_id", "conveyed", "queued", "lost", "capable_centre", "target_min", "wait_min", "response_min",
		"within_target", "treatment_min"}}
	for r, calls := range res.Calls {
		if r > 0 && !all {
			break
		}
		for i := range calls {
			c := &calls[i]
			pid, village := "", ""
			if c.Point >= 0 {
				d := &s.Demand.Points[c.Point]
				pid, village = d.ID, d.Village
			}
			township := ""
			if c.Township >= 0 {
				township = m.Townships[c.Township]
			}
			unit, station := "", ""
			if c.Unit >= 0 {
				unit = m.Units[c.Unit].Name
				station = s.Facilities[e.UnitFacility[c.Unit]].ID
			}
			hospital := ""
			if c.Hospital >= 0 {
				hospital = s.Facilities[e.HospitalFacility[c.Hospital]].ID
			}
			p := e.Travel.Point(c.Loc)
			day, clock := dayClock(c.Received)
			t.Add(int(c.Rep), int(c.ID), day, clock, pid, village, township, m.Classes[c.Class],
				m.Priorities[c.Priority].Name, m.Conditions[c.Condition].Name, N(p[0], 6), N(p[1], 6),
				Minutes(c.Received), Minutes(c.Dispatched), Minutes(c.EnRoute), Minutes(c.OnScene), Minutes(c.LeftScene),
				Minutes(c.AtHospital), Minutes(c.HandoverDone), Minutes(c.Available), unit, station, c.FiveG, hospital,
				c.Conveyed, c.Queued, c.Lost, c.Capable, Minutes(c.Target), Minutes(c.Wait), Minutes(c.Response), c.Met(),
				Minutes(c.Treatment))
		}
	}
	return t
}

// dayClock returns the day (1 = the first Monday) and the clock time of a
// simulation time in seconds.
func dayClock(sec float64) (int, string) {
	if math.IsNaN(sec) {
		return 0, ""
	}
	d := int(sec / 86400)
	r := int(sec) - 86400*d
	return d + 1, fmt.Sprintf("%02d:%02d:%02d", r/3600, r/60%60, r%60)
}

func unitsTable(e *model.Engine, res *sim.Results) *Table {
	s := e.Study.Scenario
	m := NewEstimates(res.Summary())
	t := &Table{Header: []string{"unit", "station_id", "station", "five_g", "vehicle", "lon", "lat",
		"utilisation", "utilisation_lo", "utilisation_hi", "calls", "calls_lo", "calls_hi"}}
	for u, unit := range e.Model.Units {
		f := &s.Facilities[e.UnitFacility[u]]
		ut, nc := est(m.Get(sim.FigUtilisation, "unit", u)), est(m.Get(sim.FigUnitCalls, "unit", u))
		t.Add(unit.Name, f.ID, f.Name, unit.FiveG, f.Vehicle, N(f.Point[0], 6), N(f.Point[1], 6),
			ut.Mean, ut.Lo, ut.Hi, nc.Mean, nc.Lo, nc.Hi)
	}
	return t
}

func simTownshipsTable(e *model.Engine, res *sim.Results, cov *coverage.Result) *Table {
	s := e.Study.Scenario
	m := NewEstimates(res.Summary())
	t := &Table{Header: []string{"township_code", "township", "township_en", "calls", "compliance", "compliance_lo",
		"compliance_hi", "response_mean_min", "response_median_min", "response_p90_min", "response_p90_lo",
		"response_p90_hi", "static_share_within_target"}}
	for i, tw := range s.Townships {
		calls := 0
		for _, r := range res.Reps {
			calls += r.ByTownship[i].N
		}
		c := est(m.Get(sim.FigCompliance, "township", i))
		p90 := est(m.Get(sim.FigResponseP90, "township", i))
		static := nan()
		if cov != nil {
			for _, g := range cov.Townships {
				if g.Key == tw.Code {
					static = g.Share()
				}
			}
		}
		t.Add(tw.Code, tw.Name, tw.NameEn, N(float64(calls)/float64(len(res.Reps)), 1), c.Mean, c.Lo, c.Hi,
			est(m.Get(sim.FigResponseMean, "township", i)).Mean, est(m.Get(sim.FigResponseMedian, "township", i)).Mean,
			p90.Mean, p90.Lo, p90.Hi, Share(static))
	}
	return t
}

func hospitalsTable(e *model.Engine, sum *SimSummary) *Table {
	t := &Table{Header: []string{"hospital_id", "hospital", "total"}}
	for _, c := range e.Model.Conditions {
		t.Header = append(t.Header, c.Name)
	}
	for _, h := range sum.Hospitals {
		row := []any{h.ID, h.Name, h.Total}
		for _, n := range h.ByCondition {
			row = append(row, n)
		}
		t.Add(row...)
	}
	return t
}
