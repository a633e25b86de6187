package plan_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/plan"
	"github.com/emsplan/sim/sim/scenario"
)

// The tiny study (sim/model/testdata/tiny) by hand, on the static clock of
// sim/coverage's test (120 s, then emergency speeds; targets urban 300 s
// for P1 1,000 and P2 500 residents, rural 480 s for P3 300, P4 200, P5 100,
// P6 50). From each facility, the places within target:
//
//	S1 at A: P1 (238 s); P2 needs 398 s.
//	H1 at D: P3 (214 s), P4 (389 s), P6 (387 s): 550 residents.
//	M1 at B: P1 (238 s), P2 (163 s), P3 (309 s), P4 (294 s), P5 (422 s, by
//	         C and F): 2,100 residents; P6 needs 670 s.
//	C1 at E: P2 (291 s), P5 (262 s); T1 at F: P5 only (the one-way C->F
//	         keeps F from driving down to C).
//
// So MCLP with one site opens M1 (2,100 of 2,150), with two M1 and H1 (all:
// only H1 reaches P6 in time).
const tiny = "../model/testdata/tiny/tiny.yaml"

func loadStudy(t testing.TB, path string) *model.Study {
	t.Helper()
	s, ps, err := scenario.Load(path)
	if err != nil {
		t.Fatalf("%s: %v", path, ps)
	}
	st, err := model.Build(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// deployment returns the ambulances per facility id of a proposal, loaded
// back from its YAML as a planner would.
func deployment(t *testing.T, p *plan.Plan, out string) map[string]int {
	t.Helper()
	path := filepath.Join(out, filepath.FromSlash(p.YAMLPath))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, p.YAML, 0o644); err != nil {
		t.Fatal(err)
	}
	s, ps, err := scenario.Load(path)
	if err != nil {
		t.Fatalf("the proposal does not load: %v\n%s", ps, p.YAML)
	}
	d := map[string]int{}
	for _, f := range s.Facilities {
		if f.Ambulances > 0 {
			d[f.ID] = f.Ambulances
		}
	}
	return d
}

func TestMCLPByHand(t *testing.T) {
	st := loadStudy(t, tiny)
	out := t.TempDir()
	p, err := plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Rule: coverage.Response, Sites: 1, CommandLine: "sim optimize tiny.yaml"}, out)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Result
	if r.Objective != 2100 || r.Bound != 2100 || !r.Optimal || r.Total != 2150 {
		t.Errorf("objective %v, bound %v, optimal %v, total %v; want 2100, 2100, true, 2150", r.Objective, r.Bound, r.Optimal, r.Total)
	}
	// The fleet (S1 1, H1 1) moves to the one site: M1 with 2.
	if d := deployment(t, p, out); len(d) != 1 || d["M1"] != 2 {
		t.Errorf("proposal deployment %v, want M1: 2", d)
	}
	if len(p.Proposal.Closed) != 2 {
		t.Errorf("closed %v, want S1 and H1", p.Proposal.Closed)
	}
	for _, want := range []string{"# command:    sim optimize tiny.yaml", "# gap:        0.00%", "# status:     optimal", "S1: 0", "M1: 2"} {
		if !bytes.Contains(p.YAML, []byte(want)) {
			t.Errorf("proposal lacks %q:\n%s", want, p.YAML)
		}
	}
	g := p.Groups()
	if all := g[len(g)-1]; all.Key != "all" || math.Abs(all.Before-1550.0/2150) > 1e-9 || math.Abs(all.After-2100.0/2150) > 1e-9 {
		t.Errorf("static shares %+v, want all 1,550 -> 2,100 of 2,150", all)
	}
	rows := p.SiteRows()
	if len(rows) != 1 || rows[0].C.Site.ID != "M1" || rows[0].Units != 2 || rows[0].Adds != 2100 || rows[0].Today != 0 {
		t.Errorf("site rows %+v", rows)
	}

	// Two sites cover everyone: M1 and H1; LSCP finds that two are needed.
	p, err = plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Sites: 2}, out)
	if err != nil {
		t.Fatal(err)
	}
	if d := deployment(t, p, out); len(d) != 2 || d["M1"] != 1 || d["H1"] != 1 {
		t.Errorf("p = 2: deployment %v, want M1 and H1", d)
	}
}

// --keep-existing keeps today's bases (S1, H1) with an ambulance each and
// Sites counts the new ones; the new site must cover what they miss (P2,
// P5: M1 or C1, 600 residents).
func TestKeepExisting(t *testing.T) {
	st := loadStudy(t, tiny)
	out := t.TempDir()
	_, err := plan.New(st, plan.Request{Model: optimize.ModelMCLP, Sites: 1, KeepExisting: true}, out)
	var re *plan.RequestError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "3 sites need at least 3 ambulances") {
		t.Errorf("two bases plus one with a fleet of two: %v", err)
	}
	p, err := plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Sites: 1, KeepExisting: true, Units: 3}, out)
	if err != nil {
		t.Fatal(err)
	}
	d := deployment(t, p, out)
	if len(d) != 3 || d["S1"] != 1 || d["H1"] != 1 || d["M1"]+d["C1"] != 1 {
		t.Errorf("deployment %v, want S1, H1 and M1 or C1 with one each", d)
	}
	if p.Result.Objective != 2150 || len(p.Candidates.Fixed) != 2 || len(p.Proposal.Closed) != 0 {
		t.Errorf("objective %v, fixed %v, closed %v; want 2150, two fixed, none closed", p.Result.Objective, p.Candidates.Fixed, p.Proposal.Closed)
	}
}

// MEXCLP places Units ambulances, several per site allowed; the health
// rule adds posts at demand points: the only place outside the 4-minute
// circle is P6 (1.1 km off the road at D), so one new post goes there.
func TestMEXCLPAndHealth(t *testing.T) {
	st := loadStudy(t, tiny)
	out := t.TempDir()
	p, err := plan.Run(st, plan.Request{Model: optimize.ModelMEXCLP, Units: 3}, out)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, u := range deployment(t, p, out) {
		total += u
	}
	if total != 3 || p.Busy.Q <= 0 {
		t.Errorf("mexclp: %d ambulances (want 3), q %v", total, p.Busy.Q)
	}
	p, err = plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Rule: coverage.Health, Sites: 1, KeepExisting: true}, out)
	if err != nil {
		t.Fatal(err)
	}
	if p.YAMLPath != "optimize/proposal-health-mclp.yaml" || len(p.Proposal.Changes.AddFacilities) != 1 {
		t.Fatalf("health: %s, %d added", p.YAMLPath, len(p.Proposal.Changes.AddFacilities))
	}
	f := p.Proposal.Changes.AddFacilities[0]
	if f.ID != "new-P6" || f.Tier != scenario.VillageClinic || f.Point[0] != 112.08 || f.Point[1] != 28.01 || f.Ambulances != 0 {
		t.Errorf("health proposal adds %+v", f)
	}
	if g := p.Groups(); g[len(g)-1].After != 1 {
		t.Errorf("health circle after the new post %v, want everyone", g[len(g)-1])
	}
}
