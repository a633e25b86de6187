package sweep

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/scenario"
)

func load(t *testing.T, path string) *scenario.Scenario {
	t.Helper()
	s, ps, err := scenario.Load(path)
	if err != nil {
		t.Fatal(err, ps)
	}
	return s
}

// erlangC is the probability that a call waits in an M/M/c queue with
// offered load a erlangs.
func erlangC(c int, a float64) float64 {
	b := 1.0 // Erlang B by recursion
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	rho := a / float64(c)
	return b / (1 - rho*(1-b))
}

// TestSwingMatchesErlangC sweeps the call rate of an M/M/3 scenario: the
// share of calls that find no unit free follows Erlang C at every rate
// (within 4 standard errors), and rises with the rate, paired with the
// baseline.
func TestSwingMatchesErlangC(t *testing.T) {
	s := load(t, "testdata/mmc/mmc.yaml")
	p, err := ParseVary("calls_per_1000_per_year=60,150,200")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(s, []Param{p}, Design{Kind: "oat"}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	prev := -1.0
	for k, o := range r.Outcomes {
		rate := o.Values[0]
		a := rate / 1000 * 100000 / (365 * 24) // calls an hour x one hour of service
		want := erlangC(3, a)
		f, ok := r.Figure(k, "queue_prob")
		if !ok {
			t.Fatal("no queue_prob")
		}
		se := (f.Hi - f.Lo) / (2 * 1.96)
		if math.Abs(f.Mean-want) > 4*se+0.005 {
			t.Errorf("rate %g: P(wait) %.4f (%.4f-%.4f), Erlang C %.4f", rate, f.Mean, f.Lo, f.Hi, want)
		}
		_ = prev
	}
	sw := r.Swings("queue_prob")
	if len(sw) != 1 || !(sw[0].Low.Diff < 0 && sw[0].High.Diff > 0 && sw[0].LowValue == 60 && sw[0].HiValue == 200) {
		t.Errorf("swing %+v: want P(wait) lower at 60 and higher at 200 than at 100", sw)
	}
}

// TestBreakEvenErlangC: the rate at which the share of calls within target
// (10 minutes, all waiting) crosses 80% lies where the M/M/3 queue's
// P(wait > 10 min) = 20%, found by bisection within its interval.
func TestBreakEvenErlangC(t *testing.T) {
	s := load(t, "testdata/mmc/mmc.yaml")
	p, _ := ParseVary("calls_per_1000_per_year=60,250")
	bes, err := FindBreakEvens(s, []Param{p}, 0.8, Config{})
	if err != nil {
		t.Fatal(err)
	}
	// P(wait > t) = C(c, a) exp(-(c mu - lambda) t), mu = 1/60 per minute.
	within := func(rate float64) float64 {
		lam := rate / 1000 * 100000 / (365 * 24 * 60)
		a := lam * 60
		return 1 - erlangC(3, a)*math.Exp(-(3.0/60-lam)*10)
	}
	lo, hi := 60.0, 250.0
	for i := 0; i < 60; i++ {
		m := (lo + hi) / 2
		if within(m) > 0.8 {
			lo = m
		} else {
			hi = m
		}
	}
	exact := (lo + hi) / 2
	be := bes[0]
	if !be.Found || math.Abs(be.Value-exact) > 0.05*exact || be.Lo > exact+0.05*exact || be.Hi < exact-0.05*exact {
		t.Errorf("break-even %+v, exact %.1f", be, exact)
	}
}

func TestDesigns(t *testing.T) {
	s := load(t, "testdata/mmc/mmc.yaml")
	a, _ := ParseVary("calls_per_1000_per_year=50,100,150")
	b, _ := ParseVary("durations.on_scene=30,90")
	oat, err := Points(s, []Param{a, b}, Design{Kind: "oat"})
	if err != nil || len(oat) != 1+2+2 {
		t.Fatalf("oat: %d points (%v), want the baseline and 4 (100 is the baseline's rate)", len(oat), err)
	}
	grid, _ := Points(s, []Param{a, b}, Design{Kind: "grid"})
	if len(grid) != 1+6 {
		t.Errorf("grid: %d points, want 7", len(grid))
	}
	lhs, _ := Points(s, []Param{a, b}, Design{Kind: "lhs", N: 10})
	again, _ := Points(s, []Param{a, b}, Design{Kind: "lhs", N: 10})
	if len(lhs) != 11 || !reflect.DeepEqual(lhs, again) {
		t.Fatalf("lhs: %d points, or not the same twice", len(lhs))
	}
	for i, p := range []Param{a, b} { // each tenth of each range holds one point
		seen := make([]bool, 10)
		lo, hi := p.Values[0], p.Values[len(p.Values)-1]
		for _, pt := range lhs[1:] {
			k := int((pt.Values[i] - lo) / (hi - lo) * 10)
			if k < 0 || k > 9 || seen[k] {
				t.Fatalf("%s: value %g in a stratum taken twice or out of range", p.Key, pt.Values[i])
			}
			seen[k] = true
		}
	}
}

// TestScenarioLeavesBase: setting every kind of key on a copy leaves the
// baseline as it was.
func TestScenarioLeavesBase(t *testing.T) {
	s := load(t, "../model/testdata/tiny/tiny.yaml")
	var params []Param
	for _, k := range []string{"calls_per_1000_per_year=30", "growth=1.2", "emergency_factor=1.5", "urban_factor=0.9",
		"five_g_share=0", "durations.turnout=3", "durations.on_scene=20", "targets.urban=7"} {
		p, err := ParseVary(k)
		if err != nil {
			t.Fatal(err)
		}
		params = append(params, p)
	}
	before := *s
	fac := append([]scenario.Facility(nil), s.Facilities...)
	pts, _ := Points(s, params, Design{Kind: "grid"})
	c, err := Scenario(s, params, pts[1])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.Simulation, before.Simulation) || s.Network.EmergencyFactor != 1.25 || s.Targets.ByClass["urban"] != 5 || !reflect.DeepEqual(s.Facilities, fac) {
		t.Error("the baseline changed")
	}
	if c.Simulation.Turnout.Value != 3 || c.Targets.ByClass["urban"] != 7 || c.Facilities[0].FiveG != 0 {
		t.Errorf("the copy: turnout %+v, urban target %g, 5G %d", c.Simulation.Turnout, c.Targets.ByClass["urban"], c.Facilities[0].FiveG)
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"nope=1", "growth", "growth=a", "emergency_factor=9", "growth=NaN", "bands.x.factor"} {
		if _, err := ParseVary(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
	for _, s := range []string{"lhs:1", "lhs:x", "random"} {
		if _, err := ParseDesign(s); err == nil {
			t.Errorf("design %q: no error", s)
		}
	}
	var b bytes.Buffer
	WriteBreakEvens(&b, []BreakEven{{Key: "growth", Note: "none"}}, 0.9)
	if !strings.Contains(b.String(), "growth,0.9,false") {
		t.Errorf("breakeven.csv: %s", b.String())
	}
}
