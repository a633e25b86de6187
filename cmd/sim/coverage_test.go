package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const tinyDir = "../../sim/model/testdata/tiny"

// copyTiny copies the hand-checked tiny study into a temporary folder.
func copyTiny(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(tinyDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(tinyDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCoverageCommand(t *testing.T) {
	dir := copyTiny(t)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, "coverage", filepath.Join(dir, "tiny.yaml"), "--out", out, "--dpi", "60")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The tiny study by hand (sim/coverage's test): 1,000 of 1,500 urban and
	// 550 of 650 rural residents within target; P6 is a data gap.
	for _, want := range []string{"urban", "66.7%", "rural", "84.6%", "all", "72.1%", "Data gap: 1 demand points (50 residents)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "warning: lon/lat: demand point P6 is 1112 m from the nearest road") {
		t.Errorf("the far point is not warned about: %q", stderr)
	}
	files := []string{"points.csv", "villages.csv", "townships.csv", "points.geojson", "summary.json"}
	first := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(out, "coverage", f))
		if err != nil {
			t.Fatal(err)
		}
		first[f] = b
	}
	if !bytes.HasPrefix(first["points.csv"], []byte("\xef\xbb\xbfid,name,")) {
		t.Errorf("points.csv must start with the BOM and the header: %q", first["points.csv"][:20])
	}
	// The same scenario gives byte-identical files.
	if code, _, stderr := runCLI(t, "coverage", filepath.Join(dir, "tiny.yaml"), "--out", out, "--no-figures"); code != exitOK {
		t.Fatal(stderr)
	}
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(out, "coverage", f))
		if !bytes.Equal(b, first[f]) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

// One case per class of bad input in DESIGN "Bad input": each names the
// file, the line or feature, and the field; nothing is written.
func TestBadInputWritesNothing(t *testing.T) {
	island := `{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[112.5,28.5],[112.51,28.5]]}}`
	for _, c := range []struct {
		name           string
		file, old, new string
		want           []string // each must appear in stderr
	}{
		{"unknown YAML key", "tiny.yaml", "  offroad_kmh: 15", "  offroad_kmh: 15\n  speedz: 3",
			[]string{"tiny.yaml:15: network.speedz: unknown key"}},
		{"missing file", "tiny.yaml", "file: demand.csv", "file: nowhere.csv",
			[]string{"tiny.yaml:22: demand.file: file not found"}},
		{"empty network", "roads.geojson", "", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[112.0,28.0],[112.02,28.0]]}}]}`,
			[]string{"roads.geojson", "no drivable road"}},
		{"NaN coordinate", "demand.csv", "112.04,28.01,200", "NaN,28.01,200",
			[]string{"demand.csv:5: lon: must be a finite number"}},
		{"out-of-range road coordinate", "roads.geojson", "[112.02,28.02]]}}", "[112.02,95]]}}",
			[]string{"roads.geojson feature 1: coordinates[1]: latitude 95 is out of range"}},
		{"facility far from any road", "tiny.yaml", "lon: 112.02, lat: 28.02}", "lon: 112.5, lat: 28.5}",
			[]string{"tiny.yaml:27: lon/lat: facility C1 (Clinic E) is 69 km from the nearest road (more than snap_max_m"}},
		{"station cut off from the demand", "roads.geojson", "\n]}", ",\n" + island + "\n]}",
			[]string{"tiny.yaml:27: lon/lat: facility H1 (Hospital D) lies on a piece of road network that reaches only 0%"}},
		{"zero units", "tiny.yaml", "ambulances: 1, five_g: true,", "ambulances: 0,",
			[]string{"tiny.yaml:23: facilities: no ambulances"}},
		{"rate <= 0", "tiny.yaml", "simulation:\n", "simulation:\n  calls_per_1000_per_year: 0\n",
			[]string{"tiny.yaml:34: simulation.calls_per_1000_per_year: must be > 0, got 0"}},
		{"shares do not sum to 1", "tiny.yaml", "simulation:\n", "simulation:\n  priorities: [{name: P1, share: 0.5}, {name: P2, share: 0.4}]\n",
			[]string{"tiny.yaml:34: simulation.priorities: shares must sum to 1, got 0.9"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyTiny(t)
			if c.old == "" { // replace the whole file
				if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.new), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				replaceIn(t, filepath.Join(dir, c.file), c.old, c.new)
			}
			if c.name == "zero units" {
				replaceIn(t, filepath.Join(dir, "tiny.yaml"), "ambulances: 1, lon: 112.08", "ambulances: 0, lon: 112.08")
			}
			if c.name == "station cut off from the demand" {
				replaceIn(t, filepath.Join(dir, "tiny.yaml"), "  offroad_kmh: 15", "  offroad_kmh: 15\n  keep_all_components: true")
				replaceIn(t, filepath.Join(dir, "tiny.yaml"), "lon: 112.08, lat: 28.00}", "lon: 112.5, lat: 28.5}")
			}
			out := filepath.Join(dir, "out")
			code, _, stderr := runCLI(t, "coverage", filepath.Join(dir, "tiny.yaml"), "--out", out)
			if code != exitError {
				t.Fatalf("exit %d, want %d; stderr %s", code, exitError, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the output folder was created for a rejected scenario")
			}
			// sim validate reports the same problem and fails.
			vcode, vout, _ := runCLI(t, "validate", filepath.Join(dir, "tiny.yaml"))
			if vcode != exitError || !strings.Contains(vout, c.want[0]) {
				t.Errorf("validate: exit %d, output %s", vcode, vout)
			}
		})
	}
}

func TestValidateOK(t *testing.T) {
	code, out, _ := runCLI(t, "validate", filepath.Join(tinyDir, "tiny.yaml"))
	if code != exitOK || !strings.Contains(out, "tiny.yaml: OK (4 warnings)") {
		t.Errorf("exit %d: %s", code, out)
	}
}
