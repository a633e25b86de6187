package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"time"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/report"
)

// printRun prints the dynamic figures with their 95% intervals beside the
// static coverage.
func printRun(w io.Writer, e *model.Engine, res *sim.Results, cov *coverage.Result, elapsed time.Duration) {
	s := e.Study.Scenario
	m := report.NewEstimates(res.Summary())
	calls := 0
	for _, r := range res.Reps {
		calls += r.Calls + r.WarmupCalls
	}
	fmt.Fprintf(w, "%s\n", s.Name)
	if line := report.Attribution(e.Study, ""); line != "" {
		fmt.Fprintf(w, "Road network: %s\n", line)
	}
	for _, g := range cov.Gaps {
		fmt.Fprintf(w, "Data gap: %s\n", g.Detail)
	}
	fmt.Fprintf(w, "\nSimulation: %d replications x %g days (after %g warm-up days), seed %d: %s calls in %.1f s\n",
		len(res.Reps), s.Simulation.Days, s.Simulation.WarmupDays, s.Seed, thousands(calls), elapsed.Seconds())
	fmt.Fprintf(w, "Response = call received to unit at the patient. Dynamic: simulated calls, units busy as they would be;\n"+
		"static: residents, a unit free at every base. 95%% confidence intervals across replications.\n\n")
	fmt.Fprintf(w, "%-7s %7s %10s  %-26s %-22s %-22s %s\n", "zone", "target", "calls", "dynamic within target", "mean response", "p90 response", "static within")
	row := func(name, target string, by string, i int, static float64) {
		fmt.Fprintf(w, "%-7s %7s %10s  %-26s %-22s %-22s %5.1f%%\n", name, target, thousands(int(math.Round(meanCalls(res, by, i)))),
			pct(m.Get(sim.FigCompliance, by, i)), mins(m.Get(sim.FigResponseMean, by, i)), mins(m.Get(sim.FigResponseP90, by, i)), 100*static)
	}
	for c, name := range e.Model.Classes {
		if g := classGroup(cov, name); g != nil {
			row(name, fmtMin(e.Model.Targets[c][0]), "class", c, g.Share())
		}
	}
	row("all", "", "", -1, cov.Total.Share())
	fmt.Fprintln(w)
	for p, pr := range e.Model.Priorities {
		fmt.Fprintf(w, "Priority %-4s within target %s\n", pr.Name, pct(m.Get(sim.FigCompliance, "priority", p)))
	}
	fmt.Fprintf(w, "Queueing: P(no unit free) %s, mean wait %s; handed over (lost) %s\n", pct(m.Get(sim.FigQueueProb, "", -1)),
		mins(m.Get(sim.FigMeanWait, "", -1)), pct(m.Get(sim.FigLostShare, "", -1)))
	fmt.Fprintf(w, "Time to treatment (conveyed patients): 5G units %s, conventional %s\n",
		mins(m.Get(sim.FigTreatmentMean, "kind", 1)), mins(m.Get(sim.FigTreatmentMean, "kind", 0)))
	for c, cond := range e.Model.Conditions {
		if cond.Target > 0 {
			fmt.Fprintf(w, "%s: at a capable centre within %s: %s\n", cond.Name, fmtMin(cond.Target), pct(m.Get(sim.FigCapableCentre, "condition", c)))
		}
	}
	printUnits(w, e, m)
	printWorstTownships(w, e, m)
}

// meanCalls returns the mean number of measured calls per replication in a
// zone class (by "class") or in all (by "").
func meanCalls(res *sim.Results, by string, i int) float64 {
	n := 0
	for _, r := range res.Reps {
		if by == "class" {
			n += r.ByClass[i].N
		} else {
			n += r.Calls
		}
	}
	return float64(n) / float64(len(res.Reps))
}

func classGroup(cov *coverage.Result, class string) *coverage.Group {
	for i := range cov.Classes {
		if cov.Classes[i].Key == class {
			return &cov.Classes[i]
		}
	}
	return nil
}

func printUnits(w io.Writer, e *model.Engine, m report.Estimates) {
	u := m.Get(sim.FigUtilisation, "", -1)
	busiest, bu := -1, -1.0
	for i := range e.Model.Units {
		if x := m.Get(sim.FigUtilisation, "unit", i).Mean; x > bu {
			busiest, bu = i, x
		}
	}
	fmt.Fprintf(w, "Unit utilisation: mean %s; busiest %s at %.1f%%\n", pct(u), e.Model.Units[busiest].Name, 100*bu)
}

func printWorstTownships(w io.Writer, e *model.Engine, m report.Estimates) {
	type tw struct {
		i int
		c sim.Estimate
	}
	var ts []tw
	for i := range e.Model.Townships {
		ts = append(ts, tw{i, m.Get(sim.FigCompliance, "township", i)})
	}
	sort.SliceStable(ts, func(a, b int) bool { return ts[a].c.Mean < ts[b].c.Mean })
	fmt.Fprintf(w, "\nWorst townships (dynamic compliance):\n")
	for k, t := range ts {
		if k == 5 {
			break
		}
		fmt.Fprintf(w, "  %s %s  p90 %s\n", pad(e.Model.Townships[t.i], 16), pct(t.c), mins(m.Get(sim.FigResponseP90, "township", t.i)))
	}
}

// pct formats a share estimate as "71.2% (70.8-71.6)".
func pct(e sim.Estimate) string {
	if math.IsNaN(e.Mean) {
		return "-"
	}
	if math.IsNaN(e.Half) {
		return fmt.Sprintf("%.1f%%", 100*e.Mean)
	}
	return fmt.Sprintf("%.1f%% (%.1f-%.1f)", 100*e.Mean, 100*e.Lo, 100*e.Hi)
}

// mins formats a time estimate in minutes with its interval.
func mins(e sim.Estimate) string {
	if math.IsNaN(e.Mean) {
		return "-"
	}
	if math.IsNaN(e.Half) {
		return fmt.Sprintf("%.1f min", e.Mean/60)
	}
	return fmt.Sprintf("%.1f (%.1f-%.1f) min", e.Mean/60, e.Lo/60, e.Hi/60)
}
