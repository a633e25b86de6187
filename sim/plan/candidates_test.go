package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/plan"
)

// The named candidate sets of tiny (S1 station and H1 county hospital with
// an ambulance each, C1 village clinic, T1 township centre, M1 community
// centre; six demand points P1..P6), with and without today's sites fixed.
func TestCandidates(t *testing.T) {
	st := loadStudy(t, tiny)
	ids := func(cs *plan.CandidateSet) string {
		var s []string
		for _, c := range cs.List {
			id := c.Site.ID
			if c.Fixed {
				id += "*"
			}
			s = append(s, id)
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		kind string
		keep bool
		rule coverage.Rule
		want string
	}{
		{"health-centres", false, coverage.Response, "T1 M1"},
		{"hospitals", false, coverage.Response, "H1"},
		{"stations", false, coverage.Response, "S1 H1"},
		{"all-facilities", false, coverage.Response, "S1 H1 C1 T1 M1"},
		{"hospitals", true, coverage.Response, "S1* H1*"},
		{"demand", true, coverage.Response, "S1* H1* new-P1 new-P2 new-P3 new-P4 new-P5 new-P6"},
		{"stations", true, coverage.Health, "S1 H1* C1* T1* M1*"},
	} {
		cs, err := plan.Candidates(st, tc.kind, "", tc.keep, tc.rule)
		if err != nil {
			t.Errorf("%s: %v", tc.kind, err)
			continue
		}
		if got := ids(cs); got != tc.want {
			t.Errorf("%s keep %v rule %v: %s, want %s", tc.kind, tc.keep, tc.rule, got, tc.want)
		}
		if len(cs.Sites) != len(cs.List) {
			t.Errorf("%s: %d study sites for %d candidates", tc.kind, len(cs.Sites), len(cs.List))
		}
	}
	cs, _ := plan.Candidates(st, "demand", "", false, coverage.Response)
	if n := cs.List[0].Site.Name; !strings.HasSuffix(n, "急救站（拟设）") || cs.List[0].Demand != 0 || cs.List[0].Fac != -1 {
		t.Errorf("demand candidate %+v", cs.List[0])
	}
	if got := cs.CacheName(coverage.Response, true); got != "optimize/matrix-response-demand-keep.bin" {
		t.Errorf("cache name %s", got)
	}

	// Files: an id already in the scenario, a bad coordinate system, no file.
	dir := t.TempDir()
	dup := filepath.Join(dir, "dup.csv")
	os.WriteFile(dup, []byte("id,name,lon,lat\nX1,new,112.03,28.00\nS1,again,112.03,28.00\n"), 0o644)
	if _, err := plan.Candidates(st, dup, "", false, coverage.Response); err == nil || !strings.Contains(err.Error(), `dup.csv:3: id: "S1" is already a facility`) {
		t.Errorf("duplicate id: %v", err)
	}
	var re *plan.RequestError
	if _, err := plan.Candidates(st, dup, "utm", false, coverage.Response); !errors.As(err, &re) || !strings.Contains(err.Error(), "--candidates-crs") {
		t.Errorf("bad crs: %v", err)
	}
	if _, err := plan.Candidates(st, filepath.Join(dir, "none.csv"), "", false, coverage.Response); !errors.As(err, &re) {
		t.Errorf("missing file: %v", err)
	}
}
