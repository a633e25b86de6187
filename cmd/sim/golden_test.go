package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/golden-run.sha256 from this build's outputs")

// goldenFile holds the SHA-256 of every file the golden runs write.
const goldenFile = "testdata/golden-run.sha256"

// goldenCases are the commands of the golden run, each into its own folder
// (named by the case) so that no command sees another's files. Short
// simulations keep the whole run to a few seconds of CPU.
var goldenCases = []struct {
	name string
	args []string
}{
	{"run", []string{"run", ningxiang, "--replications", "2", "--days", "10", "--no-figures"}},
	{"compare", []string{"compare", ningxiang, "--replications", "2", "--days", "10", "--no-figures"}},
	// From scratch: every base may close; --simulate adds compare/, sim/, coverage/.
	{"optimize-mclp", []string{"optimize", ningxiang, "--model", "mclp", "--sites", "42", "--simulate",
		"--replications", "2", "--days", "10", "--no-figures"}},
	{"optimize-pmedian-keep", []string{"optimize", ningxiang, "--model", "pmedian", "--sites", "3", "--keep-existing", "--no-figures"}},
	// New health posts from a candidates file, today's facilities kept.
	{"optimize-health", []string{"optimize", ningxiang, "--rule", "health", "--model", "mclp", "--sites", "2",
		"--candidates", "testdata/golden-posts.csv", "--keep-existing", "--no-figures"}},
}

// goldenExt are the files hashed: every data file a command writes. Figures
// and the report are left out (their bytes depend on fonts and carry the
// date the report was made); manifest.txt holds the date and version.
var goldenExt = []string{".csv", ".json", ".geojson", ".yaml", ".bin"}

// scenarioPathRE matches the scenario's path as a proposal's header and
// extends: line write it: relative to the output folder or to the working
// directory, or absolute, all of which depend on where the test runs.
var scenarioPathRE = regexp.MustCompile(`"?[^\s"]*scenarios/ningxiang\.yaml"?`)

// matrixKeyRE matches the coverage matrix's cache key in optimize's
// summary.json.
var matrixKeyRE = regexp.MustCompile(`"key": "[0-9a-f]{64}"`)

// normalise replaces what legitimately varies with fixed words; every other
// byte is hashed as written:
//   - in a proposal file, the output folder and the scenario's path, which
//     depend on where the test runs (CSV, JSON and GeoJSON hold only paths
//     relative to the scenario or the output folder);
//   - the matrix cache's key (in the cache file's second line and in
//     optimize/summary.json): a hash of the graph by node and edge id, so
//     it changes when geo numbers the same roads differently, which
//     changes no time, share or site. The times in the cache are hashed.
func normalise(name string, b []byte, out string) []byte {
	switch {
	case strings.HasSuffix(name, ".yaml"):
		s := strings.ReplaceAll(string(b), filepath.ToSlash(out), "OUT")
		s = strings.ReplaceAll(s, out, "OUT")
		return []byte(scenarioPathRE.ReplaceAllString(s, "SCENARIO"))
	case strings.HasSuffix(name, ".bin"):
		head, rest, ok := bytes.Cut(b, []byte("\n"))
		if _, rest, ok2 := bytes.Cut(rest, []byte("\n")); ok && ok2 {
			return slices.Concat(head, []byte("\nKEY\n"), rest)
		}
	case strings.HasSuffix(filepath.ToSlash(name), "optimize/summary.json"):
		return matrixKeyRE.ReplaceAll(b, []byte(`"key": "KEY"`))
	}
	return b
}

// TestGoldenRun runs sim run, sim compare and sim optimize on the shipped
// Ningxiang scenario and checks the SHA-256 of every CSV, JSON, GeoJSON,
// proposal YAML and matrix cache they write against testdata/golden-run.sha256,
// so that a refactoring is proven to change no byte of any output (but the
// few that legitimately vary: see normalise; figures, report.html/md and
// manifest.txt are not hashed). A change
// to an output that is meant (a new column, a corrected figure) is recorded
// by regenerating the file with one command, from the repository root:
//
//	go test ./cmd/sim -run TestGoldenRun -update
//
// and committing testdata/golden-run.sha256 with a message saying why the
// outputs changed. (-update is a flag of this package's tests only: give
// it with ./cmd/sim, not ./...)
func TestGoldenRun(t *testing.T) {
	if testing.Short() {
		t.Skip("golden run: several seconds of simulation and location models")
	}
	root := t.TempDir()
	got := map[string]string{}
	for _, c := range goldenCases {
		out := filepath.Join(root, c.name)
		args := append(slices.Clone(c.args), "--out", out)
		code, stdout, stderr := runCLI(t, args...)
		if code != exitOK {
			t.Fatalf("sim %s: exit %d\n%s\n%s", strings.Join(args, " "), code, stdout, stderr)
		}
		err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !slices.Contains(goldenExt, filepath.Ext(path)) {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(out, path)
			sum := sha256.Sum256(normalise(path, b, out))
			got[c.name+"/"+filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	slices.Sort(names)
	if *updateGolden {
		var b bytes.Buffer
		fmt.Fprintf(&b, "# SHA-256 of every data file of the golden run (cmd/sim/golden_test.go).\n")
		fmt.Fprintf(&b, "# Regenerate: go test ./cmd/sim -run TestGoldenRun -update\n")
		for _, n := range names {
			fmt.Fprintf(&b, "%s  %s\n", got[n], n)
		}
		if err := os.WriteFile(goldenFile, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d files", goldenFile, len(names))
		return
	}
	want := readGolden(t)
	for _, n := range names {
		switch w, ok := want[n]; {
		case !ok:
			t.Errorf("%s: written now, not in %s", n, goldenFile)
		case w != got[n]:
			t.Errorf("%s: bytes changed (sha256 %s, golden %s)", n, got[n], w)
		}
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			t.Errorf("%s: in %s, not written now", n, goldenFile)
		}
	}
	if t.Failed() {
		t.Logf("if the change is meant, regenerate with: go test ./cmd/sim -run TestGoldenRun -update")
	}
}

func readGolden(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (make it with: go test ./cmd/sim -run TestGoldenRun -update)", err)
	}
	want := map[string]string{}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sum, name, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("%s line %d: want \"SHA256  NAME\", got %q", goldenFile, i+1, line)
		}
		want[name] = sum
	}
	return want
}
