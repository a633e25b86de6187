package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoute(t *testing.T) {
	// oneway.geojson, from below the one-way primary at 80% of it to 20% of
	// it: against the one-way, so around the square: 0.2u + u + u + u + 0.2u
	// = 3.4u = 378.06 m on road, time 1.4·6.6717 + 2·13.3434 = 36.0073 s;
	// plus two off-road legs of 0.0001° = 11.12 m at 15 km/h = 2.6687 s each:
	// 41.3447 s = 0.689 min.
	out := filepath.Join(t.TempDir(), "route.geojson")
	code, stdout, errs := runCLI(t, "route", testdata+"oneway.geojson", "--from", "0.0008,-0.0001", "--to", "0.0002,-0.0001", "--geojson", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// By class: primary 0.2u + u + 0.2u = 155.7 m, residential 2u = 222.4 m.
	for _, want := range []string{"0.7 min = 0.6 min driving + 0.1 min off-road at 15 km/h", "0.38 km on road + 0.02 km off-road",
		"road 11 m from it", "primary 0.16 km, residential 0.22 km"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]any `json:"properties"`
			Geometry   struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 5 {
		t.Fatalf("GeoJSON: %v, %d features\n%s", err, len(fc.Features), b)
	}
	p := fc.Features[0].Properties
	if fmt.Sprint(p["leg"]) != "road" || fmt.Sprint(p["time_min"]) != "0.689" || fmt.Sprint(p["road_km"]) != "0.378" {
		t.Errorf("road leg properties %v, want time_min 0.689 road_km 0.378", p)
	}
	var line [][2]float64
	json.Unmarshal(fc.Features[0].Geometry.Coordinates, &line)
	// snapped origin, 4 corners of the square, snapped destination
	if len(line) != 6 || line[0] != [2]float64{0.0008, 0} || line[5] != [2]float64{0.0002, 0} {
		t.Errorf("route line %v", line)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestRouteSameSegment(t *testing.T) {
	// Both points on the one-way primary, in its direction: 0.6u at 60 km/h
	// = 4.0030 s, 66.72 m; no node passed.
	code, out, errs := runCLI(t, "route", testdata+"oneway.geojson", "--from", "0.0002,0", "--to", "0.0008,0")
	if code != exitOK || !strings.Contains(out, "0.07 km on road + 0.00 km off-road") || !strings.Contains(out, "0.1 min = 0.1 min driving") {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
}

func TestRouteUnreachable(t *testing.T) {
	code, out, _ := runCLI(t, "route", testdata+"cross.geojson", "--keep-all-components", "--from", "0,0", "--to", "0.0015,0.001")
	if code != exitOK || !strings.Contains(out, "unreachable") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestRouteSnapWarning(t *testing.T) {
	// 0.01° (1.1 km) north of the network with --snap-warn 500: a warning on stderr.
	code, _, errs := runCLI(t, "route", testdata+"oneway.geojson", "--from", "0,0.011", "--to", "0,0", "--snap-warn", "500")
	if code != exitOK || !strings.Contains(errs, "warning: from point") || !strings.Contains(errs, "1.11 km from the nearest road") {
		t.Errorf("exit %d stderr %q", code, errs)
	}
}

func TestRouteUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"route", testdata + "oneway.geojson", "--to", "0,0"}, "--from LON,LAT is required"},
		{[]string{"route", testdata + "oneway.geojson", "--from", "0,0"}, "--to LON,LAT is required"},
		{[]string{"route", testdata + "oneway.geojson", "--from", "0;0", "--to", "0,0"}, "want LON,LAT"},
		{[]string{"route", testdata + "oneway.geojson", "--from", "x,0", "--to", "0,0"}, "two numbers"},
		{[]string{"route", testdata + "oneway.geojson", "--from", "0,95", "--to", "0,0"}, "latitude within -90..90"},
		{[]string{"route", testdata + "oneway.geojson", "--from", "0,0", "--to", "0,0", "--offroad-kmh", "0"}, "--offroad-kmh"},
		{[]string{"route", "--from", "0,0", "--to", "0,0"}, "want one road file"},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d stderr %q, want usage error %q", c.args, code, errs, c.want)
		}
	}
	// An unwritable output: error (1), no partial file.
	code, _, errs := runCLI(t, "route", testdata+"oneway.geojson", "--from", "0,0", "--to", "0.001,0", "--geojson", "/no/such/dir/x.geojson")
	if code != exitError || !strings.Contains(errs, "/no/such/dir") {
		t.Errorf("unwritable output: exit %d %q", code, errs)
	}
}
