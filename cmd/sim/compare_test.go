package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompareCommand(t *testing.T) {
	dir := copyTiny(t)
	f, err := os.OpenFile(filepath.Join(dir, "tiny.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("variants:\n  - {name: more, title: 多一辆, set_ambulances: {S1: 2}}\n  - {name: post, title: 新卫生室, add_facilities: [{id: N1, name: 新卫生室, tier: village_clinic, lon: 112.08, lat: 28.01}]}\n")
	f.Close()
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, "compare", filepath.Join(dir, "tiny.yaml"), "--out", out, "--replications", "3", "--days", "30", "--dpi", "60")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Baseline against 2 variants: 3 paired replications", "more: 多一辆", "post: 新卫生室",
		"simulated: calls within target: all", "identical in every replication", "static: residents in the health circle"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	var cs struct {
		Variants []struct {
			Name   string
			Static []struct {
				Key, By    string
				Difference float64
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "compare", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	// The new clinic beside P6 (1.1 km off the road at D, 267 s) brings its
	// 50 residents into the 4-minute circle: +50/2150 of the residents.
	found := false
	for _, d := range cs.Variants[1].Static {
		if d.Key == "static_health_circle" && d.By == "" {
			found = true
			if d.Difference != 0.0233 {
				t.Errorf("health circle gain %v, want 0.0233 (50/2150)", d.Difference)
			}
		}
	}
	if !found {
		t.Error("no static health-circle difference")
	}
	for _, fig := range []string{"compare_cdf_urban.png", "compare_cdf_rural.png", "map_gainloss_more.png", "map_gainloss_post.svg"} {
		if _, err := os.Stat(filepath.Join(out, "figures", fig)); err != nil {
			t.Errorf("missing figure %s", fig)
		}
	}
	html := checkHTML(t, filepath.Join(out, "report.html"))
	if !strings.Contains(html, "Compared with the baseline: 多一辆") {
		t.Error("report.html has no comparison section")
	}

	// Two scenario files: the second extends the first.
	os.WriteFile(filepath.Join(dir, "more.yaml"), []byte("extends: tiny.yaml\nchanges: {set_ambulances: {S1: 2}}\n"), 0o644)
	code, stdout, stderr = runCLI(t, "compare", filepath.Join(dir, "tiny.yaml"), filepath.Join(dir, "more.yaml"),
		"--out", filepath.Join(dir, "out2"), "--replications", "3", "--days", "30", "--no-figures")
	if code != exitOK || !strings.Contains(stdout, "more: Tiny county") {
		t.Errorf("compare A B: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "compare", filepath.Join(dir, "tiny.yaml"), "--variants", "nope"); code != exitUsage || !strings.Contains(stderr, `no variant "nope"`) {
		t.Errorf("unknown variant: exit %d, %s", code, stderr)
	}
}
