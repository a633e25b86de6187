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
			OnScene: must(dist.Exponential(1/mu))},
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
