package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const ningxiang = "../../scenarios/ningxiang.yaml"

// runFiles runs sim run with args into a fresh folder and returns the files
// it wrote under sim/ and coverage/.
func runFiles(t *testing.T, args ...string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCLI(t, append([]string{"run", "--out", out}, args...)...)
	if code != exitOK {
		t.Fatalf("sim run %v: exit %d\n%s\n%s", args, code, stdout, stderr)
	}
	files := map[string][]byte{}
	for _, sub := range []string{"sim", "coverage"} {
		entries, err := os.ReadDir(filepath.Join(out, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(out, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[sub+"/"+e.Name()] = b
		}
	}
	return files
}

// The same seed gives byte-identical files with one worker and with two; a
// different seed gives other calls.
func TestRunDeterministic(t *testing.T) {
	short := []string{ningxiang, "--replications", "3", "--days", "20", "--calls", "all", "--no-figures"}
	one := runFiles(t, append(short, "-j", "1")...)
	two := runFiles(t, append(short, "-j", "2")...)
	if len(one) != 10 {
		t.Errorf("wrote %d files, want 10: %v", len(one), keys(one))
	}
	for name, b := range one {
		if !bytes.Equal(b, two[name]) {
			t.Errorf("%s differs between -j 1 and -j 2", name)
		}
	}
	other := runFiles(t, append(short, "-j", "2", "--seed", "99")...)
	if bytes.Equal(one["sim/calls.csv"], other["sim/calls.csv"]) {
		t.Error("another seed gave the same calls")
	}
	if !bytes.Equal(one["coverage/points.csv"], other["coverage/points.csv"]) {
		t.Error("the seed changed the static coverage")
	}
	// calls.csv holds the three replications, each call once.
	lines := strings.Split(strings.TrimSpace(string(one["sim/calls.csv"])), "\r\n")
	seen := map[string]bool{}
	reps := map[string]bool{}
	for _, l := range lines[1:] {
		f := strings.SplitN(l, ",", 3)
		if seen[f[0]+"/"+f[1]] {
			t.Fatalf("call %s of replication %s written twice", f[1], f[0])
		}
		seen[f[0]+"/"+f[1]], reps[f[0]] = true, true
	}
	if len(reps) != 3 {
		t.Errorf("calls.csv holds replications %v, want 0, 1, 2", reps)
	}
	// summary.json carries every headline figure with its interval.
	var sum struct {
		Headline struct {
			Compliance struct{ Mean, Lo, Hi float64 }
		}
		Figures []struct {
			Key  string
			Mean *float64
		}
		Scenario struct{ SHA256 string }
	}
	if err := json.Unmarshal(one["sim/summary.json"], &sum); err != nil {
		t.Fatal(err)
	}
	c := sum.Headline.Compliance
	if !(c.Lo <= c.Mean && c.Mean <= c.Hi && c.Lo < c.Hi && c.Mean > 0.5) {
		t.Errorf("compliance %+v", c)
	}
	if len(sum.Figures) < 100 || len(sum.Scenario.SHA256) != 64 {
		t.Errorf("%d figures, scenario hash %q", len(sum.Figures), sum.Scenario.SHA256)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The shipped scenarios pass sim validate.
func TestShippedScenariosValidate(t *testing.T) {
	for _, f := range []string{ningxiang, "../../scenarios/ningxiang-conventional.yaml"} {
		code, out, _ := runCLI(t, "validate", f)
		if code != exitOK || !strings.Contains(out, ": OK") {
			t.Errorf("%s: exit %d\n%s", f, code, out)
		}
	}
}

// A historical call list replaces the generated calls: each call comes out
// in calls.csv at its time and place, served from the nearest base.
func TestRunReplay(t *testing.T) {
	dir := copyTiny(t)
	if err := os.WriteFile(filepath.Join(dir, "calls.csv"), []byte(
		"time,lon,lat,priority,condition\n"+
			"2023-05-01 08:30,112.06,28.00,P1,stroke\n"+ // a Monday: minute 510 of the run
			"2023-05-02 09:00,112.01,28.00,P2,other\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	replaceIn(t, filepath.Join(dir, "tiny.yaml"), "simulation:\n", "simulation:\n  replay: calls.csv\n  warmup_days: 0\n  days: 3\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "run", filepath.Join(dir, "tiny.yaml"), "--out", out, "--replications", "1", "--no-figures")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "sim", "calls.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\r\n")
	if len(lines) != 3 {
		t.Fatalf("calls.csv has %d calls, want 2:\n%s", len(lines)-1, b)
	}
	// call, day, clock, ..., priority, condition ..., received_min, ..., station_id
	first, second := strings.Split(lines[1], ","), strings.Split(lines[2], ",")
	if first[2] != "1" || first[3] != "08:30:00" || first[8] != "P1" || first[9] != "stroke" || first[12] != "510.00" || first[21] != "H1" {
		t.Errorf("first call %v", first)
	}
	if second[2] != "2" || second[3] != "09:00:00" || second[12] != "1980.00" || second[21] != "S1" {
		t.Errorf("second call %v", second)
	}
}
