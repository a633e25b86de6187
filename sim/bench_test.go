package sim_test

import (
	"testing"

	"github.com/emsplan/sim/sim"
)

// benchYear simulates one replication of a year (plus a day of warm-up) of
// the synthetic 42-unit, 1,024-location county per iteration, on one worker,
// and reports simulated calls per second.
func benchYear(b *testing.B, fiveG bool) {
	s := newSynth(b, 32, 42, fiveG, 365)
	cfg := sim.Config{Replications: 1, Seed: 1, Workers: 1}
	b.ReportAllocs()
	b.ResetTimer()
	calls := 0
	for i := 0; i < b.N; i++ {
		cfg.Seed = uint64(i + 1)
		res, err := sim.Run(s.model, s.grid, cfg)
		if err != nil {
			b.Fatal(err)
		}
		calls += res.Reps[0].Calls
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "calls/s")
}

// BenchmarkYearAVLOff: conventional fleet, dispatch by table lookups.
func BenchmarkYearAVLOff(b *testing.B) { benchYear(b, false) }

// BenchmarkYearAVLOn: every unit 5G with AVL, returning units tracked on the grid.
func BenchmarkYearAVLOn(b *testing.B) { benchYear(b, true) }

// BenchmarkYear40Reps: 40 replications of a year with AVL off on all cores
// (the "under 5 s on 2 cores").
func BenchmarkYear40Reps(b *testing.B) {
	s := newSynth(b, 32, 42, false, 365)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := sim.Run(s.model, s.grid, sim.Config{Replications: 40, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMMC: the M/M/c queue of cmd/simbench (lam 8/h, mu 1/h, c 10,
// 200,000 calls) through the engine.
func BenchmarkMMC(b *testing.B) {
	mu := 1.0 / 3600
	m := mmcModel(b, 10, 8*mu, mu, 200000)
	b.ReportAllocs()
	b.ResetTimer()
	calls := 0
	for i := 0; i < b.N; i++ {
		res, err := sim.Run(m, zeroTravel(b), sim.Config{Replications: 1, Seed: uint64(i + 1), Workers: 1})
		if err != nil {
			b.Fatal(err)
		}
		calls += res.Reps[0].Calls
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "calls/s")
}
