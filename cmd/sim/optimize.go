package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/emsplan/sim/sim/compare"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/scenario"
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
Without --keep-existing every ambulance goes to a chosen site and today's bases not chosen
are closed (set to 0). With --keep-existing today's bases stay open (one ambulance at
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

// optFlags are the flags of sim optimize.
type optFlags struct {
	model, candidates, candCRS, rule string
	sites, units, maxPerSite         int
	keep, simulate                   bool
	timeLimit                        time.Duration
	fs                               *pflag.FlagSet
}

func (o *optFlags) declare(fs *pflag.FlagSet) {
	o.fs = fs
	fs.StringVar(&o.model, "model", "", "location model: lscp, mclp, mexclp, pmedian or pcenter (required)")
	fs.IntVar(&o.sites, "sites", 0, "sites to open (mclp, pmedian, pcenter); with --keep-existing, new sites")
	fs.IntVar(&o.units, "units", 0, "ambulances in the fleet (mexclp: required; others: default today's fleet)")
	fs.StringVar(&o.candidates, "candidates", "", "candidate sites: health-centres, hospitals, stations, all-facilities, demand or a CSV/GeoJSON file")
	fs.StringVar(&o.candCRS, "candidates-crs", "wgs84", "coordinate system of the candidates file: wgs84, gcj02 (AMap) or bd09 (Baidu)")
	fs.BoolVar(&o.keep, "keep-existing", false, "keep today's ambulance bases (rule response) or health facilities (rule health) open")
	fs.StringVar(&o.rule, "rule", "response", "coverage rule: response (10/30-minute targets) or health (15-minute circle, new posts)")
	fs.IntVar(&o.maxPerSite, "max-per-site", 0, "most ambulances at one site (0: no limit)")
	fs.BoolVar(&o.simulate, "simulate", false, "simulate the proposal against the baseline on the same calls (paired comparison)")
	fs.DurationVar(&o.timeLimit, "time-limit", 0, "stop the search after this long and report the best found, its bound and gap (e.g. 30s; 0: none)")
}

// optRequest is a checked command line.
type optRequest struct {
	model         optimize.Model
	key           string // lscp, mclp, ...
	rule          coverage.Rule
	sites         int // --sites (new sites with --keep-existing); 0 if not given
	units         int // --units; 0 if not given
	unitsSet      bool
	candidates    string
	keep          bool
	maxPerSite    int
	timeLimit     time.Duration
	commandLine   string
	scenarioPath  string
	simulate      bool
	candidatesCRS string
}

var modelNames = map[string]optimize.Model{"lscp": optimize.ModelLSCP, "mclp": optimize.ModelMCLP,
	"mexclp": optimize.ModelMEXCLP, "pmedian": optimize.ModelPMedian, "p-median": optimize.ModelPMedian,
	"pcenter": optimize.ModelPCenter, "p-center": optimize.ModelPCenter}

