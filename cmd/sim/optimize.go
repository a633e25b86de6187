package main

import (
	"errors"
	"fmt"

	"github.com/emsplan/sim/sim/compare"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/plan"
	"github.com/emsplan/sim/sim/report"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "optimize",
		args:  "SCENARIO.yaml --model M (--sites N | --units K) [flags]",
		short: "propose a better deployment with a location model, and prove it by simulation (--simulate)",
		long: `Chooses sites with a location model on a candidates x demand matrix built on the same clock as
'sim coverage' (rule response: dispatch and turnout medians, then the emergency drive in the
static band, against each place's 10/30-minute target; rule health: the 15-minute circle by
each zone's mode), writes the proposal as a scenario that extends the baseline, and prints
what it buys. With --simulate, the proposal is simulated against the baseline on the same
calls and the paired comparison is printed and written, as 'sim compare' does.

Models (rule response: the sites are ambulance bases):
  lscp     the fewest sites that put every place any candidate can reach in time within target
  mclp     --sites N: the most residents within target
  pmedian  --sites N: the least population-weighted static response (mean minutes)
  pcenter  --sites N: the least worst static response
  mexclp   --units K: the most residents covered in expectation when each ambulance is busy
           with probability q; several ambulances may share a site (Daskin 1983)
Ties (many site sets cover the same residents, or share the same worst time) go to the set
with the least population-weighted time.

The fleet stays today's unless --units says otherwise, and is spread over the chosen sites
(at least one each) to maximise expected coverage, as MEXCLP does on those sites only: so
'--model mclp --sites 42' places 42 bases with one of today's 42 ambulances each. The busy
fraction is estimated from the scenario:
  q = calls a year x busy minutes per call / ambulances / 525,600 minutes
  busy per call = turnout + 2 x drive + on scene + conveyance x (transport + handover)
(scenario means; drive: mean static drive from today's nearest base; transport: mean drive
from the scene to the nearest receiving hospital; handover shortened for 5G units).
Without --keep-existing the answer is drawn from scratch: every ambulance goes to a chosen site
and today's bases not chosen are closed (set to 0), the 120 centre and hospitals included; the
output says so above the proposal (a model answer, not a recommendation), and marks the chosen
sites that add no one given the others. With --keep-existing today's bases stay open (one ambulance at
least) and --sites N counts the new sites only: '--sites 5 --keep-existing' adds five.
--units is always the whole fleet.

Rule health: the sites are new health posts (tier village_clinic, or the candidates file's
tier); --keep-existing keeps today's health facilities (--sites then counts new posts), and
no facility is ever closed. mexclp and --units do not apply.

Candidates: health-centres (township, community and sub-centres), hospitals (county hospitals
and sub-centres), stations (today's bases), all-facilities, demand (every demand point, the
places new posts or stations could go), or a CSV/GeoJSON file of points (id, name, tier,
lon, lat...; --candidates-crs for AMap or Baidu coordinates). Default: all-facilities for
rule response, demand for rule health.

Bound and gap: the objective is what the chosen sites achieve; the bound is proven (no
deployment of the same size does better); gap = |bound - objective| / objective. A gap of 0
means proven optimal; otherwise the best solution found within the limits is reported.

Writes OUT/optimize/: proposal-MODEL.yaml (extends the baseline; passes 'sim validate'),
sites.csv, summary.json and the cached coverage matrix (matrix-*.bin, reused by the next run
on the same roads, network settings, static clock, candidates and demand), and the proposal's
maps in OUT/figures/ (optimize_map_MODEL, optimize_gainloss_MODEL).`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var o optFlags
			o.declare(fs)
			var of outFlags
			of.declare(fs)
			var sf simFlags
			sf.declare(fs)
			return func(e *env, args []string) error { return runOptimize(e, args, &o, &of, &sf) }
		},
	})
}

func runOptimize(e *env, args []string, o *optFlags, of *outFlags, sf *simFlags) error {
	req, err := o.request(args)
	if err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	if err := of.checkFigures(); err != nil {
		return err
	}
	st, err := loadStudy(args[0], e.stderr)
	if err != nil {
		return err
	}
	out := of.dir(st)
	p, err := plan.New(st, req, out)
	if err == nil {
		if p.Candidates.Warnings != nil {
			printWarnings(e.stderr, p.Candidates.Warnings)
		}
		if err = p.Solve(); err == nil {
			err = p.Propose(out)
		}
	}
	var re *plan.RequestError
	if errors.As(err, &re) {
		return usagef("%v", re)
	}
	if err != nil {
		return err
	}
	stage := func(stg *report.Staging) error {
		if err := p.WriteFiles(stg, of.bom); err != nil {
			return err
		}
		return proposalFigures(e, stg, of, p)
	}
	if o.simulate {
		printPlan(e.stdout, p, out)
		fmt.Fprintf(e.stdout, "\nSimulating the proposal against the baseline on the same calls...\n\n")
		opts := []compare.Option{
			{Name: "baseline", Title: st.Scenario.Name, TitleEn: st.Scenario.NameEn, Scenario: st.Scenario},
			{Name: "proposal", Title: p.Proposal.Changes.Title, TitleEn: p.Proposal.Changes.TitleEn, Scenario: p.ProposalScenario},
		}
		return runComparisonWith(e, opts, of, sf, stage)
	}
	wrote, err := writeOut(out, stage)
	if err != nil {
		return err
	}
	printPlan(e.stdout, p, out)
	fmt.Fprintf(e.stdout, "\n%s\n", wrote)
	return nil
}

// proposalFigures stages the proposal's maps unless --no-figures.
func proposalFigures(e *env, stg *report.Staging, of *outFlags, p *plan.Plan) error {
	if of.noFigures {
		return nil
	}
	fo, err := of.figureOptions(e, p.BaseData)
	if err != nil {
		return err
	}
	title := p.Proposal.Changes.Title
	if fo.Lang == "en" {
		title = p.Proposal.Changes.TitleEn
	}
	figs := report.ProposalFigures(p.BaseData, p.ProposalData, report.Proposal{Name: p.Request.Key(), Title: title,
		Health: p.Request.Rule == coverage.Health}, fo)
	_, err = report.RenderFigures(stg, figs, fo)
	return err
}
