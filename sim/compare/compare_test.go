package compare

import (
	"math"
	"testing"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

func loadTiny(t *testing.T) *scenario.Scenario {
	t.Helper()
	s, _, err := scenario.Load("../model/testdata/tiny/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s.Simulation.Days = 120
	return s
}

func variant(t *testing.T, s *scenario.Scenario, v scenario.Variant) Option {
	t.Helper()
	c, err := s.Apply(&v)
	if err != nil {
		t.Fatal(err)
	}
	return Option{Name: v.Name, Scenario: c}
}

// Two identical options differ by exactly zero on every figure.
func TestIdenticalOptionsDifferByZero(t *testing.T) {
	s := loadTiny(t)
	r, err := Run([]Option{{Name: "baseline", Scenario: s}, variant(t, s, scenario.Variant{Name: "same"})},
		Config{Replications: 4, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Diffs[0]) < 20 {
		t.Fatalf("only %d figures compared", len(r.Diffs[0]))
	}
	for _, d := range r.Diffs[0] {
		if math.IsNaN(d.Base) && math.IsNaN(d.Variant) {
			continue // undefined in both (a condition without a target)
		}
		if d.Mean != 0 || !(d.Half == 0 || math.IsNaN(d.Half)) || d.Significant {
			t.Errorf("%s/%s/%d: difference %v ± %v", d.Key, d.By, d.Index, d.Mean, d.Half)
		}
	}
}

// One more ambulance never lowers compliance on the same calls (a busy
// county: about 2,000 calls in the 120 days for two units).
func TestExtraUnitNeverHurts(t *testing.T) {
	s := loadTiny(t)
	s.Simulation.CallsPer1000PerYear = 3000
	more := variant(t, s, scenario.Variant{Name: "more", SetAmbulances: []scenario.SetAmbulances{{ID: "S1", Ambulances: 2}}})
	r, err := Run([]Option{{Name: "baseline", Scenario: s}, more}, Config{Replications: 6, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	base, plus := r.Outcomes[0].Results.Reps, r.Outcomes[1].Results.Reps
	better := false
	for i := range base {
		if plus[i].Calls != base[i].Calls {
			t.Fatalf("replication %d: %d and %d calls: not the same call stream", i, base[i].Calls, plus[i].Calls)
		}
		if plus[i].Compliance.Hit < base[i].Compliance.Hit {
			t.Errorf("replication %d: compliance fell from %d to %d calls with one more unit", i, base[i].Compliance.Hit, plus[i].Compliance.Hit)
		}
		better = better || plus[i].Compliance.Hit > base[i].Compliance.Hit
	}
	if !better {
		t.Error("the extra unit never helped: the test shows nothing")
	}
}

// Removing the station at A (the only base near P1, the point halfway
// along A-B) sends P1's static response to the base at D: it grows by the
// drive D-C-B at emergency speed, by hand.
func TestRemovedStationWorsensByTheComputedAmount(t *testing.T) {
	s := loadTiny(t)
	r, err := Run([]Option{{Name: "baseline", Scenario: s},
		variant(t, s, scenario.Variant{Name: "noS1", RemoveFacilities: []string{"S1"}})}, Config{Replications: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	p := func(lon, lat float64) orb.Point { return orb.Point{lon, lat} }
	ew := geo.Haversine(p(112.00, 28.00), p(112.02, 28.00))
	mps := 60 * 1.25 / 3.6    // primary road at the emergency factor
	want := ew/mps + 2*ew/mps // B-C, then C-D (twice as long)
	got := r.Outcomes[1].Coverage.Points[0].Response - r.Outcomes[0].Coverage.Points[0].Response
	if math.Abs(got-want) > 1e-3 {
		t.Errorf("P1 worse by %.3f s, want %.3f s", got, want)
	}
	if st := r.Outcomes[1].Coverage.Points[0].Station; st != 0 { // H1 is facility 0 once S1 is gone
		t.Errorf("P1 served by facility %d", st)
	}
}

// Paired intervals are narrower than unpaired ones on the shipped scenario's
// variants: the point of common random numbers.
func TestPairedNarrowerThanUnpaired(t *testing.T) {
	s, _, err := scenario.Load("../../scenarios/ningxiang.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s.Simulation.Days = 60
	opts := []Option{{Name: "baseline", Scenario: s}}
	for _, name := range []string{"plus5", "no5g"} {
		opts = append(opts, variant(t, s, *s.Variant(name)))
	}
	r, err := Run(opts, Config{Replications: 8, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	for k := range r.Diffs {
		checked := 0
		for j, d := range r.Diffs[k] {
			u := r.Unpaired[k][j]
			if d.By != "" && d.By != "class" || d.Key != sim.FigCompliance && d.Key != sim.FigResponseMean && d.Key != sim.FigResponseP90 {
				continue
			}
			checked++
			if !(d.Half < u.Half) {
				t.Errorf("%s %s/%s/%d: paired ±%.4g not narrower than unpaired ±%.4g", opts[k+1].Name, d.Key, d.By, d.Index, d.Half, u.Half)
			}
			if math.Abs(d.Mean-u.Mean) > 1e-9 {
				t.Errorf("paired and unpaired mean differences disagree: %v %v", d.Mean, u.Mean)
			}
		}
		if checked != 9 {
			t.Errorf("%d figures checked, want 9 (3 figures x all, urban, rural)", checked)
		}
	}
}
