package plan

import (
	"math"
	"path/filepath"
	"strings"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/report"
)

// SiteRow is one chosen site, for a table and sites.csv.
type SiteRow struct {
	C        *Candidate
	Units    int     // ambulances there in the proposal (Response)
	Today    int     // ambulances there today
	Adds     float64 // what the site adds given the others, in AddsUnit
	AddsUnit string  // "residents", "min on the mean", ...
	Fixed    bool    // kept open (KeepExisting)
	New      bool    // not one of today's sites of the rule's kind
	// AddsNothing: the site adds no one (counts, rounded to a resident)
	// or saves no time (under 0.005 min) given the other sites.
	AddsNothing bool
}

// SiteRows returns the chosen sites in candidate order.
func (p *Plan) SiteRows() []SiteRow {
	u := p.Units()
	s := p.Study.Scenario
	var rows []SiteRow
	for k, j := range p.Result.Sites {
		c := &p.Candidates.List[j]
		a, unit := p.adds(p.Result.Added[k])
		row := SiteRow{C: c, Units: u[j], Adds: a, AddsUnit: unit, Fixed: c.Fixed}
		if p.timeModel() {
			row.AddsNothing = math.Abs(a) < 0.005
		} else {
			row.AddsNothing = math.Round(a) == 0
		}
		if c.Fac >= 0 {
			row.Today = s.Facilities[c.Fac].Ambulances
			row.New = p.Request.Rule == coverage.Health && !Existing(s, &s.Facilities[c.Fac], coverage.Health)
		} else {
			row.New = true
		}
		rows = append(rows, row)
	}
	return rows
}

// SitesTable is optimize/sites.csv: the chosen sites in candidate order.
func (p *Plan) SitesTable() *report.Table {
	t := &report.Table{Header: []string{"id", "name", "name_en", "tier", "township_code", "township", "lon", "lat",
		"units", "units_today", "fixed", "new", "adds", "adds_unit", "adds_nothing"}}
	for _, r := range p.SiteRows() {
		f := &r.C.Site
		tw := ""
		if r.C.Place != nil {
			tw = r.C.Place.Name
		}
		units, today := any(r.Units), any(r.Today)
		if p.Request.Rule == coverage.Health {
			units, today = "", ""
		}
		prec := 0
		if strings.HasPrefix(r.AddsUnit, "min") {
			prec = 3
		}
		t.Add(f.ID, f.Name, f.NameEn, string(f.Tier), f.TownshipCode, tw, report.N(f.Point[0], 7), report.N(f.Point[1], 7),
			units, today, r.Fixed, r.New, report.N(r.Adds, prec), r.AddsUnit, r.AddsNothing)
	}
	return t
}

// Summary is optimize/summary.json.
type Summary struct {
	Scenario       string `json:"scenario"`
	Model          string `json:"model"`
	Rule           string `json:"rule"`
	Candidates     string `json:"candidates"`
	CandidateSites int    `json:"candidate_sites"`
	KeepExisting   bool   `json:"keep_existing"`
	// FromScratch: the model ignored today's sites (no keep_existing);
	// Notice says what that means, in the words the terminal prints.
	FromScratch bool   `json:"from_scratch"`
	Notice      string `json:"notice,omitempty"`
	FixedSites  int    `json:"fixed_sites"`
	P           int    `json:"p,omitempty"`
	Sites       int    `json:"sites"`
	NewSites    int    `json:"new_sites"`
	// SitesAddingNothing counts the chosen sites (kept ones aside) that
	// add no one, or save no time, given the others.
	SitesAddingNothing int        `json:"sites_adding_nothing"`
	Units              int        `json:"units,omitempty"`
	UnitsToday         int        `json:"units_today,omitempty"`
	Busy               *BusyJSON  `json:"busy_fraction,omitempty"`
	Objective          ValueJSON  `json:"objective"`
	Bound              ValueJSON  `json:"bound"`
	Gap                report.Num `json:"gap"`
	Optimal            bool       `json:"optimal"`
	Status             string     `json:"status"`
	Iterations         int        `json:"iterations"`
	Nodes              int        `json:"nodes"`
	Uncoverable        report.Num `json:"uncoverable_residents"`
	Allocation         *AllocJSON `json:"allocation,omitempty"`
	Static             StaticJSON `json:"static"`
	Closed             []string   `json:"closed_bases,omitempty"`
	Proposal           string     `json:"proposal"`
	Matrix             MatrixJSON `json:"matrix"`
}

// ValueJSON is an objective or bound in planner units and the solver's.
type ValueJSON struct {
	Value  report.Num `json:"value"`
	Unit   string     `json:"unit"`
	Solver report.Num `json:"solver"` // in the solver's units (persons, person-seconds, seconds, sites)
}

