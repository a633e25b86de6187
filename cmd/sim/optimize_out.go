package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/report"
)

// titles returns the proposal's short title (zh, en), e.g. "MCLP，42 个站点，42 辆救护车".
func (run *optRun) titles() (string, string) {
	m := string(run.req.model)
	n := len(run.res.Sites)
	if run.req.rule == coverage.Health {
		added := 0
		s := run.st.Scenario
		for _, j := range run.res.Sites {
			if c := run.cs.List[j]; c.Fac < 0 || !existing(s, &s.Facilities[c.Fac], coverage.Health) {
				added++
			}
		}
		return fmt.Sprintf("%s，新设 %d 个卫生室", m, added), fmt.Sprintf("%s, %d new health posts", m, added)
	}
	return fmt.Sprintf("%s，%d 个站点，%d 辆救护车", m, n, run.fleet), fmt.Sprintf("%s, %d sites, %d ambulances", m, n, run.fleet)
}

// reached is the weight the time models average over: points some
// candidate reaches.
func (run *optRun) reached() float64 { return run.res.Total - run.res.UncoverableWeight }

// circleWords names what "within" means under the rule.
func (run *optRun) circleWords() string {
	if run.req.rule == coverage.Health {
		return fmt.Sprintf("within the %g-minute health circle", run.st.Scenario.HealthCircle.Minutes)
	}
	return "within target"
}

// planner converts a model value (objective or bound) into planner units:
// the number, its unit, and a sentence.
func (run *optRun) planner(v float64) (float64, string, string) {
	switch run.req.model {
	case optimize.ModelLSCP:
		return v, "sites", fmt.Sprintf("%s sites", fmtCount(v))
	case optimize.ModelMCLP:
		return v, "residents " + run.circleWords(), fmt.Sprintf("%s residents %s (%.2f%% of %s)", fmtCount(v),
			run.circleWords(), 100*v/run.res.Total, thousands(int(math.Round(run.res.Total))))
	case optimize.ModelMEXCLP:
		return v, "residents covered in expectation", fmt.Sprintf("%s residents covered in expectation (%.2f%%), each ambulance busy with probability %.3f",
			fmtCount(v), 100*v/run.res.Total, run.busy.Q)
	case optimize.ModelPMedian:
		m := v / run.reached() / 60
		return m, "min, population-weighted mean " + run.timeWords(), fmt.Sprintf("mean %s %s", fmtMinutes(m), run.timeWords())
	}
	m := v / 60
	return m, "min, worst " + run.timeWords(), fmt.Sprintf("worst %s %s", fmtMinutes(m), run.timeWords())
}

func (run *optRun) timeWords() string {
	if run.req.rule == coverage.Health {
		return "to the nearest health facility"
	}
	return "static response"
}

// adds converts a site's Added into planner units.
func (run *optRun) adds(v float64) (float64, string) {
	switch run.req.model {
	case optimize.ModelLSCP, optimize.ModelMCLP:
		return v, "residents"
	case optimize.ModelMEXCLP:
		return v, "residents (expected)"
	case optimize.ModelPMedian:
		return v / run.reached() / 60, "min on the mean"
	}
	return v / 60, "min on the worst"
}

func fmtCount(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fmt.Sprint(v)
	}
	return thousands(int(math.Round(v)))
}

func fmtMinutes(m float64) string {
	if math.IsInf(m, 1) {
		return "unreached"
	}
	return fmt.Sprintf("%.2f min", m)
}

func fmtGap(g float64) string {
	if math.IsInf(g, 1) {
		return "unknown (no solution value to compare with)"
	}
	return fmt.Sprintf("%.2f%%", 100*g)
}

