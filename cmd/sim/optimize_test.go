package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/scenario"
)

// The library logic (candidates, matrix cache, busy fraction, proposal) is
// tested in sim/plan; these tests check the command: flags, exit codes,
// files, figures and what it prints.

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

// deployment returns the ambulances per facility id of a scenario file.
func deployment(t *testing.T, path string) map[string]int {
	t.Helper()
	s, ps, err := scenario.Load(path)
	if err != nil {
		t.Fatalf("%s does not load: %v", path, ps)
	}
	d := map[string]int{}
	for _, f := range s.Facilities {
		if f.Ambulances > 0 {
			d[f.ID] = f.Ambulances
		}
	}
	return d
}

func readSites(t *testing.T, out string) *report.Table {
	t.Helper()
	tb, err := report.ReadTable(filepath.Join(out, "optimize", "sites.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestOptimizeMCLPByHand(t *testing.T) {
	dir := copyTiny(t)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, "optimize", filepath.Join(dir, "tiny.yaml"), "--model", "mclp", "--sites", "1", "--out", out, "--dpi", "50")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"2,100 residents within target (97.67% of 2,150)", "gap        0.00%", "status     optimal",
		"M1", "computed in", "Today's bases closed", "all          72.1%     97.7%"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	// From scratch: said plainly above the proposal, with the way to keep today's bases.
	if i, j := strings.Index(stdout, "FROM SCRATCH: a model answer, not a recommendation"), strings.Index(stdout, "Chosen sites"); i < 0 || i > j ||
		!strings.Contains(stdout[i:j], "run again with --keep-existing") {
		t.Errorf("no from-scratch notice above the chosen sites:\n%s", stdout)
	}
	yaml := filepath.Join(out, "optimize", "proposal-mclp.yaml")
	if code, so, se := runCLI(t, "validate", yaml); code != exitOK {
		t.Fatalf("sim validate %s: exit %d\n%s%s", yaml, code, so, se)
	}
	// The fleet (S1 1, H1 1) moves to the one site: M1 with 2.
	if d := deployment(t, yaml); len(d) != 1 || d["M1"] != 2 {
		t.Errorf("proposal deployment %v, want M1: 2", d)
	}
	b, _ := os.ReadFile(yaml)
	for _, want := range []string{"extends: \"../../tiny.yaml\"", "# command:    sim optimize", "--model mclp --sites 1",
		"# bound:", "# gap:        0.00%", "# status:     optimal", "S1: 0", "M1: 2"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("proposal lacks %q:\n%s", want, b)
		}
	}
	sites := readSites(t, out)
	if len(sites.Rows) != 1 || sites.Str(0, "id") != "M1" || sites.Str(0, "units") != "2" || sites.Float(0, "adds") != 2100 {
		t.Errorf("sites.csv %v", sites.Rows)
	}
	var sum struct {
		Model     string
		Objective struct{ Value float64 }
		Bound     struct{ Value float64 }
		Gap       float64
		Optimal   bool
		Static    struct{ Baseline, Proposal map[string]float64 }
	}
	b, _ = os.ReadFile(filepath.Join(out, "optimize", "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Model != "MCLP" || sum.Objective.Value != 2100 || sum.Bound.Value != 2100 || sum.Gap != 0 || !sum.Optimal ||
		sum.Static.Proposal["all"] != 0.9767 || sum.Static.Baseline["all"] != 0.7209 {
		t.Errorf("summary %+v", sum)
	}
	for _, fig := range []string{"optimize_map_mclp.png", "optimize_gainloss_mclp.svg"} {
		if _, err := os.Stat(filepath.Join(out, "figures", fig)); err != nil {
			t.Errorf("missing figure %s", fig)
		}
	}

	// Two sites cover everyone: M1 and H1; LSCP finds that two are needed.
	code, stdout, _ = runCLI(t, "optimize", filepath.Join(dir, "tiny.yaml"), "--model", "mclp", "--sites", "2", "--out", out, "--no-figures")
	if d := deployment(t, yaml); code != exitOK || len(d) != 2 || d["M1"] != 1 || d["H1"] != 1 {
		t.Errorf("p = 2: exit %d, deployment %v, want M1 and H1\n%s", code, d, stdout)
	}
	code, stdout, _ = runCLI(t, "optimize", filepath.Join(dir, "tiny.yaml"), "--model", "lscp", "--out", out, "--no-figures")
	if d := deployment(t, filepath.Join(out, "optimize", "proposal-lscp.yaml")); code != exitOK || len(d) != 2 || d["M1"] != 1 || d["H1"] != 1 ||
		!strings.Contains(stdout, "objective  2 sites") {
		t.Errorf("lscp: exit %d, deployment %v\n%s", code, d, stdout)
	}
}

// Bad command lines and bad candidates are rejected before anything is
// computed, and nothing is written.
func TestOptimizeBadInput(t *testing.T) {
	dir := copyTiny(t)
	out := filepath.Join(dir, "out")
	scen := filepath.Join(dir, "tiny.yaml")
	bad := filepath.Join(dir, "cands.csv")
	os.WriteFile(bad, []byte("id,name,lon,lat\nX1,ok,112.03,28.00\nX2,bad,112.05,north\n"), 0o644)
	dup := filepath.Join(dir, "dup.csv")
	os.WriteFile(dup, []byte("id,name,lon,lat\nS1,again,112.03,28.00\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--model", "bogus", "--sites", "1"}, exitUsage, `--model "bogus"`},
		{[]string{"--sites", "1"}, exitUsage, "--model is required"},
		{[]string{"--model", "mexclp", "--sites", "1", "--units", "2"}, exitUsage, "give --units, not --sites"},
		{[]string{"--model", "mexclp"}, exitUsage, "mexclp needs --units K"},
		{[]string{"--model", "mclp"}, exitUsage, "mclp needs --sites N"},
		{[]string{"--model", "lscp", "--sites", "2"}, exitUsage, "leave out --sites"},
		{[]string{"--model", "mclp", "--sites", "6"}, exitUsage, "--sites 6: only 5 candidate sites"},
		{[]string{"--model", "mclp", "--sites", "1", "--keep-existing"}, exitUsage, "3 sites need at least 3 ambulances"},
		{[]string{"--model", "pmedian", "--sites", "0"}, exitUsage, "--sites must be at least 1"},
		{[]string{"--model", "mclp", "--sites", "1", "--rule", "walk"}, exitUsage, `--rule "walk"`},
		{[]string{"--model", "mexclp", "--units", "2", "--rule", "health"}, exitUsage, "needs --rule response"},
		{[]string{"--model", "mclp", "--sites", "1", "--candidates", "nowhere.csv"}, exitUsage, `--candidates "nowhere.csv"`},
		{[]string{"--model", "mclp", "--sites", "1", "--candidates", bad}, exitError, `cands.csv:3: lat: must be a number, got "north"`},
		{[]string{"--model", "mclp", "--sites", "1", "--candidates", dup}, exitError, `dup.csv:2: id: "S1" is already a facility`},
		{[]string{"--model", "mclp", "--sites", "1", "--lang", "fr"}, exitUsage, "--lang must be zh or en"},
	} {
		code, _, stderr := runCLI(t, append([]string{"optimize", scen, "--out", out}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("bad input wrote %s", out)
	}
}

// --simulate writes the comparison beside the proposal, as sim compare does.
func TestOptimizeSimulate(t *testing.T) {
	dir := copyTiny(t)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, "optimize", filepath.Join(dir, "tiny.yaml"), "--model", "mclp", "--sites", "2", "--simulate",
		"--replications", "3", "--days", "30", "--out", out, "--dpi", "50")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Baseline against 1 variant: 3 paired replications", "proposal: MCLP", "simulated: calls within target: all"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{"compare/summary.json", "optimize/proposal-mclp.yaml", "optimize/sites.csv", "figures/map_gainloss_proposal.png",
		"figures/optimize_map_mclp.png", "report.html"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing %s", f)
		}
	}
}

