package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/scenario"
)

// Plan is one optimisation of a study: the candidates, their coverage
// matrix, the model's answer, the fleet spread over it, and the proposal
// as a scenario with its static coverage beside today's. Make it with New,
// then call Solve and Propose (or Run for all three).
type Plan struct {
	Request    Request
	Study      *model.Study // the baseline
	Candidates *CandidateSet
	Matrix     *MatrixInfo
	Problem    optimize.Problem
	Busy       Busy // Response: the estimated busy fraction of the fleet
	Fleet      int  // ambulances in the proposal
	Today      int  // ambulances today
	P          int  // sites the model opens (fixed included); 0 for LSCP and MEXCLP

	Result    *optimize.Result // the location model's answer (refined)
	Alloc     *optimize.Result // the spread of the fleet over the chosen sites (Response, not MEXCLP)
	SolveTime time.Duration

	Proposal         *Proposal
	YAML             []byte // the proposal file
	YAMLPath         string // optimize/proposal-KEY.yaml, relative to the output folder
	ProposalScenario *scenario.Scenario
	ProposalStudy    *model.Study
	BaseCoverage     *coverage.Result
	ProposalCoverage *coverage.Result
	BaseData         *report.RunData // the baseline's coverage, for figures and reports
	ProposalData     *report.RunData // the proposal's
}

// Run checks the request, prepares, solves and proposes, with the cache
// and the proposal in the output folder out (see New, Solve and Propose).
func Run(st *model.Study, req Request, out string) (*Plan, error) {
	p, err := New(st, req, out)
	if err != nil {
		return nil, err
	}
	if err := p.Solve(); err != nil {
		return nil, err
	}
	if err := p.Propose(out); err != nil {
		return nil, err
	}
	return p, nil
}

// New checks the request against the study, resolves the candidates,
// builds the coverage matrix (or reads it from the cache in the output
// folder out) and estimates the busy fraction. A request the study cannot
// satisfy (more sites than candidates, fewer ambulances than sites) is a
// *RequestError.
func New(st *model.Study, req Request, out string) (*Plan, error) {
	if err := req.Check(); err != nil {
		return nil, err
	}
	cs, err := Candidates(st, req.candidates(), req.CandidatesCRS, req.KeepExisting, req.Rule)
	if err != nil {
		return nil, err
	}
	p := &Plan{Request: req, Study: st, Candidates: cs}
	for _, f := range st.Scenario.Facilities {
		p.Today += f.Ambulances
	}
	p.Fleet = p.Today
	if req.Units > 0 {
		p.Fleet = req.Units
	}
	m, fixed := len(cs.List), len(cs.Fixed)
	if req.Sites > 0 {
		p.P = req.Sites + fixed
		if p.P > m {
			if fixed > 0 {
				return nil, requestf("--sites %d with --keep-existing: only %d candidate sites besides today's %d (%s)", req.Sites, m-fixed, fixed, cs.Label)
			}
			return nil, requestf("--sites %d: only %d candidate sites (%s)", req.Sites, m, cs.Label)
		}
	}
	if req.Rule == coverage.Response {
		if p.P > p.Fleet {
			return nil, requestf("%d sites need at least %d ambulances (one each); the fleet is %d: give --units", p.P, p.P, p.Fleet)
		}
		if fixed > p.Fleet {
			return nil, requestf("--keep-existing keeps %d bases with one ambulance at least; the fleet is %d", fixed, p.Fleet)
		}
		if req.MaxPerSite > 0 && req.MaxPerSite*m < p.Fleet {
			return nil, requestf("--max-per-site %d x %d candidate sites holds fewer than the %d ambulances", req.MaxPerSite, m, p.Fleet)
		}
	}
	p.Problem, p.Matrix, err = CoverageMatrix(out, cs, req.Rule, req.KeepExisting)
	if err != nil {
		return nil, err
	}
	p.BaseCoverage = coverage.Compute(st)
	p.Busy = EstimateBusy(st, p.BaseCoverage, p.Fleet)
	return p, nil
}

// Solve runs the model, breaks its ties (optimize.Refine), and spreads the
// fleet over the chosen sites (Response, except MEXCLP which places it).
func (p *Plan) Solve() error {
	req := &p.Request
	in, err := optimize.NewInstance(p.Problem)
	if err != nil {
		return err
	}
	opt := optimize.Options{TimeLimit: req.TimeLimit}
	t0 := time.Now()
	var r *optimize.Result
	switch req.Model {
	case optimize.ModelLSCP:
		r, err = optimize.LSCP(in, opt)
	case optimize.ModelMCLP:
		r, err = optimize.MCLP(in, p.P, opt)
	case optimize.ModelPMedian:
		r, err = optimize.PMedian(in, p.P, opt)
	case optimize.ModelPCenter:
		r, err = optimize.PCenter(in, p.P, opt)
	case optimize.ModelMEXCLP:
		r, err = optimize.MEXCLP(in, optimize.Expected{Units: p.Fleet, Busy: p.Busy.Q, MaxPerSite: req.MaxPerSite}, opt)
	}
	if err != nil {
		return err
	}
	if r, err = optimize.Refine(in, r, opt); err != nil {
		return err
	}
	p.Result = r
	if req.Rule == coverage.Response && req.Model != optimize.ModelMEXCLP {
		if len(r.Sites) > p.Fleet {
			return fmt.Errorf("%s opens %d sites but the fleet has %d ambulances: give --units %d or more", req.Key(), len(r.Sites), p.Fleet, len(r.Sites))
		}
		p.Alloc, err = optimize.Allocate(in, optimize.Allocation{Stations: r.Sites, Units: p.Fleet, Busy: p.Busy.Q,
			MinPerStation: 1, MaxPerStation: req.MaxPerSite}, opt)
		if err != nil {
			return err
		}
	}
	p.SolveTime = time.Since(t0)
	return nil
}

