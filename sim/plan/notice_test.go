package plan_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/plan"
	"github.com/emsplan/sim/sim/scenario"
)

// A from-scratch answer says so, and how to keep today's bases, in the
// notice, the file's header (above the changes), the title and the
// summary; a site that adds no one given the others is marked as such
// wherever it is listed. On tiny, M1 and H1 reach everyone: a third site
// adds no one.
func TestFromScratchNotice(t *testing.T) {
	st := loadStudy(t, tiny)
	out := t.TempDir()
	p, err := plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Sites: 3, Units: 3}, out)
	if err != nil {
		t.Fatal(err)
	}
	notice := strings.Join(p.Notice(), "\n")
	for _, want := range []string{"FROM SCRATCH: a model answer, not a recommendation", "free to close any of them",
		"run again with --keep-existing", "1 of the 3 sites the model chose adds no one given the other sites", "--sites asked for 3"} {
		if !strings.Contains(notice, want) {
			t.Errorf("notice lacks %q:\n%s", want, notice)
		}
	}
	changes := bytes.Index(p.YAML, []byte("\nchanges:"))
	if i := bytes.Index(p.YAML, []byte("# FROM SCRATCH: a model answer, not a recommendation")); i < 0 || i > changes {
		t.Errorf("the header does not say FROM SCRATCH above the changes:\n%s", p.YAML)
	}
	if n := bytes.Count(p.YAML, []byte("adds no one given the other sites")); n != 2 { // the notice and the idle site's line
		t.Errorf("%d mentions of the idle site in the file, want 2:\n%s", n, p.YAML)
	}
	if _, en := p.Titles(); !strings.HasPrefix(en, "MCLP from scratch, 3 sites") {
		t.Errorf("title %q", en)
	}
	idle := 0
	for _, r := range p.SiteRows() {
		if r.AddsNothing {
			idle++
			if r.Adds != 0 || r.C.Site.ID == "M1" || r.C.Site.ID == "H1" {
				t.Errorf("%s marked as adding nothing, adds %v", r.C.Site.ID, r.Adds)
			}
		}
	}
	sm := p.Summary()
	if idle != 1 || sm.SitesAddingNothing != 1 || !sm.FromScratch || !strings.Contains(sm.Notice, "--keep-existing") {
		t.Errorf("idle rows %d, summary %d, from scratch %v, notice %q", idle, sm.SitesAddingNothing, sm.FromScratch, sm.Notice)
	}
	if tb := p.SitesTable(); tb.Header[len(tb.Header)-1] != "adds_nothing" {
		t.Errorf("sites.csv header %v", tb.Header)
	}

	// Keeping today's bases, with every chosen site adding someone: no notice.
	p, err = plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Sites: 1, Units: 3, KeepExisting: true}, out)
	if err != nil {
		t.Fatal(err)
	}
	if n := p.Notice(); n != nil || p.Summary().FromScratch || !bytes.HasPrefix(p.YAML, []byte("# sim optimize: a proposed deployment")) {
		t.Errorf("keep-existing: notice %q\n%s", n, p.YAML)
	}
	if _, en := p.Titles(); en != "MCLP, 3 sites, 3 ambulances" {
		t.Errorf("keep-existing title %q", en)
	}

	// Health posts from scratch ignore today's facilities.
	p, err = plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Rule: coverage.Health, Sites: 1}, out)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Join(p.Notice(), " "); !strings.Contains(n, "as if there were no health facility today") || !strings.Contains(n, "--keep-existing") {
		t.Errorf("health from scratch: %q", n)
	}
}

// Kept bases stay open but may give up ambulances to the new sites: the
// notice says so. With S1 holding 3 of 4 ambulances and three sites of
// one ambulance at least, S1 keeps 2 at most.
func TestKeepExistingNoticeMovedUnits(t *testing.T) {
	s, ps, err := scenario.Load(tiny)
	if err != nil {
		t.Fatal(ps)
	}
	s.Facilities[0].Ambulances = 3 // S1
	st, err := model.Build(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Sites: 1, KeepExisting: true}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Join(p.Notice(), " "); !strings.Contains(n, "Today's bases stay open, but the fleet is spread anew") ||
		strings.Contains(n, "FROM SCRATCH") {
		t.Errorf("notice %q", n)
	}
}
