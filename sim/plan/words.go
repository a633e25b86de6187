package plan

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
)

// Titles returns the proposal's short title (zh, en), e.g.
// "MCLP，42 个站点，42 辆救护车" and "MCLP, 42 sites, 42 ambulances".
func (p *Plan) Titles() (string, string) {
	m := string(p.Request.Model)
	n := len(p.Result.Sites)
	if p.Request.Rule == coverage.Health {
		added := 0
		s := p.Study.Scenario
		for _, j := range p.Result.Sites {
			if c := p.Candidates.List[j]; c.Fac < 0 || !Existing(s, &s.Facilities[c.Fac], coverage.Health) {
				added++
			}
		}
		return fmt.Sprintf("%s，新设 %d 个卫生室", m, added), fmt.Sprintf("%s, %d new health posts", m, added)
	}
	return fmt.Sprintf("%s，%d 个站点，%d 辆救护车", m, n, p.Fleet), fmt.Sprintf("%s, %d sites, %d ambulances", m, n, p.Fleet)
}

// reached is the weight the time models average over: points some
// candidate reaches.
func (p *Plan) reached() float64 { return p.Result.Total - p.Result.UncoverableWeight }

// CircleWords names what "within" means under the rule: "within target" or
// "within the 15-minute health circle".
func (p *Plan) CircleWords() string {
	if p.Request.Rule == coverage.Health {
		return fmt.Sprintf("within the %g-minute health circle", p.Study.Scenario.HealthCircle.Minutes)
	}
	return "within target"
}

// Value converts a model value (an objective or bound in the solver's
// units: persons, person-seconds, seconds or sites) into planner units:
// the number, its unit, and a sentence.
func (p *Plan) Value(v float64) (float64, string, string) {
	switch p.Request.Model {
	case optimize.ModelLSCP:
		return v, "sites", fmt.Sprintf("%s sites", FormatCount(v))
	case optimize.ModelMCLP:
		return v, "residents " + p.CircleWords(), fmt.Sprintf("%s residents %s (%.2f%% of %s)", FormatCount(v),
			p.CircleWords(), 100*v/p.Result.Total, thousands(int(math.Round(p.Result.Total))))
	case optimize.ModelMEXCLP:
		return v, "residents covered in expectation", fmt.Sprintf("%s residents covered in expectation (%.2f%%), each ambulance busy with probability %.3f",
			FormatCount(v), 100*v/p.Result.Total, p.Busy.Q)
	case optimize.ModelPMedian:
		m := v / p.reached() / 60
		return m, "min, population-weighted mean " + p.timeWords(), fmt.Sprintf("mean %s %s", FormatMinutes(m), p.timeWords())
	}
	m := v / 60
	return m, "min, worst " + p.timeWords(), fmt.Sprintf("worst %s %s", FormatMinutes(m), p.timeWords())
}

func (p *Plan) timeWords() string {
	if p.Request.Rule == coverage.Health {
		return "to the nearest health facility"
	}
	return "static response"
}

// adds converts a site's Added into planner units.
func (p *Plan) adds(v float64) (float64, string) {
	switch p.Request.Model {
	case optimize.ModelLSCP, optimize.ModelMCLP:
		return v, "residents"
	case optimize.ModelMEXCLP:
		return v, "residents (expected)"
	case optimize.ModelPMedian:
		return v / p.reached() / 60, "min on the mean"
	}
	return v / 60, "min on the worst"
}

// FormatCount writes a count of persons or sites with thousands commas.
func FormatCount(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fmt.Sprint(v)
	}
	return thousands(int(math.Round(v)))
}

// FormatMinutes writes minutes with two decimals, "unreached" for +Inf.
func FormatMinutes(m float64) string {
	if math.IsInf(m, 1) {
		return "unreached"
	}
	return fmt.Sprintf("%.2f min", m)
}