// Units returns the ambulances (Response) or 0/1 (Health) per candidate.
func (p *Plan) Units() []int {
	u := make([]int, len(p.Candidates.List))
	for k, j := range p.Result.Sites {
		u[j] = 1
		if p.Request.Rule == coverage.Response {
			u[j] = p.Result.Units[k]
		}
	}
	if p.Alloc != nil {
		for j := range u {
			u[j] = p.Alloc.UnitsAt(j)
		}
	}
	return u
}

// Propose builds the proposal, writes its YAML into a check file in
// out/optimize (removed again), loads it as the planner will, checks that
// it holds what the model chose, and computes its static coverage on the
// baseline's network. The proposal file itself is written by WriteFiles.
func (p *Plan) Propose(out string) error {
	st, req := p.Study, &p.Request
	s := st.Scenario
	title, titleEn := p.Titles()
	p.Proposal = BuildProposal(s, p.Candidates, p.Units(), req.Rule, title, titleEn)
	// Mark the sites that add nothing, by the id they have in the file.
	idle := map[int]bool{} // candidate index
	for k, r := range p.SiteRows() {
		idle[p.Result.Sites[k]] = r.AddsNothing && !r.Fixed
	}
	mark := func(id string) {
		if p.Proposal.Marks == nil {
			p.Proposal.Marks = map[string]string{}
		}
		p.Proposal.Marks[id] = p.NothingWords() + " given the other sites"
	}
	for c, ok := range idle {
		if f := p.Candidates.List[c].Fac; ok && f >= 0 {
			mark(s.Facilities[f].ID)
		}
	}
	for i, c := range p.Proposal.Added {
		if idle[c] {
			mark(p.Proposal.Changes.AddFacilities[i].ID)
		}
	}
	p.YAMLPath = "optimize/proposal-" + req.Key() + ".yaml"
	dir := filepath.Join(out, "optimize")
	final := filepath.Join(dir, "proposal-"+req.Key()+".yaml")
	p.YAML = ProposalYAML(s, p.Proposal, absDir(dir), "proposal-"+req.Key(), p.Header(final))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".proposal-check-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(p.YAML)
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
	if err := sameDeployment(prop, s, p.Proposal); err != nil {
		return fmt.Errorf("internal error: the proposal file does not say what the model chose: %v", err)
	}
	p.ProposalScenario = prop
	pst, err := model.Build(prop, st.Net)
	var mps *scenario.Problems
	if errors.As(err, &mps) {
		errs := mps.Errors()
		return fmt.Errorf("the scenario has %d error%s:\n%v", len(errs), plural(len(errs)), mps)
	}
	if err != nil {
		return err
	}
	p.ProposalStudy = pst
	p.ProposalCoverage = coverage.Compute(pst)
	p.BaseData = report.NewRunData(st)
	p.BaseData.SetCoverage(p.BaseCoverage)
	p.ProposalData = report.NewRunData(pst)
	p.ProposalData.SetCoverage(p.ProposalCoverage)
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
func sameDeployment(prop, base *scenario.Scenario, p *Proposal) error {
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

// WriteFiles stages the optimize files: the proposal, sites.csv (with a
// UTF-8 byte-order mark when bom is set, for Excel), summary.json and, when
// it was computed rather than read, the matrix cache.
func (p *Plan) WriteFiles(stg *report.Staging, bom bool) error {
	if err := stg.Write(p.YAMLPath, func(w io.Writer) error { _, err := w.Write(p.YAML); return err }); err != nil {
		return err
	}
	if err := stg.Write("optimize/sites.csv", func(w io.Writer) error { return p.SitesTable().WriteCSV(w, bom) }); err != nil {
		return err
	}
	if err := stg.Write("optimize/summary.json", func(w io.Writer) error { return report.WriteJSON(w, p.Summary()) }); err != nil {
		return err
	}
	if !p.Matrix.Cached {
		var buf bytes.Buffer
		if err := WriteMatrix(&buf, p.Matrix.Key, p.Problem.Times); err != nil {
			return err
		}
		if err := stg.Write(p.Matrix.File, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
	}
	return nil
}
