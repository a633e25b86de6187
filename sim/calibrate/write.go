package calibrate

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/scenario"
)

// scenarioDurations are the fitted durations a scenario takes.
var scenarioDurations = []string{"dispatch_delay", "turnout", "on_scene", "handover"}

// minFit is the fewest positive durations a fit is written from.
const minFit = 30

// WriteFragment writes a scenario that extends base (path as the fragment
// should name it) with the fitted parameters under simulation: the rate,
// the profiles, the durations with enough data, the priority and condition
// shares when the log's names are the scenario's, and the conveyance. What
// it leaves as the base has is said in comments.
func (f *Fit) WriteFragment(w io.Writer, s *scenario.Scenario, base string) error {
	b := &strings.Builder{}
	lg := f.Log
	fmt.Fprintf(b, "# Fitted by sim calibrate from %s: %d calls over %.1f days", lg.File, len(lg.Calls), f.Days)
	if !lg.Origin.IsZero() {
		fmt.Fprintf(b, " (clock from %s)", lg.Origin.Format("2006-01-02"))
	}
	fmt.Fprintf(b, ".\n# %d rows read, %d dropped (calibrate/rejected.csv says why). Run it with sim run; compare it\n", lg.Rows, lg.Rows-len(lg.Calls))
	fmt.Fprintf(b, "# with the base by sim compare %s THIS_FILE.\n", base)
	fmt.Fprintf(b, "extends: %s\nname: %s\nname_en: %s\n", strconv.Quote(base), strconv.Quote(s.Name+"（按呼叫记录校准）"), strconv.Quote(s.NameEn+" (calibrated to the call log)"))
	if sp := f.Speeds; sp != nil {
		ef := s.Network.EmergencyFactor * sp.Overall
		if f.ApplySpeeds {
			fmt.Fprintf(b, "changes:\n  emergency_factor: %s   # the base's %s x %s, the log's drives against the network's (%d drives)\n",
				num(ef), num(s.Network.EmergencyFactor), num(sp.Overall), sp.Drives)
		} else {
			fmt.Fprintf(b, "# The log's drives are %s x the network's speed (95%% CI %s-%s, %d drives); to apply it:\n# changes: {emergency_factor: %s}\n",
				num(sp.Overall), num(sp.Low), num(sp.High), sp.Drives, num(ef))
		}
	}
	fmt.Fprintf(b, "simulation:\n")
	fmt.Fprintf(b, "  calls_per_1000_per_year: %s   # 95%% CI %s-%s (Poisson)\n", num(f.RatePer1000), num(f.RateLow), num(f.RateHigh))
	fmt.Fprintf(b, "  hourly_profile: [%s]\n", list(f.Hourly[:]))
	if f.WeeklyFit {
		fmt.Fprintf(b, "  weekly_profile: [%s]   # Monday..Sunday\n", list(f.Weekly[:]))
	} else {
		fmt.Fprintf(b, "  # weekly_profile: the log covers %.1f days, less than two weeks: kept as the base has it\n", f.Days)
	}
	if names := shareNames(f.Priorities); len(names) > 0 && sameNames(names, priorityNames(s)) {
		fmt.Fprintf(b, "  priorities:\n")
		for _, p := range fixSum(f.Priorities) {
			fmt.Fprintf(b, "    - {name: %s, share: %s}\n", strconv.Quote(p.Name), num(p.Share))
		}
	} else if len(names) > 0 {
		fmt.Fprintf(b, "  # priorities: the log's names (%s) are not the scenario's (%s): map them, then set the shares (calibrate/summary.json)\n",
			strings.Join(names, ", "), strings.Join(priorityNames(s), ", "))
	}
	if names := shareNames(f.Conditions); len(names) > 0 && sameNames(names, conditionNames(s)) {
		fmt.Fprintf(b, "  conditions:\n")
		for _, c := range fixSum(f.Conditions) {
			sc := s.Simulation.Conditions[indexCondition(s, c.Name)]
			fmt.Fprintf(b, "    - {name: %s, share: %s", strconv.Quote(c.Name), num(c.Share))
			if sc.Needs != "" {
				fmt.Fprintf(b, ", needs: %s", sc.Needs)
			}
			if sc.TargetMin > 0 {
				fmt.Fprintf(b, ", target_min: %s", num(sc.TargetMin))
			}
			if sc.Conveyance >= 0 {
				fmt.Fprintf(b, ", conveyance: %s", num(sc.Conveyance))
			}
			fmt.Fprintf(b, "}\n")
		}
	} else if len(names) > 0 {
		fmt.Fprintf(b, "  # conditions: the log's names are not the scenario's: see calibrate/summary.json\n")
	}
	if !math.IsNaN(f.Conveyance.Share) && f.Conveyance.Count > 0 {
		fmt.Fprintf(b, "  conveyance: %s   # share of attended calls with an at-hospital time\n", num(f.Conveyance.Share))
	}
	fmt.Fprintf(b, "  durations:\n")
	for _, d := range f.Durations {
		if !contains(scenarioDurations, d.Name) {
			continue
		}
		if d.N < minFit || !(d.Sigma > 0) {
			fmt.Fprintf(b, "    # %s: %d calls with both times: kept as the base has it\n", d.Name, d.N)
			continue
		}
		fmt.Fprintf(b, "    %s: {dist: lognormal, median: %s, p90: %s}   # n %d, KS %.3f\n", d.Name, num(d.Median), num(d.P90), d.N, d.KS)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func num(v float64) string { return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64) }

func list(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64)
	}
	return strings.Join(s, ", ")
}

