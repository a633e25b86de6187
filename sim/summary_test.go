package sim_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/dist"
)

// TestSummariseCI: three replications with mean waits 10, 20, 30 s:
// mean 20, sd 10, t(0.975, 2) = 4.302652729911275, half-width 4.3027*10/sqrt(3) = 24.841.
func TestSummariseCI(t *testing.T) {
	reps := make([]sim.Replication, 3)
	for i := range reps {
		reps[i] = sim.Replication{Index: i, MeanWait: float64(10 * (i + 1)), Units: []sim.UnitStats{{}}}
	}
	for _, e := range sim.Summarise(reps) {
		if e.Key != sim.FigMeanWait {
			continue
		}
		half := 4.302652729911275 * 10 / math.Sqrt(3)
		if e.N != 3 || math.Abs(e.Mean-20) > 1e-12 || math.Abs(e.SD-10) > 1e-12 || math.Abs(e.Half-half) > 1e-9 || math.Abs(e.Lo-(20-half)) > 1e-9 {
			t.Errorf("estimate %+v, want mean 20 sd 10 half %g", e, half)
		}
		return
	}
	t.Fatal("no mean_wait estimate")
}

// TestCompareIdentical: two runs of the same model from the same seed
// differ by exactly zero on every figure, and nothing is significant.
func TestCompareIdentical(t *testing.T) {
	s := newSynth(t, 12, 6, true, 10)
	cfg := sim.Config{Replications: 3, Seed: 2}
	a, err := sim.Run(s.model, s.grid, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sim.Run(s.model, s.grid, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := sim.Compare(a.Reps, b.Reps)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) < 50 {
		t.Fatalf("only %d figures compared", len(ds))
	}
	for _, d := range ds {
		if d.N > 0 && (d.Mean != 0 || d.Significant || d.Base != d.Variant) {
			t.Errorf("%+v: want a zero difference", d)
		}
	}
	if _, err := sim.Compare(a.Reps, b.Reps[:2]); !errors.Is(err, sim.ErrPairing) {
		t.Errorf("unpaired sets: err = %v, want ErrPairing", err)
	}
}

// TestValidate: each broken field is reported by name, never a panic.
func TestValidate(t *testing.T) {
	for _, c := range []struct {
		field  string
		break_ func(m *sim.Model)
	}{
		{"units", func(m *sim.Model) { m.Units = nil }},
		{"priorities", func(m *sim.Model) { m.Priorities[0].Share = 0.7 }},
		{"conditions[0].conveyance", func(m *sim.Model) { m.Conditions[0].Conveyance = 1.5 }},
		{"durations.on_scene", func(m *sim.Model) { m.Durations.OnScene = dist.Spec{} }},
		{"targets[all]", func(m *sim.Model) { m.Targets[0] = []float64{600} }},
		{"horizon", func(m *sim.Model) { m.Horizon = math.NaN() }},
		{"hospitals", func(m *sim.Model) { m.Hospitals[0].Receives = false }},
		{"replay[0].priority", func(m *sim.Model) { m.Replay[0].Priority = 5 }},
		{"five_g.handover_factor", func(m *sim.Model) { m.Units[0].FiveG = true; m.FiveG.HandoverFactor = 0 }},
	} {
		m := tinyModel([]sim.ReplayCall{{Time: 0, Loc: 2, Township: -1}})
		c.break_(m)
		_, err := sim.Run(m, tiny3(t), sim.Config{Replications: 1})
		if !errors.Is(err, sim.ErrModel) || !strings.Contains(err.Error(), c.field) {
			t.Errorf("%s: err = %v", c.field, err)
		}
	}
	s := newSynth(t, 8, 2, false, 1)
	s.model.CallsPer1000PerYear = 0
	if err := s.model.Validate(); err == nil || !strings.Contains(err.Error(), "calls_per_1000_per_year") {
		t.Errorf("zero rate: err = %v", err)
	}
	s = newSynth(t, 8, 2, true, 1)
	if _, err := sim.Run(s.model, tinyTravelOnly{}, sim.Config{Replications: 1}); !errors.Is(err, sim.ErrConfig) {
		t.Errorf("AVL without a Tracker: err = %v, want ErrConfig", err)
	}
}

// tinyTravelOnly is a Travel that cannot track units.
type tinyTravelOnly struct{}

func (tinyTravelOnly) Band(float64) int                   { return 0 }
func (tinyTravelOnly) Time(a, b sim.LocID, _ int) float64 { return 60 }
