package model

import (
	"math"
	"sort"
	"testing"

	"github.com/emsplan/sim/sim"
)

// Invariants of a run of the shipped scenario (AVL on, 5G fleet): every call
// is served or lost exactly once, its times are in order, and no unit is in
// two places at once (a unit is sent again only once it is free).
func TestNingxiangInvariants(t *testing.T) {
	e := ningxiang(t)
	m := *e.Model
	m.Horizon = 60 * 86400
	res, err := sim.Run(&m, e.Travel, sim.Config{Replications: 2, Seed: 3, KeepCalls: -1})
	if err != nil {
		t.Fatal(err)
	}
	for r, calls := range res.Calls {
		if len(calls) != res.Reps[r].Calls || len(calls) < 4000 {
			t.Fatalf("replication %d: %d call records for %d calls", r, len(calls), res.Reps[r].Calls)
		}
		ids := map[sim.CallID]bool{}
		type job struct{ from, to float64 }
		byUnit := map[sim.UnitID][]job{}
		for i := range calls {
			c := &calls[i]
			if ids[c.ID] {
				t.Fatalf("call %d recorded twice", c.ID)
			}
			ids[c.ID] = true
			if c.Lost == (c.Unit >= 0) {
				t.Fatalf("call %d: lost %v with unit %d", c.ID, c.Lost, c.Unit)
			}
			if c.Lost {
				continue
			}
			seq := []float64{c.Received, c.Dispatched, c.EnRoute, c.OnScene, c.LeftScene}
			if c.Conveyed {
				seq = append(seq, c.AtHospital, c.HandoverDone)
				if c.Hospital < 0 {
					t.Fatalf("call %d conveyed to no hospital", c.ID)
				}
			} else if !math.IsNaN(c.AtHospital) || c.Hospital >= 0 {
				t.Fatalf("call %d not conveyed but at hospital %d at %v", c.ID, c.Hospital, c.AtHospital)
			}
			seq = append(seq, c.Available)
			for k := 1; k < len(seq); k++ {
				if !(seq[k] >= seq[k-1]) {
					t.Fatalf("call %d: times out of order: %v", c.ID, seq)
				}
			}
			if math.Abs(c.Response-(c.OnScene-c.Received)) > 1e-6 {
				t.Fatalf("call %d: response %v != on scene - received", c.ID, c.Response)
			}
			byUnit[c.Unit] = append(byUnit[c.Unit], job{c.Dispatched, c.Available})
		}
		for u, jobs := range byUnit {
			sort.Slice(jobs, func(i, j int) bool { return jobs[i].from < jobs[j].from })
			for k := 1; k < len(jobs); k++ {
				if jobs[k].from < jobs[k-1].to {
					t.Fatalf("unit %d sent at %v while busy until %v", u, jobs[k].from, jobs[k-1].to)
				}
			}
		}
	}
}