// fixSum rounds the shares to four decimals and puts the rounding's
// remainder on the largest, so the shares written sum to 1 exactly.
func fixSum(in []Share) []Share {
	out := append([]Share(nil), in...)
	sum, big := 0.0, 0
	for i := range out {
		out[i].Share = math.Round(out[i].Share*1e4) / 1e4
		sum += out[i].Share
		if out[i].Share > out[big].Share {
			big = i
		}
	}
	out[big].Share = math.Round((out[big].Share+1-sum)*1e4) / 1e4
	return out
}

func shareNames(s []Share) []string {
	var out []string
	for _, x := range s {
		out = append(out, x.Name)
	}
	return out
}

func priorityNames(s *scenario.Scenario) []string {
	var out []string
	for _, p := range s.Simulation.Priorities {
		out = append(out, p.Name)
	}
	return out
}

func conditionNames(s *scenario.Scenario) []string {
	var out []string
	for _, c := range s.Simulation.Conditions {
		out = append(out, c.Name)
	}
	return out
}

func indexCondition(s *scenario.Scenario, name string) int {
	for i, c := range s.Simulation.Conditions {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// sameNames reports whether every name of a is among b's.
func sameNames(a, b []string) bool {
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// WriteJSON writes the whole fit (NaN written as null).
func (f *Fit) WriteJSON(w io.Writer) error {
	type dur struct {
		Name, From, To string
		N              int
		Mu, Sigma      *float64
		Median, P90    *float64
		EmpMedian      *float64 `json:"EmpiricalMedian"`
		EmpP90         *float64 `json:"EmpiricalP90"`
		KS             *float64
	}
	var ds []dur
	for _, d := range f.Durations {
		ds = append(ds, dur{d.Name, d.From, d.To, d.N, fin(d.Mu), fin(d.Sigma), fin(d.Median), fin(d.P90), fin(d.EmpMedian), fin(d.EmpP90), fin(d.KS)})
	}
	var rej []Rejection
	rej = append(rej, f.Log.Rejected...)
	out := map[string]any{
		"log": f.Log.File, "rows": f.Log.Rows, "calls": len(f.Log.Calls), "rejected": rej, "days": f.Days,
		"population": f.Population, "calls_located": f.Located,
		"calls_per_1000_per_year": map[string]any{"value": fin(f.RatePer1000), "ci95": []*float64{fin(f.RateLow), fin(f.RateHigh)}},
		"urban_share_of_calls":    f.Urban, "urban_share_of_population": f.UrbanPop,
		"hourly_profile": f.Hourly, "weekly_profile": f.Weekly, "weekly_fitted": f.WeeklyFit,
		"priorities": f.Priorities, "conditions": f.Conditions, "durations": ds, "townships": f.Townships,
		"response_parts": f.Parts,
	}
	if sp := f.Speeds; sp != nil {
		var cl []map[string]any
		for _, c := range sp.Classes {
			cl = append(cl, map[string]any{"class": c.Class, "drives": c.Calls, "predicted_min": c.PredMin, "factor": fin(c.Factor), "ci95": []*float64{fin(c.Low), fin(c.High)}})
		}
		out["speed_correction"] = map[string]any{"drives": sp.Drives, "overall": fin(sp.Overall), "ci95": []*float64{fin(sp.Low), fin(sp.High)}, "by_class": cl, "applied": f.ApplySpeeds}
	}
	b, err := json.MarshalIndent(sanitize(out), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func fin(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// sanitize replaces NaN fields of the shares and parts by zero-free nulls
// through a JSON round trip of their own types.
func sanitize(v map[string]any) map[string]any {
	fix := func(x float64) any {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	}
	shares := func(s []Share) []map[string]any {
		var out []map[string]any
		for _, x := range s {
			out = append(out, map[string]any{"name": x.Name, "count": x.Count, "share": fix(x.Share), "ci95": []any{fix(x.Low), fix(x.High)}})
		}
		return out
	}
	v["priorities"] = shares(v["priorities"].([]Share))
	v["conditions"] = shares(v["conditions"].([]Share))
	u := v["urban_share_of_calls"].(Share)
	v["urban_share_of_calls"] = map[string]any{"count": u.Count, "share": fix(u.Share), "ci95": []any{fix(u.Low), fix(u.High)}}
	var ps []map[string]any
	for _, p := range v["response_parts"].([]Part) {
		ps = append(ps, map[string]any{"part": p.Name, "zh": p.Zh, "from": p.From, "to": p.To, "n": p.N, "median": fix(p.Median), "p90": fix(p.P90)})
	}
	v["response_parts"] = ps
	var ts []map[string]any
	for _, t := range v["townships"].([]TownshipRate) {
		ts = append(ts, map[string]any{"code": t.Code, "name": t.Name, "population": t.Population, "calls": t.Calls,
			"expected": fix(t.Expected), "ratio": fix(t.Ratio), "ci95": []any{fix(t.Low), fix(t.High)}, "differs": t.Differs})
	}
	v["townships"] = ts
	return v
}

// WriteRejected writes one row per rejected reason and line listed.
func (f *Fit) WriteRejected(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"reason", "rows", "first_lines"})
	for _, r := range f.Log.Rejected {
		var ls []string
		for _, l := range r.Lines {
			ls = append(ls, strconv.Itoa(l))
		}
		cw.Write([]string{r.Reason, strconv.Itoa(r.Count), strings.Join(ls, " ")})
	}
	cw.Flush()
	return cw.Error()
}
