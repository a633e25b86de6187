package sim_test

import (
	"testing"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/dist"
)

// must unwraps a distribution constructor in test set-up (bad parameters there
// are a bug in the test).
func must(s dist.Spec, err error) dist.Spec {
	if err != nil {
		panic(err)
	}
	return s
}

// mmcModel is the M/M/c queue: c units at location 0, zero travel, calls at
// rate lam (per second), on-scene time exponential with rate mu, every other
// duration zero and no conveyance, so a unit is busy exactly its on-scene time.
func mmcModel(t testing.TB, c int, lam, mu, calls float64) *sim.Model {
	zero := must(dist.Fixed(0))
	m := &sim.Model{
		Classes:    []string{"all"},
		Targets:    [][]float64{{600}},
		Priorities: []sim.Priority{{Name: "P1", Share: 1}},
		Conditions: []sim.Condition{{Name: "other", Share: 1}},
		Points:     []sim.DemandPoint{{Loc: 0, Weight: 1000, Township: -1}},
		Durations: sim.Durations{DispatchDelay: zero, Turnout: zero, Handover: zero,
			OnScene: must(dist.Exponential(1 / mu))},
		CallsPer1000PerYear: lam * 365 * 86400,
		Horizon:             calls / lam,
		Warmup:              200 / mu,
	}
	for i := 0; i < c; i++ {
		m.Units = append(m.Units, sim.Unit{Base: 0, Station: -1})
	}
	return m
}

// zeroTravel is one location with no driving.
func zeroTravel(t testing.TB) *sim.Matrix {
	m, err := sim.NewMatrix(1, []float64{0})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// tiny3 is the 3x3 travel matrix of the hand-traced cases (seconds):
//
//	      0    1    2
//	0:    0  600  300     0: station A
//	1:  600    0  400     1: station B and hospital H
//	2:  300  400    0     2: village V
//
// It obeys the triangle inequality.
func tiny3(t testing.TB) *sim.Matrix {
	m, err := sim.NewMatrix(3, []float64{
		0, 600, 300,
		600, 0, 400,
		300, 400, 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// tinyModel: unit 0 at A (loc 0), unit 1 at B (loc 1), hospital H at loc 1;
// fixed durations: dispatch delay 60 s, turnout 60 s, on scene 600 s,
// handover 300 s; every patient conveyed; 5G handover factor 0.5.
func tinyModel(calls []sim.ReplayCall) *sim.Model {
	fixed := func(v float64) dist.Spec { return must(dist.Fixed(v)) }
	return &sim.Model{
		Units:      []sim.Unit{{Name: "A1", Base: 0, Station: -1}, {Name: "B1", Base: 1, Station: -1}},
		Hospitals:  []sim.Hospital{{Name: "H", Loc: 1, Receives: true}},
		Classes:    []string{"all"},
		Targets:    [][]float64{{600, 900}},
		Priorities: []sim.Priority{{Name: "P1", Share: 0.5}, {Name: "P2", Share: 0.5}},
		Conditions: []sim.Condition{{Name: "any", Share: 1, Conveyance: 1}},
		Durations: sim.Durations{DispatchDelay: fixed(60), Turnout: fixed(60),
			OnScene: fixed(600), Handover: fixed(300)},
		Horizon: 86400,
		FiveG:   sim.FiveG{AVL: true, HandoverFactor: 0.5},
		Replay:  calls,
	}
}

// runOne runs one replication and returns its call records.
func runOne(t testing.TB, m *sim.Model, tr sim.Travel) []sim.CallRecord {
	t.Helper()
	res, err := sim.Run(m, tr, sim.Config{Replications: 1, Seed: 1, KeepCalls: 1})
	if err != nil {
		t.Fatal(err)
	}
	return res.Calls[0]
}

// stamps lists a record's timestamps in life-cycle order.
func stamps(c sim.CallRecord) []float64 {
	return []float64{c.Received, c.Dispatched, c.EnRoute, c.OnScene, c.LeftScene, c.AtHospital, c.HandoverDone, c.Available}
}

func checkStamps(t *testing.T, name string, c sim.CallRecord, want []float64) {
	t.Helper()
	got := stamps(c)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: timestamps %v, want %v", name, got, want)
			return
		}
	}
}