// header is the proposal file's comment header.
func (run *optRun) header(final string) []string {
	req, r, s := run.req, run.res, run.st.Scenario
	_, _, obj := run.planner(r.Objective)
	_, _, bound := run.planner(r.Bound)
	h := []string{
		"sim optimize: a proposed deployment, generated; check it with: sim validate " + filepath.ToSlash(relPath(final)),
		"command:    " + req.commandLine,
		"model:      " + run.modelWords(),
		"rule:       " + run.ruleWords(),
		fmt.Sprintf("candidates: %s, %d sites; today's sites kept open: %v", run.cs.Label, len(run.cs.List), yesNo(req.keep)),
		"objective:  " + obj,
		"bound:      " + bound + " (no deployment of this size does better)",
		"gap:        " + fmtGap(r.Gap),
		fmt.Sprintf("status:     %s (%d nodes, %d iterations)", r.Status, r.Nodes, r.Iterations),
	}
	if req.rule == coverage.Response {
		b := run.busy
		how := "spread over the chosen sites for the most expected coverage"
		if req.model == optimize.ModelMEXCLP {
			how = "placed by the model"
		}
		h = append(h, fmt.Sprintf("fleet:      %d ambulances (today %d) on %d sites, %s,", run.fleet, run.today, len(r.Sites), how),
			fmt.Sprintf("            busy fraction q = %.4f = %s calls a year x %.1f min per call / %d ambulances / 525,600 min",
				b.Q, thousands(int(math.Round(b.CallsPerYear))), b.PerCall, b.Units))
	}
	h = append(h, "simulate:   sim compare "+shellWord(filepath.ToSlash(relPath(s.Path)))+" "+shellWord(filepath.ToSlash(relPath(final))))
	return h
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (run *optRun) modelWords() string {
	sites := fmt.Sprintf("%d sites", run.p)
	if k := len(run.cs.Fixed); k > 0 {
		sites = fmt.Sprintf("%d new sites besides today's %d", run.p-k, k)
	}
	switch run.req.model {
	case optimize.ModelLSCP:
		return "LSCP: the fewest sites with every place any candidate reaches in time " + run.circleWords()
	case optimize.ModelMCLP:
		return fmt.Sprintf("MCLP: the most residents %s with %s", run.circleWords(), sites)
	case optimize.ModelMEXCLP:
		return fmt.Sprintf("MEXCLP: the most residents covered in expectation by %d ambulances", run.fleet)
	case optimize.ModelPMedian:
		return fmt.Sprintf("p-median: the least population-weighted mean %s with %s", run.timeWords(), sites)
	}
	return fmt.Sprintf("p-center: the least worst %s with %s", run.timeWords(), sites)
}

func (run *optRun) ruleWords() string {
	s := run.st.Scenario
	if run.req.rule == coverage.Health {
		return fmt.Sprintf("health: every resident within %g minutes of a health facility (walk or drive by zone)", s.HealthCircle.Minutes)
	}
	nw := &s.Network
	return fmt.Sprintf("response: 10/30-minute targets on the static clock (%.1f min dispatch + %.1f min turnout, emergency speeds, %s band)",
		model.Median(s.Simulation.DispatchDelay), model.Median(s.Simulation.Turnout), nw.Bands[nw.StaticBand].Name)
}

// siteRow is one chosen site for the table and sites.csv.
type siteRow struct {
	c          *candidate
	units      int
	today      int
	adds       float64
	addsUnit   string
	fixed, new bool
}

func (run *optRun) siteRows() []siteRow {
	u := run.units()
	var rows []siteRow
	for k, j := range run.res.Sites {
		c := &run.cs.List[j]
		a, unit := run.adds(run.res.Added[k])
		row := siteRow{c: c, units: u[j], adds: a, addsUnit: unit, fixed: c.Fixed}
		if c.Fac >= 0 {
			row.today = run.st.Scenario.Facilities[c.Fac].Ambulances
			row.new = run.req.rule == coverage.Health && !existing(run.st.Scenario, &run.st.Scenario.Facilities[c.Fac], coverage.Health)
		} else {
			row.new = true
		}
		rows = append(rows, row)
	}
	return rows
}

// sitesTable is optimize/sites.csv: the chosen sites in candidate order.
func (run *optRun) sitesTable() *report.Table {
	t := &report.Table{Header: []string{"id", "name", "name_en", "tier", "township_code", "township", "lon", "lat",
		"units", "units_today", "fixed", "new", "adds", "adds_unit"}}
	for _, r := range run.siteRows() {
		f := &r.c.Site
		tw := ""
		if r.c.Place != nil {
			tw = r.c.Place.Name
		}
		units, today := any(r.units), any(r.today)
		if run.req.rule == coverage.Health {
			units, today = "", ""
		}
		prec := 0
		if strings.HasPrefix(r.addsUnit, "min") {
			prec = 3
		}
		t.Add(f.ID, f.Name, f.NameEn, string(f.Tier), f.TownshipCode, tw, report.N(f.Point[0], 7), report.N(f.Point[1], 7),
			units, today, r.fixed, r.new, report.N(r.adds, prec), r.addsUnit)
	}
	return t
}

// JSON of optimize/summary.json.
type (
	optSummary struct {
		Scenario       string     `json:"scenario"`
		Model          string     `json:"model"`
		Rule           string     `json:"rule"`
		Candidates     string     `json:"candidates"`
		CandidateSites int        `json:"candidate_sites"`
		KeepExisting   bool       `json:"keep_existing"`
		FixedSites     int        `json:"fixed_sites"`
		P              int        `json:"p,omitempty"`
		Sites          int        `json:"sites"`
		NewSites       int        `json:"new_sites"`
		Units          int        `json:"units,omitempty"`
		UnitsToday     int        `json:"units_today,omitempty"`
		Busy           *busyJSON  `json:"busy_fraction,omitempty"`
		Objective      valueJSON  `json:"objective"`
		Bound          valueJSON  `json:"bound"`
		Gap            report.Num `json:"gap"`
		Optimal        bool       `json:"optimal"`
		Status         string     `json:"status"`
		Iterations     int        `json:"iterations"`
		Nodes          int        `json:"nodes"`
		Uncoverable    report.Num `json:"uncoverable_residents"`
		Allocation     *allocJSON `json:"allocation,omitempty"`
		Static         staticJSON `json:"static"`
		Closed         []string   `json:"closed_bases,omitempty"`
		Proposal       string     `json:"proposal"`
		Matrix         matrixJSON `json:"matrix"`
	}
	valueJSON struct {
		Value  report.Num `json:"value"`
		Unit   string     `json:"unit"`
		Solver report.Num `json:"solver"` // in the solver's units (persons, person-seconds, seconds, sites)
	}
	busyJSON struct {
		Q            report.Num `json:"q"`
		Formula      string     `json:"formula"`
		CallsPerYear report.Num `json:"calls_per_year"`
		PerCallMin   report.Num `json:"busy_min_per_call"`
		TurnoutMin   report.Num `json:"turnout_min"`
		DriveMin     report.Num `json:"drive_min"`
		OnSceneMin   report.Num `json:"on_scene_min"`
		Conveyance   report.Num `json:"conveyance"`
		TransportMin report.Num `json:"transport_min"`
		HandoverMin  report.Num `json:"handover_min"`
		Capped       bool       `json:"capped"`
	}
	allocJSON struct {
		Expected report.Num `json:"expected_covered"`
		Bound    report.Num `json:"bound"`
		Gap      report.Num `json:"gap"`
		Status   string     `json:"status"`
	}
	staticJSON struct {
		Measure  string                `json:"measure"`
		Baseline map[string]report.Num `json:"baseline"`
		Proposal map[string]report.Num `json:"proposal"`
	}
	matrixJSON struct {
		File string `json:"file"`
		Key  string `json:"key"`
		Rows int    `json:"candidates"`
		Cols int    `json:"demand_points"`
	}
)

func (run *optRun) summary() *optSummary {
	r, req := run.res, run.req
	ov, unit, _ := run.planner(r.Objective)
	bv, _, _ := run.planner(r.Bound)
	prec := 0
	if strings.HasPrefix(unit, "min") {
		prec = 3
	}
	sm := &optSummary{Scenario: filepath.Base(run.st.Scenario.Path), Model: string(req.model),
		Rule: req.rule.String(), Candidates: run.cs.Label, CandidateSites: len(run.cs.List), KeepExisting: req.keep,
		FixedSites: len(run.cs.Fixed), P: run.p, Sites: len(r.Sites), NewSites: len(r.Sites) - len(run.cs.Fixed),
		Objective: valueJSON{report.N(ov, prec), unit, report.N(r.Objective, 3)},
		Bound:     valueJSON{report.N(bv, prec), unit, report.N(r.Bound, 3)},
		Gap:       report.N(r.Gap, 6), Optimal: r.Optimal, Status: r.Status.String(), Iterations: r.Iterations, Nodes: r.Nodes,
		Uncoverable: report.N(r.UncoverableWeight, 0), Proposal: run.yamlRel,
		Matrix: matrixJSON{File: run.mi.File, Key: run.mi.Key, Rows: run.prob.Times.Rows, Cols: run.prob.Times.Cols},
	}
	if req.rule == coverage.Response {
		b := run.busy
		sm.Units, sm.UnitsToday = run.fleet, run.today
		sm.Busy = &busyJSON{Q: report.N(b.Q, 4), Formula: "calls a year x busy minutes per call / ambulances / 525,600; busy per call = turnout + 2 x drive + on scene + conveyance x (transport + handover)",
			CallsPerYear: report.N(b.CallsPerYear, 0), PerCallMin: report.N(b.PerCall, 2), TurnoutMin: report.N(b.Turnout, 2),
			DriveMin: report.N(b.Drive, 2), OnSceneMin: report.N(b.OnScene, 2), Conveyance: report.N(b.Conveyance, 3),
			TransportMin: report.N(b.Transport, 2), HandoverMin: report.N(b.Handover, 2), Capped: b.Capped}
		for _, i := range run.prop.Closed {
			sm.Closed = append(sm.Closed, run.st.Scenario.Facilities[i].ID)
		}
	}
	if a := run.alloc; a != nil {
		sm.Allocation = &allocJSON{Expected: report.N(a.Objective, 1), Bound: report.N(a.Bound, 1), Gap: report.N(a.Gap, 6), Status: a.Status.String()}
	}
	sm.Static = staticJSON{Measure: "share of residents " + run.circleWords(), Baseline: map[string]report.Num{}, Proposal: map[string]report.Num{}}
	for _, g := range run.groups() {
		sm.Static.Baseline[g.key] = report.N(g.before, 4)
		sm.Static.Proposal[g.key] = report.N(g.after, 4)
	}
	return sm
}

type groupShare struct {
	key           string
	before, after float64
	meanBefore    float64 // seconds (response only)
	meanAfter     float64
}

// groups are the static shares by zone class and for all, today and proposed.
func (run *optRun) groups() []groupShare {
	share := func(g *coverage.Group) float64 {
		if run.req.rule == coverage.Health {
			return g.HealthShare()
		}
		return g.Share()
	}
	var out []groupShare
	b, p := run.baseCov, run.propCov
	for i := range b.Classes {
		out = append(out, groupShare{b.Classes[i].Key, share(&b.Classes[i]), share(&p.Classes[i]), b.Classes[i].MeanTime, p.Classes[i].MeanTime})
	}
	return append(out, groupShare{"all", share(&b.Total), share(&p.Total), b.Total.MeanTime, p.Total.MeanTime})
}

// print writes the table a planner reads: the matrix, the model's answer,
// the chosen sites and what each adds, and static coverage against today.
func (run *optRun) print(w io.Writer, out string) {
	r, req, s := run.res, run.req, run.st.Scenario
	fmt.Fprintf(w, "%s\n", s.Name)
	if line := report.Attribution(run.st, ""); line != "" {
		fmt.Fprintf(w, "Road network: %s\n", line)
	}
	mi := run.mi
	what := fmt.Sprintf("%s candidate sites x %s demand points (%s)", thousands(run.prob.Times.Rows), thousands(run.prob.Times.Cols), run.cs.Label)
	if mi.Cached {
		fmt.Fprintf(w, "\nCoverage matrix: %s, read from the cache %s (same roads, network settings, static clock, candidates and demand) in %.2f s\n",
			what, filepath.ToSlash(filepath.Join(relPath(out), mi.File)), mi.Elapsed.Seconds())
	} else {
		note := ""
		if mi.stale != "" {
			note = " (the cache there was " + mi.stale + ")"
		}
		fmt.Fprintf(w, "\nCoverage matrix: %s, computed in %.2f s; cached in %s for the next run%s\n",
			what, mi.Elapsed.Seconds(), filepath.ToSlash(filepath.Join(relPath(out), mi.File)), note)
	}
	fmt.Fprintf(w, "Rule %s\n", run.ruleWords())
	if req.rule == coverage.Response {
		b := run.busy
		fmt.Fprintf(w, "Busy fraction q = %.4f: %s calls a year x %.1f min busy per call / %d ambulances / 525,600 min\n",
			b.Q, thousands(int(math.Round(b.CallsPerYear))), b.PerCall, b.Units)
		fmt.Fprintf(w, "  (busy per call = turnout %.1f + 2 x drive %.1f + on scene %.1f + conveyance %.2f x (transport %.1f + handover %.1f) min)\n",
			b.Turnout, b.Drive, b.OnScene, b.Conveyance, b.Transport, b.Handover)
		if b.Capped {
			fmt.Fprintf(w, "  warning: the formula gives more than %.2f: the fleet is overloaded; q capped\n", maxBusy)
		}
	}
	_, _, obj := run.planner(r.Objective)
	_, _, bound := run.planner(r.Bound)
	fmt.Fprintf(w, "\n%s\n", run.modelWords())
	fmt.Fprintf(w, "  objective  %s\n  bound      %s\n  gap        %s\n  status     %s (%d nodes, %s iterations, %.1f s)\n",
		obj, bound, fmtGap(r.Gap), r.Status, r.Nodes, thousands(r.Iterations), run.solveDur.Seconds())
	if r.UncoverableWeight > 0 {
		fmt.Fprintf(w, "  %s residents at %d places no candidate reaches in time: left out of the model\n",
			thousands(int(math.Round(r.UncoverableWeight))), len(r.Uncoverable))
	}
	if a := run.alloc; a != nil {
		fmt.Fprintf(w, "  fleet      %d ambulances (today %d) spread over the %d sites: %s residents covered in expectation (bound %s, gap %s)\n",
			run.fleet, run.today, len(r.Sites), fmtCount(a.Objective), fmtCount(a.Bound), fmtGap(a.Gap))
	}
	rows := run.siteRows()
	// The sites the model chose first (most added first), then those kept.
	sort.SliceStable(rows, func(a, b int) bool {
		if rows[a].fixed != rows[b].fixed {
			return !rows[a].fixed
		}
		return rows[a].adds > rows[b].adds
	})
	idw := 6
	for _, row := range rows {
		idw = max(idw, displayWidth(row.c.Site.ID))
	}
	const most = 50
	fmt.Fprintf(w, "\nChosen sites (%d), what each adds given the others:\n", len(rows))
	if req.rule == coverage.Response {
		fmt.Fprintf(w, "  %s %s %s %s %5s %5s  %s\n", pad("id", idw), pad("name", 30), pad("tier", 16), pad("township", 12), "units", "today", "adds")
	} else {
		fmt.Fprintf(w, "  %s %s %s %s  %s\n", pad("id", idw), pad("name", 30), pad("tier", 16), pad("township", 12), "adds")
	}
	for i, row := range rows {
		if i == most {
			fmt.Fprintf(w, "  ... %d more in optimize/sites.csv\n", len(rows)-most)
			break
		}
		f := &row.c.Site
		tw := "-"
		if row.c.Place != nil {
			tw = row.c.Place.Name
		}
		mark := ""
		switch {
		case row.fixed:
			mark = "  (kept)"
		case row.new:
			mark = "  (new)"
		}
		add := fmtCount(row.adds) + " " + row.addsUnit
		if strings.HasPrefix(row.addsUnit, "min") {
			add = "+" + fmtMinutes(row.adds) + row.addsUnit[3:]
		}
		if req.rule == coverage.Response {
			fmt.Fprintf(w, "  %s %s %s %s %5d %5d  %s%s\n", pad(f.ID, idw), pad(clip(f.Name, 30), 30), pad(string(f.Tier), 16),
				pad(clip(tw, 12), 12), row.units, row.today, add, mark)
		} else {
			fmt.Fprintf(w, "  %s %s %s %s  %s%s\n", pad(f.ID, idw), pad(clip(f.Name, 30), 30), pad(string(f.Tier), 16), pad(clip(tw, 12), 12), add, mark)
		}
	}
	if len(run.prop.Closed) > 0 {
		var names []string
		for _, i := range run.prop.Closed {
			f := &s.Facilities[i]
			names = append(names, fmt.Sprintf("%s %s (%d)", f.ID, f.Name, f.Ambulances))
		}
		fmt.Fprintf(w, "Today's bases closed, their ambulances moved to the chosen sites: %s\n", strings.Join(names, ", "))
	}
	fmt.Fprintf(w, "\nStatic coverage, today against the proposal (share of residents %s):\n", run.circleWords())
	fmt.Fprintf(w, "  %-8s %9s %9s %9s", "zone", "today", "proposal", "change")
	if req.rule == coverage.Response {
		fmt.Fprintf(w, "   mean static response")
	}
	fmt.Fprintln(w)
	for _, g := range run.groups() {
		fmt.Fprintf(w, "  %-8s %8.1f%% %8.1f%% %+8.1f", g.key, 100*g.before, 100*g.after, 100*(g.after-g.before))
		if req.rule == coverage.Response {
			fmt.Fprintf(w, "   %s -> %s", fmtMin(g.meanBefore), fmtMin(g.meanAfter))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "(change in percentage points)\n")
	fmt.Fprintf(w, "\nProposal: %s (extends %s); check it with sim validate, simulate it with --simulate or sim compare.\n",
		filepath.ToSlash(filepath.Join(relPath(out), run.yamlRel)), filepath.ToSlash(relPath(s.Path)))
}

// clip shortens s to at most width display columns.
func clip(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && displayWidth(string(r))+1 > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