// check turns the flags into a request, or a usage error.
func (o *optFlags) check(args []string) (*optRequest, error) {
	if len(args) != 1 {
		return nil, usagef("want one scenario file, got %d arguments", len(args))
	}
	key := strings.ToLower(strings.TrimSpace(o.model))
	m, ok := modelNames[key]
	switch {
	case o.model == "":
		return nil, usagef("--model is required: lscp, mclp, mexclp, pmedian or pcenter")
	case !ok:
		return nil, usagef("--model %q: want lscp, mclp, mexclp, pmedian or pcenter", o.model)
	}
	key = strings.ReplaceAll(key, "-", "")
	r := &optRequest{model: m, key: key, candidates: o.candidates, keep: o.keep, maxPerSite: o.maxPerSite,
		timeLimit: o.timeLimit, scenarioPath: args[0], simulate: o.simulate, candidatesCRS: o.candCRS}
	switch o.rule {
	case "response":
		r.rule = coverage.Response
	case "health":
		r.rule = coverage.Health
	default:
		return nil, usagef("--rule %q: want response or health", o.rule)
	}
	if r.rule == coverage.Health {
		r.key = "health-" + key // proposal-health-mclp.yaml beside proposal-mclp.yaml
	}
	sitesSet, unitsSet := o.fs.Changed("sites"), o.fs.Changed("units")
	switch {
	case sitesSet && o.sites < 1:
		return nil, usagef("--sites must be at least 1, got %d", o.sites)
	case unitsSet && o.units < 1:
		return nil, usagef("--units must be at least 1, got %d", o.units)
	case o.maxPerSite < 0:
		return nil, usagef("--max-per-site must be >= 0, got %d", o.maxPerSite)
	case o.timeLimit < 0:
		return nil, usagef("--time-limit must be >= 0, got %v", o.timeLimit)
	case m == optimize.ModelMEXCLP && sitesSet && unitsSet:
		return nil, usagef("mexclp places --units K ambulances and chooses the sites itself: give --units, not --sites")
	case m == optimize.ModelMEXCLP && !unitsSet:
		return nil, usagef("mexclp needs --units K, the ambulances to place (today's fleet, or more)")
	case m == optimize.ModelMEXCLP && sitesSet:
		return nil, usagef("mexclp chooses the sites itself: give --units K instead of --sites")
	case m == optimize.ModelLSCP && sitesSet:
		return nil, usagef("lscp finds the number of sites itself: leave out --sites")
	case m != optimize.ModelMEXCLP && m != optimize.ModelLSCP && !sitesSet:
		return nil, usagef("%s needs --sites N, the number of sites to open", key)
	case r.rule == coverage.Health && m == optimize.ModelMEXCLP:
		return nil, usagef("mexclp spreads ambulances: it needs --rule response")
	case r.rule == coverage.Health && unitsSet:
		return nil, usagef("--units spreads ambulances: it does not apply to --rule health (health posts)")
	}
	r.sites, r.units, r.unitsSet = o.sites, o.units, unitsSet
	if r.candidates == "" {
		r.candidates = "all-facilities"
		if r.rule == coverage.Health {
			r.candidates = "demand"
		}
	}
	// The command line, as written into the proposal's header.
	parts := []string{"sim optimize", shellWord(args[0])}
	o.fs.VisitAll(func(f *pflag.Flag) {
		if f.Changed {
			switch {
			case f.Value.Type() == "bool" && f.Value.String() == "true":
				parts = append(parts, "--"+f.Name)
			case f.Value.Type() == "bool":
				parts = append(parts, "--"+f.Name+"=false")
			default:
				parts = append(parts, "--"+f.Name, shellWord(f.Value.String()))
			}
		}
	})
	r.commandLine = strings.Join(parts, " ")
	return r, nil
}

// shellWord quotes s for a shell when it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// checkFigures rejects bad figure flags before anything is computed (the
// figures are drawn last).
func (f *outFlags) checkFigures() error {
	switch {
	case f.noFigures:
		return nil
	case f.lang != "" && f.lang != "zh" && f.lang != "en":
		return usagef("--lang must be zh or en, got %q", f.lang)
	case f.dpi < 50 || f.dpi > 1200:
		return usagef("--dpi must be between 50 and 1200, got %d", f.dpi)
	}
	return nil
}

// optRun is everything one invocation computes.
type optRun struct {
	req      *optRequest
	st       *model.Study // the baseline
	cs       *candidateSet
	mi       *matrixInfo
	prob     optimize.Problem
	res      *optimize.Result // the location model's answer (refined)
	alloc    *optimize.Result // the spread of the fleet over the chosen sites (response, not mexclp)
	busy     busyEstimate
	fleet    int // ambulances in the proposal
	today    int // ambulances today
	p        int // sites the model opens (fixed included); 0 for lscp
	solveDur time.Duration
	prop     *proposal
	yaml     []byte
	yamlRel  string // optimize/proposal-MODEL.yaml
	propSc   *scenario.Scenario
	propSt   *model.Study
	baseCov  *coverage.Result
	propCov  *coverage.Result
	baseData *report.RunData
	propData *report.RunData
}

func runOptimize(e *env, args []string, o *optFlags, of *outFlags, sf *simFlags) error {
	req, err := o.check(args)
	if err != nil {
		return err
	}
	if err := sf.check(); err != nil {
		return err
	}
	if err := of.checkFigures(); err != nil {
		return err
	}
	st, err := loadStudy(req.scenarioPath, e.stderr)
	if err != nil {
		return err
	}
	run := &optRun{req: req, st: st}
	if err := run.prepare(e, of); err != nil {
		return err
	}
	if err := run.solve(); err != nil {
		return err
	}
	out := of.dir(st)
	if err := run.propose(out); err != nil {
		return err
	}
	stage := func(stg *report.Staging) error { return run.write(e, stg, of) }
	if req.simulate {
		run.print(e.stdout, out)
		fmt.Fprintf(e.stdout, "\nSimulating the proposal against the baseline on the same calls...\n\n")
		opts := []compare.Option{
			{Name: "baseline", Title: st.Scenario.Name, TitleEn: st.Scenario.NameEn, Scenario: st.Scenario},
			{Name: "proposal", Title: run.prop.Changes.Title, TitleEn: run.prop.Changes.TitleEn, Scenario: run.propSc},
		}
		return runComparisonWith(e, opts, of, sf, stage)
	}
	wrote, err := writeOut(out, stage)
	if err != nil {
		return err
	}
	run.print(e.stdout, out)
	fmt.Fprintf(e.stdout, "\n%s\n", wrote)
	return nil
}

