package main

import (
	"fmt"
	"math"
	"time"

	"github.com/emsplan/sim/sim/report"
)

// printComparison prints, for each variant, the headline figures: baseline,
// variant, difference with its paired 95% interval, and whether it is
// significant; static figures are exact.
func printComparison(e *env, cs *report.CompareSummary, variants int, elapsed time.Duration) {
	w := e.stdout
	fmt.Fprintf(w, "%s\n", cs.Scenario.Name)
	if cs.Scenario.Source != "" {
		fmt.Fprintf(w, "Road network: %s\n", cs.Scenario.Source)
	}
	fmt.Fprintf(w, "\nBaseline against %d variant%s: %d paired replications x %g days, seed %d, the same calls for every option (%.1f s)\n",
		variants, plural(variants), cs.Run.Replications, cs.Run.Days, cs.Run.Seed, elapsed.Seconds())
	fmt.Fprintf(w, "Differences are variant - baseline; shares in percentage points, times in minutes; 95%% intervals paired by replication.\n")
	for _, v := range cs.Variants {
		fmt.Fprintf(w, "\n%s: %s\n", v.Name, v.Title)
		fmt.Fprintf(w, "  %s %9s %9s  %-28s %s\n", pad("figure", 46), "baseline", "variant", "difference (95% CI)", "")
		for _, x := range append(append([]report.DiffJSON(nil), v.Static...), v.Dynamic...) {
			if x.By == "township" || x.By == "priority" || x.By == "kind" {
				continue
			}
			verdict := x.Verdict("en")
			if x.Exact {
				verdict = ""
			}
			fmt.Fprintf(w, "  %s %9s %9s  %-32s %s\n", pad(figLabel(x), 46), x.Value(x.Baseline), x.Value(x.Variant), x.Diff(), verdict)
		}
		if len(v.Significant) == 0 {
			fmt.Fprintf(w, "  No township's compliance changed significantly.\n")
		} else {
			fmt.Fprintf(w, "  Townships whose compliance changed significantly:\n")
			for i, t := range v.Significant {
				if i == 8 {
					fmt.Fprintf(w, "    ... %d more in compare/differences.csv\n", len(v.Significant)-i)
					break
				}
				fmt.Fprintf(w, "    %s %s\n", pad(t.Name, 16), t.Diff())
			}
		}
		gained, lost := 0.0, 0.0
		for _, c := range v.Changes {
			if c.AfterMin.V <= c.TargetMin.V {
				gained += c.Population.V
			} else {
				lost += c.Population.V
			}
		}
		fmt.Fprintf(w, "  Static: %s residents enter their target circle, %s leave it.\n",
			thousands(int(math.Round(gained))), thousands(int(math.Round(lost))))
	}
}

func figLabel(x report.DiffJSON) string {
	names := map[string]string{"static_within_target": "static: residents within target",
		"static_health_circle": "static: residents in the health circle", "compliance": "simulated: calls within target",
		"response_mean": "mean response", "response_p90": "p90 response", "treatment_mean": "mean time to treatment",
		"utilisation": "utilisation", "queue_prob": "P(no unit free)", "mean_wait": "mean wait", "lost_share": "handed over",
		"capable_centre": "at a capable centre in time", "response_median": "median response", "response_p95": "p95 response"}
	s := names[x.Key]
	if s == "" {
		s = x.Key
	}
	if x.Name != "" {
		s += ": " + x.Name
	}
	if x.Key == "compliance" || x.Key == "static_within_target" || x.Key == "static_health_circle" {
		if x.Name == "" {
			s += ": all"
		}
	}
	return s
}
