package model

import (
	"sync"
	"testing"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/scenario"
)

var (
	nxOnce   sync.Once
	nxEngine *Engine
	nxErr    error
)

// ningxiang builds the shipped scenario's engine once per test binary.
func ningxiang(b testing.TB) *Engine {
	nxOnce.Do(func() {
		s, _, err := scenario.Load("../../scenarios/ningxiang.yaml")
		if err != nil {
			nxErr = err
			return
		}
		st, err := Build(s, nil)
		if err != nil {
			nxErr = err
			return
		}
		nxEngine, nxErr = st.Engine()
	})
	if nxErr != nil {
		b.Fatal(nxErr)
	}
	return nxEngine
}

// benchYear simulates one year of the Ningxiang scenario per iteration on
// one core and reports simulated calls per second.
func benchYear(b *testing.B, avl bool) {
	e := ningxiang(b)
	m := *e.Model
	m.FiveG.AVL = avl
	b.ReportAllocs()
	b.ResetTimer()
	calls := 0
	for i := 0; i < b.N; i++ {
		res, err := sim.Run(&m, e.Travel, sim.Config{Replications: 1, Seed: uint64(i + 1), Workers: 1})
		if err != nil {
			b.Fatal(err)
		}
		calls += res.Reps[0].Calls + res.Reps[0].WarmupCalls
	}
	b.ReportMetric(float64(calls)/b.Elapsed().Seconds(), "calls/s")
}

func BenchmarkNingxiangYearAVLOff(b *testing.B) { benchYear(b, false) }
func BenchmarkNingxiangYearAVLOn(b *testing.B)  { benchYear(b, true) }

// BenchmarkNingxiang40Reps: 40 replications of a year, AVL off, all cores.
func BenchmarkNingxiang40Reps(b *testing.B) {
	e := ningxiang(b)
	m := *e.Model
	m.FiveG.AVL = false
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := sim.Run(&m, e.Travel, sim.Config{Replications: 40, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNingxiangBuild: scenario load, network, snapping and the site
// tables (what every command does before computing).
func BenchmarkNingxiangBuild(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s, _, err := scenario.Load("../../scenarios/ningxiang.yaml")
		if err != nil {
			b.Fatal(err)
		}
		st, err := Build(s, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.Engine(); err != nil {
			b.Fatal(err)
		}
	}
}
