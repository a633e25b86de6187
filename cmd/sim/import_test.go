package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportOSM runs "sim import osm" on the hand-made clipping fixture and
// reads what it wrote: the roads load as a network, facilities.csv has the
// scenario's facility columns with the guessed tier, and the summary names
// the clip and the attribution.
func TestImportOSM(t *testing.T) {
	out := filepath.Join(t.TempDir(), "county")
	var stdout, stderr bytes.Buffer
	code := run([]string{"import", "osm", "../../geo/osm/testdata/clip.osm", "--bbox", "0,0,1,1", "--out", out}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"clip: bbox 0,0,1,1", "township_centre 1", "© OpenStreetMap contributors", "1 wholly outside dropped"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	f, err := os.Open(filepath.Join(out, "facilities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != "id" || rows[1][0] != "osm-n90" || rows[1][3] != "township_centre" {
		t.Errorf("facilities.csv: %q", rows)
	}
	stdout.Reset()
	if code := run([]string{"network", filepath.Join(out, "roads.geojson"), "--keep-all-components"}, &stdout, &stderr); code != 0 {
		t.Fatalf("sim network on the import: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "6 read") {
		t.Errorf("sim network: want the 6 road pieces read:\n%s", stdout.String())
	}
}

func TestImportOSMUsage(t *testing.T) {
	for _, args := range [][]string{
		{"import", "osm", "x.osm.pbf"},                                  // no --out
		{"import", "shp", "x.shp", "--out", "o"},                        // not osm
		{"import", "osm", "roads.geojson", "--out", "o"},                // not an OSM file
		{"import", "osm", "x.osm.pbf", "--out", "o", "--bbox", "1,2,3"}, // bad box
		{"import", "osm", "x.osm.pbf", "--out", "o", "--bbox", "0,0,1,1", "--boundary", "b.geojson"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2 (usage): %s", args, code, stderr.String())
		}
	}
}

// TestAndorraEndToEnd is the README's "a new county" walk-through on a whole
// country's real OSM: import the PBF, write a study, validate it, run it.
func TestAndorraEndToEnd(t *testing.T) {
	pbf := "../../../shared/data/osm_andorra/andorra.osm.pbf"
	if _, err := os.Stat(pbf); err != nil {
		t.Skipf("shared data absent (%v): the end-to-end OSM check needs ../shared/data/osm_andorra", err)
	}
	dir := t.TempDir()
	imp, study := filepath.Join(dir, "andorra", "osm"), filepath.Join(dir, "andorra", "study")
	for _, args := range [][]string{
		{"import", "osm", pbf, "--out", imp, "--townships-admin-level", "7"},
		{"init", study, "--import", imp, "--population", "76000", "--name", "Andorra", "--urban-areas", "Andorra la Vella,Escaldes-Engordany"},
		{"validate", filepath.Join(study, "scenario.yaml")},
		{"run", filepath.Join(study, "scenario.yaml"), "--replications", "2", "--days", "30", "--no-figures"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("sim %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
		}
		if args[0] == "run" && !strings.Contains(stdout.String(), "OpenStreetMap contributors") {
			t.Errorf("sim run on OSM roads does not carry the attribution:\n%s", stdout.String())
		}
		if args[0] == "import" && !strings.Contains(stdout.String(), "6 administrative areas assembled") {
			t.Errorf("sim import: want Andorra's six complete parishes:\n%s", stdout.String())
		}
		if args[0] == "init" && !strings.Contains(stdout.String(), "76,000 residents") {
			t.Errorf("sim init: %s", stdout.String())
		}
	}
	for _, f := range []string{"sim/summary.json", "coverage/summary.json"} {
		if _, err := os.Stat(filepath.Join(dir, "andorra", "out", f)); err != nil { // the study sends its results beside itself
			t.Error(err)
		}
	}
}
