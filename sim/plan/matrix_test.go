package plan_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/plan"
	"github.com/emsplan/sim/sim/report"
)

// WriteFiles stages the matrix it computed; the next plan on the same
// candidates reads it back, equal to the computed one, and writes no new
// cache; a moved candidate makes it stale.
func TestMatrixCache(t *testing.T) {
	dir := t.TempDir()
	st := loadStudy(t, tiny)
	cands := filepath.Join(dir, "cands.csv")
	os.WriteFile(cands, []byte("id,name,lon,lat\nX1,West,112.01,28.00\nX2,East,112.06,28.00\n"), 0o644)
	out := filepath.Join(dir, "out")
	req := plan.Request{Model: optimize.ModelPMedian, Sites: 1, Candidates: cands}
	run := func() *plan.Plan {
		t.Helper()
		p, err := plan.Run(st, req, out)
		if err != nil {
			t.Fatal(err)
		}
		stg, err := report.NewStaging(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.WriteFiles(stg, false); err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(stg.Files(), p.Matrix.File); got == p.Matrix.Cached {
			t.Errorf("cached %v, but the cache staged: %v", p.Matrix.Cached, got)
		}
		if err := stg.Commit(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := run()
	if first.Matrix.Cached || first.Matrix.File != "optimize/matrix-response-file-cands_csv.bin" {
		t.Errorf("first: cached %v, file %s", first.Matrix.Cached, first.Matrix.File)
	}
	second := run()
	if !second.Matrix.Cached || !slices.Equal(first.Problem.Times.Data, second.Problem.Times.Data) {
		t.Errorf("second: cached %v, same times %v", second.Matrix.Cached, slices.Equal(first.Problem.Times.Data, second.Problem.Times.Data))
	}
	// The proposal adds the chosen file site as a new station with the fleet.
	d := deployment(t, second, out)
	if len(d) != 1 || d["X1"]+d["X2"] != 2 {
		t.Errorf("proposal deployment %v", d)
	}
	os.WriteFile(cands, []byte("id,name,lon,lat\nX1,West,112.01,28.00\nX2,East,112.07,28.00\n"), 0o644)
	if p := run(); p.Matrix.Cached || !strings.Contains(p.Matrix.Stale, "made for other roads") {
		t.Errorf("moved candidate: cached %v, stale %q", p.Matrix.Cached, p.Matrix.Stale)
	}
}

// A matrix survives its file format, +Inf included; a wrong size or key is
// named, never read.
func TestMatrixFormat(t *testing.T) {
	m := optimize.Matrix{Rows: 2, Cols: 3, Data: []float64{1, 2.5, math.Inf(1), 0, 1e6, 7}}
	var b bytes.Buffer
	if err := plan.WriteMatrix(&b, "k1", m); err != nil {
		t.Fatal(err)
	}
	got, why := plan.ReadMatrix(b.Bytes(), "k1", 2, 3)
	if why != "" || !slices.Equal(got.Data, m.Data) {
		t.Errorf("round trip: %v %q", got.Data, why)
	}
	for _, tc := range []struct {
		b          []byte
		key        string
		rows, cols int
		want       string
	}{
		{b.Bytes(), "k2", 2, 3, "made for other roads"},
		{b.Bytes(), "k1", 3, 2, "another size"},
		{b.Bytes()[:b.Len()-1], "k1", 2, 3, "truncated"},
		{[]byte("hello"), "k1", 2, 3, "not a matrix file"},
	} {
		if _, why := plan.ReadMatrix(tc.b, tc.key, tc.rows, tc.cols); !strings.Contains(why, tc.want) {
			t.Errorf("%s %dx%d: %q, want %q", tc.key, tc.rows, tc.cols, why, tc.want)
		}
	}
}

// Every request the options cannot satisfy is a *RequestError naming the
// option, before any study is loaded.
func TestRequestCheck(t *testing.T) {
	for _, tc := range []struct {
		r    plan.Request
		want string
	}{
		{plan.Request{Model: optimize.ModelMEXCLP, Sites: 1, Units: 2}, "give --units, not --sites"},
		{plan.Request{Model: optimize.ModelMEXCLP}, "mexclp needs --units K"},
		{plan.Request{Model: optimize.ModelMCLP}, "mclp needs --sites N"},
		{plan.Request{Model: optimize.ModelPMedian}, "pmedian needs --sites N"},
		{plan.Request{Model: optimize.ModelLSCP, Sites: 2}, "leave out --sites"},
		{plan.Request{Model: optimize.ModelMEXCLP, Units: 2, Rule: coverage.Health}, "needs --rule response"},
		{plan.Request{Model: optimize.ModelMCLP, Sites: 1, Units: 2, Rule: coverage.Health}, "does not apply to --rule health"},
		{plan.Request{Model: optimize.ModelMCLP, Sites: 1, MaxPerSite: -1}, "--max-per-site must be >= 0"},
		{plan.Request{Model: "MCLP2", Sites: 1}, "want LSCP, MCLP"},
	} {
		err := tc.r.Check()
		var re *plan.RequestError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want a RequestError with %q", tc.r, err, tc.want)
		}
	}
	if err := (&plan.Request{Model: optimize.ModelLSCP}).Check(); err != nil {
		t.Errorf("lscp alone: %v", err)
	}
	for name, want := range map[string]optimize.Model{"MCLP": optimize.ModelMCLP, "p-median": optimize.ModelPMedian, " pcenter": optimize.ModelPCenter} {
		if m, err := plan.ParseModel(name); err != nil || m != want {
			t.Errorf("ParseModel(%q) = %v, %v", name, m, err)
		}
	}
	if _, err := plan.ParseModel("bogus"); err == nil {
		t.Error("ParseModel(bogus) accepted")
	}
	// Sites beyond the candidates are known once the study is.
	st := loadStudy(t, tiny)
	_, err := plan.New(st, plan.Request{Model: optimize.ModelMCLP, Sites: 6}, t.TempDir())
	var re *plan.RequestError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "--sites 6: only 5 candidate sites") {
		t.Errorf("6 of 5 sites: %v", err)
	}
}

// The busy fraction is the formula of its doc comment: tiny has 2,150
// residents, the scenario's call rate and durations; twice the fleet halves
// q, and an overloaded fleet is capped.
func TestEstimateBusy(t *testing.T) {
	st := loadStudy(t, tiny)
	cov := coverage.Compute(st)
	sm := &st.Scenario.Simulation
	b := plan.EstimateBusy(st, cov, 2)
	if want := 2150 * st.Scenario.Demand.Growth * sm.CallsPer1000PerYear / 1000; math.Abs(b.CallsPerYear-want) > 1e-9 {
		t.Errorf("calls a year %v, want %v", b.CallsPerYear, want)
	}
	per := b.Turnout + 2*b.Drive + b.OnScene + b.Conveyance*(b.Transport+b.Handover)
	if math.Abs(b.PerCall-per) > 1e-9 || b.Drive <= 0 || b.Transport <= 0 {
		t.Errorf("busy per call %v, want %v; drive %v, transport %v", b.PerCall, per, b.Drive, b.Transport)
	}
	if q := b.CallsPerYear * b.PerCall / 2 / plan.MinutesPerYear; math.Abs(b.Q-q) > 1e-12 {
		t.Errorf("q %v, want %v", b.Q, q)
	}
	if b4 := plan.EstimateBusy(st, cov, 4); math.Abs(b4.Q-b.Q/2) > 1e-12 {
		t.Errorf("q with 4 units %v, want half of %v", b4.Q, b.Q)
	}
	sm.CallsPer1000PerYear *= 1e6
	if b := plan.EstimateBusy(st, cov, 2); !b.Capped || b.Q != plan.MaxBusy {
		t.Errorf("overloaded: q %v, capped %v", b.Q, b.Capped)
	}
}
