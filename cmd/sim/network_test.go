package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testdata = "../../geo/testdata/"

func TestNetworkText(t *testing.T) {
	code, out, errs := runCLI(t, "network", testdata+"speeds.geojson")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	// speeds.geojson: 8 features, footway dropped; 8 nodes, 14 edges.
	for _, want := range []string{"8 read", "7 used", "8 nodes, 14 directed edges", "maxspeed 2",
		"not understood 1", "speed_kmh 1", "footway 1", `"signals" 1`, "track", "15"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "OpenStreetMap") {
		t.Error("attribution printed for data without @id")
	}
	code, out, _ = runCLI(t, "network", testdata+"speeds.geojson", "--drop-track", "--speeds", "footway=5,primary=30")
	if code != exitOK || !strings.Contains(out, "track 1 (--drop-track)") || !strings.Contains(out, "footway") {
		t.Errorf("with options: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "network", testdata+"cross.geojson")
	if code != exitOK || !strings.Contains(out, "OpenStreetMap contributors") || !strings.Contains(out, "dropped 1 (2 nodes") {
		t.Errorf("cross: exit %d\n%s", code, out)
	}
}

func TestNetworkJSON(t *testing.T) {
	code, out, errs := runCLI(t, "network", testdata+"island.geojson", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var r struct {
		Nodes, Edges, Components, DroppedComponents int        `json:"-"`
		N                                           int        `json:"nodes"`
		D                                           int        `json:"dropped_components"`
		BBox                                        [4]float64 `json:"bbox"`
		Warnings                                    []string   `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// island.geojson keeps the 4-node square, drops 3 components.
	if r.N != 4 || r.D != 3 || r.BBox != [4]float64{0, 0, 0.001, 0.001} || len(r.Warnings) == 0 {
		t.Errorf("report %+v", r)
	}
}

func TestNetworkWalk(t *testing.T) {
	code, out, _ := runCLI(t, "network", testdata+"oneway.geojson", "--walk", "--walk-kmh", "4")
	if code != exitOK || !strings.Contains(out, "(walk)") || !strings.Contains(out, "8 directed edges") || !strings.Contains(out, "walking at 4 km/h") {
		t.Errorf("walk: exit %d\n%s", code, out)
	}
}

func TestNetworkErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.geojson")
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,95]]}}]}`), 0o644)
	foot := filepath.Join(dir, "foot.geojson")
	os.WriteFile(foot, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`), 0o644)
	speeds := filepath.Join(dir, "speeds.txt")
	os.WriteFile(speeds, []byte("# my table\nprimary = 55\ntrack: fast\n"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"network"}, exitUsage, "want one road file"},
		{[]string{"network", "a", "b"}, exitUsage, "want one road file"},
		{[]string{"network", "--no-such-flag", "x"}, exitUsage, "unknown flag"},
		{[]string{"network", filepath.Join(dir, "missing.geojson")}, exitError, "missing.geojson"},
		{[]string{"network", bad}, exitError, "bad.geojson feature 0: coordinates[1]: latitude 95 is out of range"},
		{[]string{"network", foot}, exitError, "no drivable road"},
		{[]string{"network", testdata + "cross.geojson", "--speeds", "primary=fast"}, exitUsage, "the speed must be a number"},
		{[]string{"network", testdata + "cross.geojson", "--speeds", speeds}, exitError, "speeds.txt: line 3"},
		{[]string{"network", testdata + "cross.geojson", "--speeds", filepath.Join(dir, "nofile")}, exitError, "nofile"},
		{[]string{"network", testdata + "cross.geojson", "--snap-ends", "-3"}, exitUsage, "end snapping"},
	} {
		code, out, errs := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q), stdout %q", c.args, code, c.code, errs, c.want, out)
		}
	}
}
