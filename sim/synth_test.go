package sim_test

import (
	"math/rand/v2"
	"testing"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/dist"
)

// synth is a synthetic county on a side x side grid (edges 60-180 s, about
// 1.7 km each): `units` ambulances spread over stations, 7 receiving
// hospitals, every node a demand point (one village) with a random
// population summing to about 1.26 million, an urban core, 29 townships in
// blocks, and Ningxiang-like rates and durations (docs/simulation.md).
type synth struct {
	grid  *sim.Grid
	model *sim.Model
}

func newSynth(tb testing.TB, side, units int, fiveG bool, days float64) synth {
	g := sim.NewGrid(side, side, 60, 180, 42)
	r := rand.New(rand.NewPCG(7, 11))
	n := g.Len()
	m := &sim.Model{
		Classes:    []string{"urban", "rural"},
		Targets:    [][]float64{{600, 600, 1200}, {1800, 1800, 2400}},
		Priorities: []sim.Priority{{Name: "P1", Share: 0.25}, {Name: "P2", Share: 0.5}, {Name: "P3", Share: 0.25}},
		Conditions: []sim.Condition{
			{Name: "chest_pain", Share: 0.08, Needs: 1 << 0, Conveyance: 0.95, Target: 7200},
			{Name: "stroke", Share: 0.07, Needs: 1 << 1, Conveyance: 0.95, Target: 3600},
			{Name: "trauma", Share: 0.20, Needs: 1 << 2, Conveyance: 0.8},
			{Name: "maternal", Share: 0.04, Needs: 1 << 3, Conveyance: 0.9},
			{Name: "neonatal", Share: 0.01, Needs: 1 << 4, Conveyance: 0.9},
			{Name: "other", Share: 0.60, Conveyance: 0.75},
		},
		Durations: sim.Durations{
			DispatchDelay: must(dist.LogNormalP90(1.5, 3)).Scaled(60),
			Turnout:       must(dist.LogNormalP90(1, 2)).Scaled(60),
			OnScene:       must(dist.LogNormalP90(15, 30)).Scaled(60),
			Handover:      must(dist.LogNormalP90(15, 30)).Scaled(60),
		},
		CallsPer1000PerYear: 25,
		Hourly: []float64{0.5, 0.4, 0.35, 0.3, 0.3, 0.4, 0.6, 0.9, 1.2, 1.3, 1.3, 1.25,
			1.2, 1.2, 1.25, 1.3, 1.3, 1.3, 1.35, 1.3, 1.2, 1.0, 0.8, 0.6},
		Warmup:  86400,
		Horizon: days * 86400,
		FiveG:   sim.FiveG{AVL: true, HandoverFactor: 0.7},
	}
	for i := 0; i < 29; i++ {
		m.Townships = append(m.Townships, "T")
	}
	c := side / 2
	for i := 0; i < n; i++ {
		x, y := i%side, i/side
		class := int32(1)
		if abs(x-c) <= side/8 && abs(y-c) <= side/8 {
			class = 0
		}
		w := 300 + 2200*r.Float64()
		if class == 0 {
			w *= 8
		}
		town := int32((x*6/side)*5+(y*5/side)) % 29
		m.Points = append(m.Points, sim.DemandPoint{Loc: sim.LocID(i), Weight: w, Class: class, Township: town})
	}
	var total float64
	for _, p := range m.Points {
		total += p.Weight
	}
	for i := range m.Points {
		m.Points[i].Weight *= 1.26e6 / total
	}
	hosp := []int{c*side + c, c*side + c + 2, 3*side + 3, 3*side + side - 4, (side-4)*side + 3, (side-4)*side + side - 4, c}
	for i, h := range hosp {
		caps := sim.Capability(1<<2 | 1<<3)
		if i < 2 {
			caps = 1<<5 - 1
		}
		m.Hospitals = append(m.Hospitals, sim.Hospital{Name: "H", Loc: sim.LocID(h), Caps: caps, Receives: true})
	}
	stations := append([]int(nil), hosp...)
	for len(stations) < 29 {
		stations = append(stations, r.IntN(n))
	}
	for i := 0; i < units; i++ {
		s := i % len(stations)
		m.Units = append(m.Units, sim.Unit{Name: "U", Base: sim.LocID(stations[s]), Station: -1, FiveG: fiveG})
	}
	return synth{grid: g, model: m}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
