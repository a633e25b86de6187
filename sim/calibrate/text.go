package calibrate

import (
	"fmt"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/scenario"
)

// WriteText prints the fit for a person, beside the scenario's own values.
func (f *Fit) WriteText(w io.Writer, s *scenario.Scenario) {
	lg := f.Log
	fmt.Fprintf(w, "Call log   %s: %s rows, %s calls kept over %.1f days", lg.File, thousands(lg.Rows), thousands(len(lg.Calls)), f.Days)
	if dropped := lg.Rows - len(lg.Calls); dropped > 0 {
		fmt.Fprintf(w, "; %s dropped:\n", thousands(dropped))
		for _, r := range lg.Rejected {
			fmt.Fprintf(w, "  %7s  %s (line %s)\n", thousands(r.Count), r.Reason, joinInts(r.Lines, 5))
		}
	} else {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Rate       %.2f calls per 1,000 residents per year (95%% CI %.2f-%.2f); the scenario has %.2f\n",
		f.RatePer1000, f.RateLow, f.RateHigh, s.Simulation.CallsPer1000PerYear)
	if f.Located > 0 {
		fmt.Fprintf(w, "Urban      %.1f%% of the calls placed (%.1f-%.1f) are in the urban zone, which holds %.1f%% of the residents\n",
			100*f.Urban.Share, 100*f.Urban.Low, 100*f.Urban.High, 100*f.UrbanPop)
	}
	var differ []TownshipRate
	for _, t := range f.Townships {
		if t.Differs {
			differ = append(differ, t)
		}
	}
	if len(differ) > 0 {
		fmt.Fprintf(w, "Townships whose call rate differs from the county's (calls / calls expected from population, 95%% CI):\n")
		for _, t := range differ {
			fmt.Fprintf(w, "  %-16s %5.2f (%.2f-%.2f)  %s calls, %.0f expected\n", t.Name, t.Ratio, t.Low, t.High, thousands(t.Calls), t.Expected)
		}
	} else if len(f.Townships) > 1 {
		fmt.Fprintf(w, "Townships  every township's call rate agrees with the county's (95%% CI)\n")
	}
	fmt.Fprintf(w, "Profiles   hourly peak %.2f at %02d:00, trough %.2f at %02d:00 (mean 1)", maxOf(f.Hourly[:]), argmax(f.Hourly[:]), minOf(f.Hourly[:]), argmin(f.Hourly[:]))
	if f.WeeklyFit {
		fmt.Fprintf(w, "; weekly %s", list(f.Weekly[:]))
	}
	fmt.Fprintln(w)
	for _, g := range []struct {
		name string
		s    []Share
	}{{"Priorities", f.Priorities}, {"Conditions", f.Conditions}} {
		if len(g.s) == 0 {
			continue
		}
		var parts []string
		for _, x := range g.s {
			parts = append(parts, fmt.Sprintf("%s %.1f%% (%.1f-%.1f)", x.Name, 100*x.Share, 100*x.Low, 100*x.High))
		}
		fmt.Fprintf(w, "%-10s %s\n", g.name, strings.Join(parts, ", "))
	}
	fmt.Fprintf(w, "\nDurations, minutes (lognormal by maximum likelihood; KS: largest gap between the log's and the fit's CDF)\n")
	fmt.Fprintf(w, "%-15s %6s %7s %7s %9s %9s %6s   %s\n", "part", "n", "median", "p90", "log med", "log p90", "KS", "scenario median / p90")
	own := map[string]scenario.Dist{"dispatch_delay": s.Simulation.DispatchDelay, "turnout": s.Simulation.Turnout,
		"on_scene": s.Simulation.OnScene, "handover": s.Simulation.Handover}
	for _, d := range f.Durations {
		sc := "(the network's drive)"
		if o, ok := own[d.Name]; ok {
			sc = fmt.Sprintf("%s / %s", dnum(o.Median), dnum(o.P90))
		}
		fmt.Fprintf(w, "%-15s %6d %7s %7s %9s %9s %6s   %s\n", d.Name, d.N, dnum(d.Median), dnum(d.P90), dnum(d.EmpMedian), dnum(d.EmpP90), dnum3(d.KS), sc)
	}
	if lg.Columns["wait"] < 0 {
		fmt.Fprintf(w, "(the log has no wait time: dispatch_delay includes any wait for a free unit, so it is too long where units were all busy)\n")
	}
	if sp := f.Speeds; sp != nil {
		fmt.Fprintf(w, "\nDrives, en route to at scene, against the network's quickest from the same base in the same band (%s drives)\n", thousands(sp.Drives))
		fmt.Fprintf(w, "  all classes   speed factor %.3f (95%% CI %.3f-%.3f): >1, the log drives faster than the network says\n", sp.Overall, sp.Low, sp.High)
		for _, c := range sp.Classes {
			fmt.Fprintf(w, "  %-13s speed factor %.3f (%.3f-%.3f), %s drives, %.0f predicted minutes\n", c.Class, c.Factor, c.Low, c.High, thousands(c.Calls), c.PredMin)
		}
		if f.ApplySpeeds {
			fmt.Fprintf(w, "  applied: fit.yaml sets emergency_factor to %.3f\n", s.Network.EmergencyFactor*sp.Overall)
		}
	} else if lg.Columns["station"] < 0 {
		fmt.Fprintf(w, "\n(no base column in the log (分站, 急救站): the drives cannot be checked against the network)\n")
	}
	fmt.Fprintf(w, "\nResponse as 120 centres measure it (minutes, from the log)\n")
	for _, p := range f.Parts {
		fmt.Fprintf(w, "  %-10s %-14s n %7s  median %6s  p90 %6s\n", p.Zh, p.Name, thousands(p.N), dnum(p.Median), dnum(p.P90))
	}
	fmt.Fprintf(w, "  (sim's dispatch delay is 受理 + 信息传递; its turnout is 出车; its drive is 道路行驶 on the network)\n")
}

func dnum(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func dnum3(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func joinInts(v []int, most int) string {
	var s []string
	for i, x := range v {
		if i == most {
			s = append(s, "...")
			break
		}
		s = append(s, strconv.Itoa(x))
	}
	return strings.Join(s, ", ")
}

func thousands(n int) string { return english.Sprintf("%d", n) }

var english = message.NewPrinter(language.English)

func maxOf(v []float64) float64 { return v[argmax(v)] }
func minOf(v []float64) float64 { return v[argmin(v)] }

func argmax(v []float64) int {
	b := 0
	for i := range v {
		if v[i] > v[b] {
			b = i
		}
	}
	return b
}

func argmin(v []float64) int {
	b := 0
	for i := range v {
		if v[i] < v[b] {
			b = i
		}
	}
	return b
}
