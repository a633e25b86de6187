package main

import (
	"testing"

	"github.com/emsplan/sim/sim"
)

// BenchmarkMMCPath runs what `simbench mmc` times, once per iteration: the
// default queue (lam 8/h, mu 1/h, c 10, 200,000 calls with 10,000 of
// warm-up, seed 1) through sim.Run on one worker, and reports the calls
// simulated per second (warm-up included, as the command counts them).
func BenchmarkMMCPath(b *testing.B) {
	p := mmcParams{lam: 8, mu: 1, c: 10, calls: 200000, warmup: 10000, seed: 1}
	m, err := mmcModel(p)
	if err != nil {
		b.Fatal(err)
	}
	tr, err := sim.NewMatrix(1, []float64{0})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	calls := 0
	for b.Loop() {
		res, err := sim.Run(m, tr, sim.Config{Replications: 1, Seed: p.seed, Workers: 1})
		if err != nil {
			b.Fatal(err)
		}
		calls += res.Reps[0].Calls + res.Reps[0].WarmupCalls
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "calls/s")
}
