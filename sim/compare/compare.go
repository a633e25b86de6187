package compare

import (
	"fmt"
	"math"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// Option is one deployment to compare. The first option of a comparison is
// the baseline.
type Option struct {
	Name     string // "baseline", or the variant's name
	Title    string
	TitleEn  string
	Scenario *scenario.Scenario
}

// Config says how to simulate the options. Every option runs the same
// replications from the same seed.
type Config struct {
	Replications int
	Seed         uint64
	Workers      int                   // 0: GOMAXPROCS
	KeepCalls    int                   // replications whose calls are kept, per option
	Progress     func(done, total int) // over all options' replications
}

// Outcome is one option placed on the network, with its static coverage and
// its simulation.
type Outcome struct {
	Option
	Study    *model.Study
	Coverage *coverage.Result
	Engine   *model.Engine
	Results  *sim.Results
}

// Result compares every option with the baseline (Outcomes[0]).
type Result struct {
	Outcomes []Outcome
	// Diffs[k] are option k+1 minus the baseline for every headline figure,
	// paired by replication (same seed, hence the same calls).
	Diffs [][]sim.Difference
	// Unpaired[k] are the same differences with the interval the two runs
	// would give if their replications were independent (Welch), to show
	// what common random numbers buy.
	Unpaired [][]sim.Difference
	// Warnings say where the comparison is weaker than it should be.
	Warnings []string
}

// Run places every option on the baseline's road network, computes its
// static coverage, and simulates all of them on common random numbers: the
// calls are generated at the highest call rate of the set and thinned to
// each option's own rate, so every option sees the very same calls (the
// same times, places, priorities, conditions and per-call durations).
func Run(opts []Option, cfg Config) (*Result, error) {
	if len(opts) < 2 {
		return nil, fmt.Errorf("compare: need a baseline and at least one option, got %d", len(opts))
	}
	r := &Result{Outcomes: make([]Outcome, len(opts))}
	var net *model.Network
	for k, o := range opts {
		if k > 0 {
			if w := sameStudy(opts[0].Scenario, o.Scenario); w != "" {
				r.Warnings = append(r.Warnings, fmt.Sprintf("%s: %s", o.Name, w))
			}
			if o.Scenario.Network.Roads != opts[0].Scenario.Network.Roads {
				return nil, fmt.Errorf("compare: %s uses the road network %s, the baseline %s: options must share a network",
					o.Name, o.Scenario.Network.Roads, opts[0].Scenario.Network.Roads)
			}
		}
		st, err := model.Build(o.Scenario, net)
		if err != nil {
			return nil, fmt.Errorf("compare: %s: %w", o.Name, err)
		}
		net = st.Net
		e, err := st.Engine()
		if err != nil {
			return nil, fmt.Errorf("compare: %s: %w", o.Name, err)
		}
		r.Outcomes[k] = Outcome{Option: o, Study: st, Coverage: coverage.Compute(st), Engine: e}
	}
	gen := 0.0
	for _, o := range r.Outcomes {
		gen = math.Max(gen, o.Engine.Model.ActualCallsPerYear())
	}
	done := 0
	for k := range r.Outcomes {
		o := &r.Outcomes[k]
		o.Engine.Model.GenerationCallsPerYear = gen
		c := sim.Config{Replications: cfg.Replications, Seed: cfg.Seed, Workers: cfg.Workers, KeepCalls: cfg.KeepCalls}
		if cfg.Progress != nil {
			base := done
			c.Progress = func(d, _ int) { cfg.Progress(base+d, cfg.Replications*len(opts)) }
		}
		res, err := sim.Run(o.Engine.Model, o.Engine.Travel, c)
		if err != nil {
			return nil, fmt.Errorf("compare: %s: %w", o.Name, err)
		}
		o.Results = res
		done += cfg.Replications
	}
	base := r.Outcomes[0].Results.Reps
	for _, o := range r.Outcomes[1:] {
		d, err := sim.Compare(base, o.Results.Reps)
		if err != nil {
			return nil, err
		}
		r.Diffs = append(r.Diffs, comparable(d))
		r.Unpaired = append(r.Unpaired, comparable(Unpaired(base, o.Results.Reps)))
	}
	return r, nil
}

// comparable drops the figures that are matched by position but mean
// different things in two deployments (per unit and per hospital).
func comparable(ds []sim.Difference) []sim.Difference {
	out := ds[:0:0]
	for _, d := range ds {
		if d.By != "unit" && d.By != "hospital" {
			out = append(out, d)
		}
	}
	return out
}

// sameStudy says how two scenarios differ beyond the deployment, in ways
// that weaken or break the pairing: "" when they share the demand and the
// call model.
func sameStudy(a, b *scenario.Scenario) string {
	if len(a.Demand.Points) != len(b.Demand.Points) {
		return "its demand points differ from the baseline's: the calls differ, the pairing is weaker"
	}
	for i := range a.Demand.Points {
		if a.Demand.Points[i].Point != b.Demand.Points[i].Point {
			return "its demand points differ from the baseline's: the calls differ, the pairing is weaker"
		}
	}
	if len(a.Targets.Classes) != len(b.Targets.Classes) || len(a.Townships) != len(b.Townships) {
		return "its zone classes or townships differ: figures by class or township are matched by position"
	}
	return ""
}