// FormatGap writes a relative gap as a percentage.
func FormatGap(g float64) string {
	if math.IsInf(g, 1) {
		return "unknown (no solution value to compare with)"
	}
	return fmt.Sprintf("%.2f%%", 100*g)
}

// Header is the proposal file's comment header (without the "# "), final
// being the path the file is written to.
func (p *Plan) Header(final string) []string {
	req, r, s := &p.Request, p.Result, p.Study.Scenario
	_, _, obj := p.Value(r.Objective)
	_, _, bound := p.Value(r.Bound)
	h := []string{"sim optimize: a proposed deployment, generated; check it with: sim validate " + filepath.ToSlash(req.show(final))}
	if req.CommandLine != "" {
		h = append(h, "command:    "+req.CommandLine)
	}
	h = append(h,
		"model:      "+p.ModelWords(),
		"rule:       "+p.RuleWords(),
		fmt.Sprintf("candidates: %s, %d sites; today's sites kept open: %v", p.Candidates.Label, len(p.Candidates.List), yesNo(req.KeepExisting)),
		"objective:  "+obj,
		"bound:      "+bound+" (no deployment of this size does better)",
		"gap:        "+FormatGap(r.Gap),
		fmt.Sprintf("status:     %s (%d nodes, %d iterations)", r.Status, r.Nodes, r.Iterations),
	)
	if req.Rule == coverage.Response {
		b := p.Busy
		how := "spread over the chosen sites for the most expected coverage"
		if req.Model == optimize.ModelMEXCLP {
			how = "placed by the model"
		}
		h = append(h, fmt.Sprintf("fleet:      %d ambulances (today %d) on %d sites, %s,", p.Fleet, p.Today, len(r.Sites), how),
			fmt.Sprintf("            busy fraction q = %.4f = %s calls a year x %.1f min per call / %d ambulances / 525,600 min",
				b.Q, thousands(int(math.Round(b.CallsPerYear))), b.PerCall, b.Units))
	}
	h = append(h, "simulate:   sim compare "+ShellWord(filepath.ToSlash(req.show(s.Path)))+" "+ShellWord(filepath.ToSlash(req.show(final))))
	return h
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// ModelWords says in a sentence what the model chose, e.g. "MCLP: the most
// residents within target with 42 sites".
func (p *Plan) ModelWords() string {
	sites := fmt.Sprintf("%d sites", p.P)
	if k := len(p.Candidates.Fixed); k > 0 {
		sites = fmt.Sprintf("%d new sites besides today's %d", p.P-k, k)
	}
	switch p.Request.Model {
	case optimize.ModelLSCP:
		return "LSCP: the fewest sites with every place any candidate reaches in time " + p.CircleWords()
	case optimize.ModelMCLP:
		return fmt.Sprintf("MCLP: the most residents %s with %s", p.CircleWords(), sites)
	case optimize.ModelMEXCLP:
		return fmt.Sprintf("MEXCLP: the most residents covered in expectation by %d ambulances", p.Fleet)
	case optimize.ModelPMedian:
		return fmt.Sprintf("p-median: the least population-weighted mean %s with %s", p.timeWords(), sites)
	}
	return fmt.Sprintf("p-center: the least worst %s with %s", p.timeWords(), sites)
}

// RuleWords says in a sentence what the rule measures.
func (p *Plan) RuleWords() string {
	s := p.Study.Scenario
	if p.Request.Rule == coverage.Health {
		return fmt.Sprintf("health: every resident within %g minutes of a health facility (walk or drive by zone)", s.HealthCircle.Minutes)
	}
	nw := &s.Network
	return fmt.Sprintf("response: 10/30-minute targets on the static clock (%.1f min dispatch + %.1f min turnout, emergency speeds, %s band)",
		model.Median(s.Simulation.DispatchDelay), model.Median(s.Simulation.Turnout), nw.Bands[nw.StaticBand].Name)
}

// ShellWord quotes s for a POSIX shell when it needs it.
func ShellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// thousands formats n with commas: 1234567 -> "1,234,567".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
