package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/plan"
	"github.com/emsplan/sim/sim/report"
)

// printPlan writes the table a planner reads: the matrix, the model's
// answer, the chosen sites and what each adds, and static coverage against
// today.
func printPlan(w io.Writer, p *plan.Plan, out string) {
	r, req, s := p.Result, &p.Request, p.Study.Scenario
	fmt.Fprintf(w, "%s\n", s.Name)
	if line := report.Attribution(p.Study, ""); line != "" {
		fmt.Fprintf(w, "Road network: %s\n", line)
	}
	mi := p.Matrix
	what := fmt.Sprintf("%s candidate sites x %s demand points (%s)", thousands(p.Problem.Times.Rows), thousands(p.Problem.Times.Cols), p.Candidates.Label)
	if mi.Cached {
		fmt.Fprintf(w, "\nCoverage matrix: %s, read from the cache %s (same roads, network settings, static clock, candidates and demand) in %.2f s\n",
			what, filepath.ToSlash(filepath.Join(relPath(out), mi.File)), mi.Elapsed.Seconds())
	} else {
		note := ""
		if mi.Stale != "" {
			note = " (the cache there was " + mi.Stale + ")"
		}
		fmt.Fprintf(w, "\nCoverage matrix: %s, computed in %.2f s; cached in %s for the next run%s\n",
			what, mi.Elapsed.Seconds(), filepath.ToSlash(filepath.Join(relPath(out), mi.File)), note)
	}
	fmt.Fprintf(w, "Rule %s\n", p.RuleWords())
	if req.Rule == coverage.Response {
		b := p.Busy
		fmt.Fprintf(w, "Busy fraction q = %.4f: %s calls a year x %.1f min busy per call / %d ambulances / 525,600 min\n",
			b.Q, thousands(int(math.Round(b.CallsPerYear))), b.PerCall, b.Units)
		fmt.Fprintf(w, "  (busy per call = turnout %.1f + 2 x drive %.1f + on scene %.1f + conveyance %.2f x (transport %.1f + handover %.1f) min)\n",
			b.Turnout, b.Drive, b.OnScene, b.Conveyance, b.Transport, b.Handover)
		if b.Capped {
			fmt.Fprintf(w, "  warning: the formula gives more than %.2f: the fleet is overloaded; q capped\n", plan.MaxBusy)
		}
	}
	_, _, obj := p.Value(r.Objective)
	_, _, bound := p.Value(r.Bound)
	fmt.Fprintf(w, "\n%s\n", p.ModelWords())
	fmt.Fprintf(w, "  objective  %s\n  bound      %s\n  gap        %s\n  status     %s (%d nodes, %s iterations, %.1f s)\n",
		obj, bound, plan.FormatGap(r.Gap), r.Status, r.Nodes, thousands(r.Iterations), p.SolveTime.Seconds())
	if r.UncoverableWeight > 0 {
		fmt.Fprintf(w, "  %s residents at %d places no candidate reaches in time: left out of the model\n",
			thousands(int(math.Round(r.UncoverableWeight))), len(r.Uncoverable))
	}
	if a := p.Alloc; a != nil {
		fmt.Fprintf(w, "  fleet      %d ambulances (today %d) spread over the %d sites: %s residents covered in expectation (bound %s, gap %s)\n",
			p.Fleet, p.Today, len(r.Sites), plan.FormatCount(a.Objective), plan.FormatCount(a.Bound), plan.FormatGap(a.Gap))
	}
	printSites(w, p)
	fmt.Fprintf(w, "\nStatic coverage, today against the proposal (share of residents %s):\n", p.CircleWords())
	fmt.Fprintf(w, "  %-8s %9s %9s %9s", "zone", "today", "proposal", "change")
	if req.Rule == coverage.Response {
		fmt.Fprintf(w, "   mean static response")
	}
	fmt.Fprintln(w)
	for _, g := range p.Groups() {
		fmt.Fprintf(w, "  %-8s %8.1f%% %8.1f%% %+8.1f", g.Key, 100*g.Before, 100*g.After, 100*(g.After-g.Before))
		if req.Rule == coverage.Response {
			fmt.Fprintf(w, "   %s -> %s", fmtMin(g.MeanBefore), fmtMin(g.MeanAfter))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "(change in percentage points)\n")
	fmt.Fprintf(w, "\nProposal: %s (extends %s); check it with sim validate, simulate it with --simulate or sim compare.\n",
		filepath.ToSlash(filepath.Join(relPath(out), p.YAMLPath)), filepath.ToSlash(relPath(s.Path)))
}

// printSites lists the chosen sites, those the model chose first (most
// added first), then those kept, and the bases closed.
func printSites(w io.Writer, p *plan.Plan) {
	req, s := &p.Request, p.Study.Scenario
	rows := p.SiteRows()
	sort.SliceStable(rows, func(a, b int) bool {
		if rows[a].Fixed != rows[b].Fixed {
			return !rows[a].Fixed
		}
		return rows[a].Adds > rows[b].Adds
	})
	idw := 6
	for _, row := range rows {
		idw = max(idw, displayWidth(row.C.Site.ID))
	}
	const most = 50
	// What kind of answer this is, above the answer.
	if notice := p.Notice(); len(notice) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(notice, "\n"))
	}
	fmt.Fprintf(w, "\nChosen sites (%d), what each adds given the others:\n", len(rows))
	if req.Rule == coverage.Response {
		fmt.Fprintf(w, "  %s %s %s %s %5s %5s  %s\n", pad("id", idw), pad("name", 30), pad("tier", 16), pad("township", 12), "units", "today", "adds")
	} else {
		fmt.Fprintf(w, "  %s %s %s %s  %s\n", pad("id", idw), pad("name", 30), pad("tier", 16), pad("township", 12), "adds")
	}
	for i, row := range rows {
		if i == most {
			fmt.Fprintf(w, "  ... %d more in optimize/sites.csv\n", len(rows)-most)
			break
		}
		f := &row.C.Site
		tw := "-"
		if row.C.Place != nil {
			tw = row.C.Place.Name
		}
		var marks []string
		switch {
		case row.Fixed:
			marks = append(marks, "kept")
		case row.New:
			marks = append(marks, "new")
		}
		if row.AddsNothing && !row.Fixed {
			marks = append(marks, p.NothingWords())
		}
		mark := ""
		if len(marks) > 0 {
			mark = "  (" + strings.Join(marks, "; ") + ")"
		}
		add := plan.FormatCount(row.Adds) + " " + row.AddsUnit
		if strings.HasPrefix(row.AddsUnit, "min") {
			add = "+" + plan.FormatMinutes(row.Adds) + row.AddsUnit[3:]
		}
		if req.Rule == coverage.Response {
			fmt.Fprintf(w, "  %s %s %s %s %5d %5d  %s%s\n", pad(f.ID, idw), pad(clip(f.Name, 30), 30), pad(string(f.Tier), 16),
				pad(clip(tw, 12), 12), row.Units, row.Today, add, mark)
		} else {
			fmt.Fprintf(w, "  %s %s %s %s  %s%s\n", pad(f.ID, idw), pad(clip(f.Name, 30), 30), pad(string(f.Tier), 16), pad(clip(tw, 12), 12), add, mark)
		}
	}
	if len(p.Proposal.Closed) > 0 {
		var names []string
		for _, i := range p.Proposal.Closed {
			f := &s.Facilities[i]
			names = append(names, fmt.Sprintf("%s %s (%d)", f.ID, f.Name, f.Ambulances))
		}
		fmt.Fprintf(w, "Today's bases closed, their ambulances moved to the chosen sites: %s\n", strings.Join(names, ", "))
	}
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