// BusyJSON is the busy fraction and the terms of its formula.
type BusyJSON struct {
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

// AllocJSON is the spread of the fleet over the chosen sites.
type AllocJSON struct {
	Expected report.Num `json:"expected_covered"`
	Bound    report.Num `json:"bound"`
	Gap      report.Num `json:"gap"`
	Status   string     `json:"status"`
}

// StaticJSON is static coverage by zone class, today and proposed.
type StaticJSON struct {
	Measure  string                `json:"measure"`
	Baseline map[string]report.Num `json:"baseline"`
	Proposal map[string]report.Num `json:"proposal"`
}

// MatrixJSON names the matrix cache.
type MatrixJSON struct {
	File string `json:"file"`
	Key  string `json:"key"`
	Rows int    `json:"candidates"`
	Cols int    `json:"demand_points"`
}

// Summary returns optimize/summary.json.
func (p *Plan) Summary() *Summary {
	r, req := p.Result, &p.Request
	ov, unit, _ := p.Value(r.Objective)
	bv, _, _ := p.Value(r.Bound)
	prec := 0
	if strings.HasPrefix(unit, "min") {
		prec = 3
	}
	sm := &Summary{Scenario: filepath.Base(p.Study.Scenario.Path), Model: string(req.Model),
		Rule: req.Rule.String(), Candidates: p.Candidates.Label, CandidateSites: len(p.Candidates.List), KeepExisting: req.KeepExisting,
		FixedSites: len(p.Candidates.Fixed), P: p.P, Sites: len(r.Sites), NewSites: len(r.Sites) - len(p.Candidates.Fixed),
		Objective: ValueJSON{report.N(ov, prec), unit, report.N(r.Objective, 3)},
		Bound:     ValueJSON{report.N(bv, prec), unit, report.N(r.Bound, 3)},
		Gap:       report.N(r.Gap, 6), Optimal: r.Optimal, Status: r.Status.String(), Iterations: r.Iterations, Nodes: r.Nodes,
		Uncoverable: report.N(r.UncoverableWeight, 0), Proposal: p.YAMLPath,
		FromScratch: p.FromScratch(), Notice: strings.Join(p.Notice(), " "),
		Matrix: MatrixJSON{File: p.Matrix.File, Key: p.Matrix.Key, Rows: p.Problem.Times.Rows, Cols: p.Problem.Times.Cols},
	}
	for _, row := range p.SiteRows() {
		if row.AddsNothing && !row.Fixed {
			sm.SitesAddingNothing++
		}
	}
	if req.Rule == coverage.Response {
		b := p.Busy
		sm.Units, sm.UnitsToday = p.Fleet, p.Today
		sm.Busy = &BusyJSON{Q: report.N(b.Q, 4), Formula: "calls a year x busy minutes per call / ambulances / 525,600; busy per call = turnout + 2 x drive + on scene + conveyance x (transport + handover)",
			CallsPerYear: report.N(b.CallsPerYear, 0), PerCallMin: report.N(b.PerCall, 2), TurnoutMin: report.N(b.Turnout, 2),
			DriveMin: report.N(b.Drive, 2), OnSceneMin: report.N(b.OnScene, 2), Conveyance: report.N(b.Conveyance, 3),
			TransportMin: report.N(b.Transport, 2), HandoverMin: report.N(b.Handover, 2), Capped: b.Capped}
		for _, i := range p.Proposal.Closed {
			sm.Closed = append(sm.Closed, p.Study.Scenario.Facilities[i].ID)
		}
	}
	if a := p.Alloc; a != nil {
		sm.Allocation = &AllocJSON{Expected: report.N(a.Objective, 1), Bound: report.N(a.Bound, 1), Gap: report.N(a.Gap, 6), Status: a.Status.String()}
	}
	sm.Static = StaticJSON{Measure: "share of residents " + p.CircleWords(), Baseline: map[string]report.Num{}, Proposal: map[string]report.Num{}}
	for _, g := range p.Groups() {
		sm.Static.Baseline[g.Key] = report.N(g.Before, 4)
		sm.Static.Proposal[g.Key] = report.N(g.After, 4)
	}
	return sm
}

// GroupShare is the static share of one zone class (or "all") today and
// in the proposal.
type GroupShare struct {
	Key           string
	Before, After float64 // shares of residents within target (or the circle)
	MeanBefore    float64 // mean static response, seconds (Response only)
	MeanAfter     float64
}

// Groups are the static shares by zone class and for all, today and proposed.
func (p *Plan) Groups() []GroupShare {
	share := func(g *coverage.Group) float64 {
		if p.Request.Rule == coverage.Health {
			return g.HealthShare()
		}
		return g.Share()
	}
	var out []GroupShare
	b, q := p.BaseCoverage, p.ProposalCoverage
	for i := range b.Classes {
		out = append(out, GroupShare{b.Classes[i].Key, share(&b.Classes[i]), share(&q.Classes[i]), b.Classes[i].MeanTime, q.Classes[i].MeanTime})
	}
	return append(out, GroupShare{"all", share(&b.Total), share(&q.Total), b.Total.MeanTime, q.Total.MeanTime})
}