// prepare resolves the candidates, checks the sizes, builds (or reads) the
// coverage matrix and estimates the busy fraction.
func (run *optRun) prepare(e *env, of *outFlags) error {
	req, st := run.req, run.st
	cs, err := resolveCandidates(e, st, req.candidates, req.candidatesCRS, req.keep, req.rule)
	if err != nil {
		return err
	}
	run.cs = cs
	for _, f := range st.Scenario.Facilities {
		run.today += f.Ambulances
	}
	run.fleet = run.today
	if req.unitsSet {
		run.fleet = req.units
	}
	m, fixed := len(cs.List), len(cs.Fixed)
	if req.sites > 0 {
		run.p = req.sites + fixed
		if run.p > m {
			if fixed > 0 {
				return usagef("--sites %d with --keep-existing: only %d candidate sites besides today's %d (%s)", req.sites, m-fixed, fixed, cs.Label)
			}
			return usagef("--sites %d: only %d candidate sites (%s)", req.sites, m, cs.Label)
		}
	}
	if req.rule == coverage.Response {
		if run.p > run.fleet {
			return usagef("%d sites need at least %d ambulances (one each); the fleet is %d: give --units", run.p, run.p, run.fleet)
		}
		if fixed > run.fleet {
			return usagef("--keep-existing keeps %d bases with one ambulance at least; the fleet is %d", fixed, run.fleet)
		}
		if req.maxPerSite > 0 && req.maxPerSite*m < run.fleet {
			return usagef("--max-per-site %d x %d candidate sites holds fewer than the %d ambulances", req.maxPerSite, m, run.fleet)
		}
	}
	run.prob, run.mi, err = coverageMatrix(of.dir(st), cs, req.rule, req.keep)
	if err != nil {
		return err
	}
	run.baseCov = coverage.Compute(st)
	run.busy = estimateBusy(st, run.baseCov, run.fleet)
	return nil
}

// solve runs the model, breaks its ties, and spreads the fleet.
func (run *optRun) solve() error {
	req := run.req
	in, err := optimize.NewInstance(run.prob)
	if err != nil {
		return err
	}
	opt := optimize.Options{TimeLimit: req.timeLimit}
	t0 := time.Now()
	var r *optimize.Result
	switch req.model {
	case optimize.ModelLSCP:
		r, err = optimize.LSCP(in, opt)
	case optimize.ModelMCLP:
		r, err = optimize.MCLP(in, run.p, opt)
	case optimize.ModelPMedian:
		r, err = optimize.PMedian(in, run.p, opt)
	case optimize.ModelPCenter:
		r, err = optimize.PCenter(in, run.p, opt)
	case optimize.ModelMEXCLP:
		r, err = optimize.MEXCLP(in, optimize.Expected{Units: run.fleet, Busy: run.busy.Q, MaxPerSite: req.maxPerSite}, opt)
	}
	if err != nil {
		return err
	}
	if r, err = optimize.Refine(in, r, opt); err != nil {
		return err
	}
	run.res = r
	if req.rule == coverage.Response && req.model != optimize.ModelMEXCLP {
		if len(r.Sites) > run.fleet {
			return fmt.Errorf("%s opens %d sites but the fleet has %d ambulances: give --units %d or more", req.key, len(r.Sites), run.fleet, len(r.Sites))
		}
		run.alloc, err = optimize.Allocate(in, optimize.Allocation{Stations: r.Sites, Units: run.fleet, Busy: run.busy.Q,
			MinPerStation: 1, MaxPerStation: req.maxPerSite}, opt)
		if err != nil {
			return err
		}
	}
	run.solveDur = time.Since(t0)
	return nil
}

