package sweep

import (
	"fmt"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/compare"
	"github.com/emsplan/sim/sim/scenario"
)

// Figure is one headline figure of a point with its 95% interval across
// replications, and its paired difference from the baseline.
type Figure struct {
	Name           string // e.g. compliance, compliance.urban, response_p90, queue_prob
	Mean, Lo, Hi   float64
	Diff, DLo, DHi float64 // point minus baseline, paired by replication
}

// Outcome is a simulated point.
type Outcome struct {
	Point
	Figures []Figure
}

// Result is a whole sweep.
type Result struct {
	Params   []Param
	Design   Design
	Base     *scenario.Scenario
	Outcomes []Outcome // Outcomes[0] is the baseline
	Classes  []string  // zone classes, in the model's order
	Warnings []string
}

// Config says how to simulate every point (the same for all, from the
// baseline's seed: common random numbers).
type Config struct {
	Replications int
	Workers      int
	Progress     func(done, total int)
}

// headline are the figures a sweep reports, by their engine keys.
var headline = []struct{ key, by, name string }{
	{sim.FigCompliance, "", "compliance"},
	{sim.FigResponseP90, "", "response_p90"},
	{sim.FigResponseMean, "", "response_mean"},
	{sim.FigQueueProb, "", "queue_prob"},
	{sim.FigMeanWait, "", "mean_wait"},
	{sim.FigCompliance, "class", "compliance"},
}

// Run simulates every point on common random numbers with the baseline and
// collects the headline figures. O(points x one run).
func Run(base *scenario.Scenario, params []Param, d Design, cfg Config) (*Result, error) {
	pts, err := Points(base, params, d)
	if err != nil {
		return nil, err
	}
	opts := make([]compare.Option, len(pts))
	for i, p := range pts {
		s, err := Scenario(base, params, p)
		if err != nil {
			return nil, err
		}
		if cfg.Replications > 0 {
			s.Simulation.Replications = cfg.Replications
		}
		opts[i] = compare.Option{Name: fmt.Sprintf("point %d", i), Title: s.Name, TitleEn: s.NameEn, Scenario: s}
	}
	if len(opts) == 1 { // every value is the baseline's: compare the baseline with itself
		opts = append(opts, opts[0])
	}
	reps := opts[0].Scenario.Simulation.Replications
	cr, err := compare.Run(opts, compare.Config{Replications: reps, Seed: base.Seed, Workers: cfg.Workers, Progress: cfg.Progress})
	if err != nil {
		return nil, err
	}
	r := &Result{Params: params, Design: d, Base: base, Classes: cr.Outcomes[0].Engine.Model.Classes, Warnings: cr.Warnings}
	baseReps := cr.Outcomes[0].Results.Reps
	for i, p := range pts {
		o := cr.Outcomes[i]
		est := sim.Summarise(o.Results.Reps)
		diffs, err := sim.Compare(baseReps, o.Results.Reps)
		if err != nil {
			return nil, err
		}
		out := Outcome{Point: p}
		for _, h := range headline {
			for _, e := range est {
				if e.Key != h.key || e.By != h.by {
					continue
				}
				name := h.name
				if h.by == "class" {
					name += "." + r.Classes[e.Index]
				}
				f := Figure{Name: name, Mean: e.Mean, Lo: e.Lo, Hi: e.Hi}
				for _, df := range diffs {
					if df.Key == e.Key && df.By == e.By && df.Index == e.Index {
						f.Diff, f.DLo, f.DHi = df.Mean, df.Lo, df.Hi
					}
				}
				if h.key != sim.FigCompliance && h.key != sim.FigQueueProb { // the engine's times are seconds
					f.Mean, f.Lo, f.Hi, f.Diff, f.DLo, f.DHi = f.Mean/60, f.Lo/60, f.Hi/60, f.Diff/60, f.DLo/60, f.DHi/60
				}
				out.Figures = append(out.Figures, f)
			}
		}
		r.Outcomes = append(r.Outcomes, out)
	}
	return r, nil
}

// Figure returns the named figure of outcome i (false when absent).
func (r *Result) Figure(i int, name string) (Figure, bool) {
	for _, f := range r.Outcomes[i].Figures {
		if f.Name == name {
			return f, true
		}
	}
	return Figure{}, false
}
