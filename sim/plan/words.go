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
	"github.com/emsplan/sim/sim/scenario"
)

// Titles returns the proposal's short title (zh, en), e.g.
// "MCLP（从零布局），42 个站点，42 辆救护车" and "MCLP from scratch, 42
// sites, 42 ambulances": a from-scratch answer says so in its title, which
// names the proposal in the comparison, the report and the maps.
func (p *Plan) Titles() (string, string) {
	m := string(p.Request.Model)
	zh, en := m+"，", m+", "
	if p.FromScratch() {
		zh, en = m+"（从零布局），", m+" from scratch, "
	}
	n := len(p.Result.Sites)
	if p.Request.Rule == coverage.Health {
		added := p.newSites()
		return fmt.Sprintf("%s新设 %d 个卫生室", zh, added), fmt.Sprintf("%s%d new health posts", en, added)
	}
	return fmt.Sprintf("%s%d 个站点，%d 辆救护车", zh, n, p.Fleet), fmt.Sprintf("%s%d sites, %d ambulances", en, n, p.Fleet)
}

// newSites counts the chosen sites that are not one of today's health
// facilities (Health) or not a facility at all (Response).
func (p *Plan) newSites() int {
	added := 0
	s := p.Study.Scenario
	for _, j := range p.Result.Sites {
		if c := p.Candidates.List[j]; c.Fac < 0 || p.Request.Rule == coverage.Health && !Existing(s, &s.Facilities[c.Fac], coverage.Health) {
			added++
		}
	}
	return added
}

// FromScratch reports whether the model ignored today's sites
// (KeepExisting not set): under the response rule it was free to close any
// of today's bases, under the health rule it placed posts as if there were
// no health facility today.
func (p *Plan) FromScratch() bool { return !p.Request.KeepExisting }

// Notice says in plain sentences (one a line, in English) what kind of
// answer the proposal is, for the terminal, the proposal's header and
// summary.json, above the proposal itself: a from-scratch answer is a model
// answer, not a recommendation, and says how to keep today's sites; chosen
// sites that add nothing given the others are counted. Nil when there is
// nothing to say.
func (p *Plan) Notice() []string {
	var n []string
	s := p.Study.Scenario
	if p.FromScratch() && p.Request.Rule == coverage.Response {
		bases, units, closedUnits := 0, 0, 0
		for _, f := range s.Facilities {
			if f.Ambulances > 0 {
				bases, units = bases+1, units+f.Ambulances
			}
		}
		for _, i := range p.Proposal.Closed {
			closedUnits += s.Facilities[i].Ambulances
		}
		n = append(n, "FROM SCRATCH: a model answer, not a recommendation. The model ignored today's bases and was free to close any of them.")
		if k := len(p.Proposal.Closed); k > 0 {
			n = append(n, fmt.Sprintf("It closes %d of today's %d bases (with %d of today's %d ambulances)%s.", k, bases, closedUnits, units, p.closedNotable()))
		} else {
			n = append(n, fmt.Sprintf("It happens to keep all of today's %d bases.", bases))
		}
		n = append(n, "To keep today's bases open and add to them, run again with --keep-existing (--sites then counts the new sites).")
	}
	if p.FromScratch() && p.Request.Rule == coverage.Health {
		n = append(n, "FROM SCRATCH: a model answer, not a recommendation. The model placed the new posts as if there were no health facility today;",
			"the proposal adds them beside today's facilities, so some may duplicate what those already reach.",
			"To place posts where today's facilities do not reach, run again with --keep-existing (--sites then counts the new posts).")
	}
	if !p.FromScratch() && p.Request.Rule == coverage.Response {
		units := p.Units()
		lose, moved := 0, 0
		for c, cd := range p.Candidates.List {
			if cd.Fixed && units[c] < s.Facilities[cd.Fac].Ambulances {
				lose, moved = lose+1, moved+s.Facilities[cd.Fac].Ambulances-units[c]
			}
		}
		if lose > 0 {
			n = append(n, fmt.Sprintf("Today's bases stay open, but the fleet is spread anew over all sites for the most expected coverage: %d of today's bases give up %d ambulances (each keeps one at least).", lose, moved))
		}
	}
	chosen, idle := 0, 0
	for _, r := range p.SiteRows() {
		if !r.Fixed {
			chosen++
			if r.AddsNothing {
				idle++
			}
		}
	}
	if idle > 0 {
		what := "add no one"
		if p.timeModel() {
			what = "save no time"
		}
		if idle == 1 {
			what = p.NothingWords()
		}
		why := ""
		if p.Request.Sites > 0 {
			why = fmt.Sprintf(" they are open because --sites asked for %d, and fewer sites may do as well", p.Request.Sites)
			if p.Request.Model == optimize.ModelMCLP {
				why += " (--model lscp finds the fewest that reach everyone reachable)"
			}
			why = ":" + why
		}
		n = append(n, fmt.Sprintf("%d of the %d sites the model chose %s given the other sites (marked \"%s\")%s.", idle, chosen, what, p.NothingWords(), why))
	}
	return n
}

// closedNotable names the closed bases a planner would not expect to close
// (county hospitals, sub-centres and bases of three ambulances or more),
// as ", among them A, B" ("" if none).
func (p *Plan) closedNotable() string {
	s := p.Study.Scenario
	var names []string
	for _, i := range p.Proposal.Closed {
		f := &s.Facilities[i]
		if f.Tier == scenario.CountyHospital || f.Tier == scenario.SubCentre || f.Ambulances >= 3 {
			name := f.NameEn
			if name == "" {
				name = f.Name
			}
			names = append(names, name)
		}
	}
	switch {
	case len(names) == 0:
		return ""
	case len(names) > 4:
		return ", among them " + strings.Join(names[:4], ", ") + fmt.Sprintf(" and %d more", len(names)-4)
	}
	return ", among them " + strings.Join(names, ", ")
}

// timeModel reports whether the model's values are times (p-median,
// p-center) rather than counts.
func (p *Plan) timeModel() bool {
	return p.Request.Model == optimize.ModelPMedian || p.Request.Model == optimize.ModelPCenter
}

// NothingWords is the mark of a site that adds nothing given the others:
// "adds no one" or, for the time models, "saves no time".
func (p *Plan) NothingWords() string {
	if p.timeModel() {
		return "saves no time"
	}
	return "adds no one"
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
	kind := "a proposed deployment, generated"
	if p.FromScratch() {
		kind = "a model answer, generated"
	}
	h := []string{"sim optimize: " + kind + "; check it with: sim validate " + filepath.ToSlash(req.show(final))}
	h = append(h, p.Notice()...)
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
	sites := fmt.Sprintf("%d site%s", p.P, plural(p.P))
	if k := len(p.Candidates.Fixed); k > 0 {
		sites = fmt.Sprintf("%d new site%s besides today's %d", p.P-k, plural(p.P-k), k)
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