// units returns the ambulances (response) or 0/1 (health) per candidate.
func (run *optRun) units() []int {
	u := make([]int, len(run.cs.List))
	for k, j := range run.res.Sites {
		u[j] = 1
		if run.req.rule == coverage.Response {
			u[j] = run.res.Units[k]
		}
	}
	if run.alloc != nil {
		for j := range u {
			u[j] = run.alloc.UnitsAt(j)
		}
	}
	return u
}

// propose builds the proposal, writes its YAML into a check file beside
// where it will go, loads it as the planner will, and computes its static
// coverage on the baseline's network.
func (run *optRun) propose(out string) error {
	st, req := run.st, run.req
	s := st.Scenario
	title, titleEn := run.titles()
	run.prop = buildProposal(s, run.cs, run.units(), req.rule, title, titleEn)
	run.yamlRel = "optimize/proposal-" + req.key + ".yaml"
	dir := filepath.Join(out, "optimize")
	final := filepath.Join(dir, "proposal-"+req.key+".yaml")
	run.yaml = proposalYAML(s, run.prop, absDir(dir), "proposal-"+req.key, run.header(final))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".proposal-check-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(run.yaml)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	prop, ps, err := scenario.Load(f.Name())
	if err != nil {
		return fmt.Errorf("internal error: the proposal does not load:\n%v", ps)
	}
	abs, _ := filepath.Abs(final)
	prop.Path = abs
	for i := range prop.Inputs {
		if prop.Inputs[i].Path == f.Name() {
			prop.Inputs[i].Path = abs
		}
	}
	if err := sameDeployment(prop, s, run.prop); err != nil {
		return fmt.Errorf("internal error: the proposal file does not say what the model chose: %v", err)
	}
	run.propSc = prop
	pst, err := model.Build(prop, st.Net)
	var mps *scenario.Problems
	if errors.As(err, &mps) {
		return problemsError(mps)
	}
	if err != nil {
		return err
	}
	run.propSt = pst
	run.propCov = coverage.Compute(pst)
	run.baseData = report.NewRunData(st)
	run.baseData.SetCoverage(run.baseCov)
	run.propData = report.NewRunData(pst)
	run.propData.SetCoverage(run.propCov)
	return nil
}

func absDir(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return dir
}

// sameDeployment checks that the loaded proposal has the ambulances and the
// new facilities the changes say.
func sameDeployment(prop, base *scenario.Scenario, p *proposal) error {
	want := map[string]int{}
	for _, f := range base.Facilities {
		want[f.ID] = f.Ambulances
	}
	for _, sa := range p.Changes.SetAmbulances {
		want[sa.ID] = sa.Ambulances
	}
	for _, f := range p.Changes.AddFacilities {
		want[f.ID] = f.Ambulances
	}
	if len(prop.Facilities) != len(want) {
		return fmt.Errorf("%d facilities, want %d", len(prop.Facilities), len(want))
	}
	for _, f := range prop.Facilities {
		if w, ok := want[f.ID]; !ok || w != f.Ambulances {
			return fmt.Errorf("facility %s has %d ambulances, want %d", f.ID, f.Ambulances, w)
		}
	}
	return nil
}

// write stages the optimize files and the proposal's maps.
func (run *optRun) write(e *env, stg *report.Staging, of *outFlags) error {
	if err := stg.Write(run.yamlRel, func(w io.Writer) error { _, err := w.Write(run.yaml); return err }); err != nil {
		return err
	}
	if err := stg.Write("optimize/sites.csv", func(w io.Writer) error { return run.sitesTable().WriteCSV(w, of.bom) }); err != nil {
		return err
	}
	if err := stg.Write("optimize/summary.json", func(w io.Writer) error { return report.WriteJSON(w, run.summary()) }); err != nil {
		return err
	}
	if !run.mi.Cached {
		var buf bytes.Buffer
		if err := writeMatrix(&buf, run.mi.Key, run.prob.Times); err != nil {
			return err
		}
		if err := stg.Write(run.mi.File, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
	}
	if of.noFigures {
		return nil
	}
	fo, err := of.figureOptions(e, run.baseData)
	if err != nil {
		return err
	}
	title := run.prop.Changes.Title
	if fo.Lang == "en" {
		title = run.prop.Changes.TitleEn
	}
	figs := report.ProposalFigures(run.baseData, run.propData, report.Proposal{Name: run.req.key, Title: title,
		Health: run.req.rule == coverage.Health}, fo)
	_, err = report.RenderFigures(stg, figs, fo)
	return err
}
