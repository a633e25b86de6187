package sweep

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteText prints the sweep: the baseline, then for one-at-a-time sweeps
// each parameter's swing of compliance (widest first), else every point;
// then the break-evens.
func (r *Result) WriteText(w io.Writer, bes []BreakEven, goal float64) {
	b, _ := r.Figure(0, "compliance")
	reps := r.Base.Simulation.Replications
	fmt.Fprintf(w, "Sweep: %d points (%s design), each on the baseline's calls; baseline compliance %.1f%% (%.1f-%.1f)\n",
		len(r.Outcomes), r.Design.Kind, 100*b.Mean, 100*b.Lo, 100*b.Hi)
	_ = reps
	if r.Design.Kind == "oat" {
		fmt.Fprintf(w, "\nChange in calls within target, percentage points, paired with the baseline (95%% CI):\n")
		fmt.Fprintf(w, "%-28s %26s %26s\n", "parameter", "at the lowest value", "at the highest value")
		for _, s := range r.Swings("compliance") {
			fmt.Fprintf(w, "%-28s %26s %26s\n", s.Key, swing(s.LowValue, s.Low), swing(s.HiValue, s.High))
		}
	} else {
		fmt.Fprintf(w, "\n%-6s", "point")
		for _, p := range r.Params {
			fmt.Fprintf(w, " %14s", p.Key)
		}
		fmt.Fprintf(w, " %22s\n", "compliance (95% CI)")
		for k, o := range r.Outcomes {
			f, _ := r.Figure(k, "compliance")
			fmt.Fprintf(w, "%-6d", o.Index)
			for _, v := range o.Values {
				fmt.Fprintf(w, " %14.4g", v)
			}
			fmt.Fprintf(w, " %8.1f%% (%.1f-%.1f)\n", 100*f.Mean, 100*f.Lo, 100*f.Hi)
		}
	}
	if len(bes) > 0 {
		fmt.Fprintf(w, "\nWhere compliance crosses the goal of %.0f%% (the others at the baseline's values):\n", 100*goal)
		for _, be := range bes {
			if be.Found {
				fmt.Fprintf(w, "  %-26s %.4g (the goal is in doubt between %.4g and %.4g)\n", be.Key, be.Value, be.Lo, be.Hi)
			} else {
				fmt.Fprintf(w, "  %-26s none: %s\n", be.Key, be.Note)
			}
		}
	}
}

func swing(v float64, f Figure) string {
	return fmt.Sprintf("%.4g: %+.1f (%+.1f..%+.1f)", v, 100*f.Diff, 100*f.DLo, 100*f.DHi)
}

// WriteBreakEvens writes breakeven.csv.
func WriteBreakEvens(w io.Writer, bes []BreakEven, goal float64) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"parameter", "goal", "found", "value", "in_doubt_from", "in_doubt_to", "note"})
	for _, b := range bes {
		cw.Write([]string{b.Key, g(goal), strconv.FormatBool(b.Found), g(b.Value), g(b.Lo), g(b.Hi), b.Note})
	}
	cw.Flush()
	return cw.Error()
}
