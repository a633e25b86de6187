package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func runBench(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRegistry(t *testing.T) {
	code, out, _ := runBench(t)
	if code != 2 {
		t.Errorf("no args: exit %d", code)
	}
	for _, name := range []string{"coverage", "load", "search", "synth"} {
		if _, ok := registry[name]; !ok || !strings.Contains(out, name) {
			t.Errorf("benchmark %q not registered or not listed:\n%s", name, out)
		}
	}
	if code, _, errs := runBench(t, "nope"); code != 2 || !strings.Contains(errs, `unknown benchmark "nope"`) {
		t.Errorf("unknown: exit %d %q", code, errs)
	}
	defer func() {
		if recover() == nil {
			t.Error("duplicate registration did not panic")
		}
	}()
	register(benchmark{name: "coverage"})
}

func TestParsePeerLine(t *testing.T) {
	r, ok := parsePeerLine("peer=scipy-csgraph nodes=108 edges=349 sources=20 reachable=107 covered_10min=20 covered_15min=47 load_s=0.970 snap_s=0.001 compute_s=0.052 parse_s=0.9")
	if !ok || r.nodes != 108 || r.edges != 349 || r.reachable != 107 || r.covered["10"] != 20 || r.covered["15"] != 47 || r.load != 0.97 || r.compute != 0.052 {
		t.Errorf("parsed %+v", r)
	}
	if _, ok := parsePeerLine("wrote grid300.geojson"); ok {
		t.Error("accepted a non-result line")
	}
}

func TestSynthSearchLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.geojson")
	if code, out, errs := runBench(t, "synth", "--nodes", "3000", "--out", path); code != 0 || !strings.Contains(out, "wrote") {
		t.Fatalf("synth: %d %s %s", code, out, errs)
	}
	if code, out, errs := runBench(t, "search", path, "--runs", "2", "--sources", "5"); code != 0 || !strings.Contains(out, "multi-source 5") {
		t.Errorf("search: %d %s %s", code, out, errs)
	}
	// (load re-runs the simbench binary as a child process; it is exercised
	// by the command in BENCHMARKS.md, not here.)
}

func TestCoverageSmall(t *testing.T) {
	if ok, why := peerAvailable("scipy"); !ok {
		t.Skipf("scipy peer not available: %s", why)
	}
	if _, err := peersDir(""); err != nil {
		t.Skip(err)
	}
	code, out, errs := runBench(t, "coverage", "--sizes", "20", "--reps", "1", "--peers", "scipy")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	// sim and scipy agree exactly on a 20x20 grid.
	if !strings.Contains(out, "max diff 0.000%") || !strings.Contains(out, "coverage differs at [0 0 0] nodes") {
		t.Errorf("no agreement:\n%s", out)
	}
}