// The shipped scenario end to end, briefly: MCLP with 42 sites (today's
// fleet, one ambulance each) simulated against the baseline, and MEXCLP
// with 47 ambulances under a time limit. The checks are invariants: a
// valid proposal with the fleet asked for, a bound on the right side, and
// static coverage no worse than today's (today's 18 bases are among the
// 311 candidates and 42 sites can hold them all, so the MCLP optimum
// covers at least as many).
func TestOptimizeNingxiang(t *testing.T) {
	scen := "../../scenarios/ningxiang.yaml"
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "optimize", scen, "--model", "mclp", "--sites", "42", "--simulate",
		"--replications", "2", "--days", "10", "--out", out, "--no-figures")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	yaml := filepath.Join(out, "optimize", "proposal-mclp.yaml")
	if code, so, se := runCLI(t, "validate", yaml); code != exitOK {
		t.Fatalf("sim validate: exit %d\n%s%s", code, so, se)
	}
	d := deployment(t, yaml)
	if len(d) != 42 {
		t.Errorf("%d bases, want 42", len(d))
	}
	for id, u := range d {
		if u != 1 {
			t.Errorf("%s has %d ambulances, want one each", id, u)
		}
	}
	var sum struct {
		Objective, Bound struct{ Solver float64 }
		Static           struct{ Baseline, Proposal map[string]float64 }
	}
	b, _ := os.ReadFile(filepath.Join(out, "optimize", "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Bound.Solver < sum.Objective.Solver || sum.Static.Proposal["all"] < sum.Static.Baseline["all"] {
		t.Errorf("summary %+v", sum)
	}
	if _, err := os.Stat(filepath.Join(out, "compare", "differences.csv")); err != nil || !strings.Contains(stdout, "proposal: MCLP") {
		t.Errorf("no paired comparison: %v\n%s", err, stdout)
	}
	limit := "5s"
	if testing.Short() {
		limit = "1s"
	}
	code, stdout, stderr = runCLI(t, "optimize", scen, "--model", "mexclp", "--units", "47", "--time-limit", limit, "--out", out, "--no-figures")
	if code != exitOK {
		t.Fatalf("mexclp: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "read from the cache") {
		t.Errorf("mexclp did not reuse the matrix:\n%s", stdout)
	}
	total := 0
	for _, u := range deployment(t, filepath.Join(out, "optimize", "proposal-mexclp.yaml")) {
		total += u
	}
	if total != 47 {
		t.Errorf("mexclp proposal has %d ambulances, want 47", total)
	}
}
