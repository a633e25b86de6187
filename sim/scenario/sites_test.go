package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emsplan/sim/geo/crs"
)

func TestReadSites(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "cands.csv")
	os.WriteFile(csvPath, []byte("\xef\xbb\xbfid,name,lon,lat,tier\nA,甲站,112.5,28.2,\n,,112.6,28.3,township_centre\n"), 0o644)
	fs, _, err := ReadSites(csvPath, crs.WGS84, Station)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].ID != "A" || fs[0].Name != "甲站" || fs[0].Tier != Station ||
		fs[1].ID != "cands#2" || fs[1].Name != "cands#2" || fs[1].Tier != TownshipCentre || fs[1].Point[0] != 112.6 {
		t.Errorf("sites %+v", fs)
	}
	if fs[1].Pos.String() != "cands.csv:3" {
		t.Errorf("position %s, want cands.csv:3", fs[1].Pos)
	}
	gj := filepath.Join(dir, "cands.geojson")
	os.WriteFile(gj, []byte(`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"G1"},"geometry":{"type":"Point","coordinates":[112.5,28.2]}}]}`), 0o644)
	fs, _, err = ReadSites(gj, crs.GCJ02, VillageClinic)
	if err != nil || len(fs) != 1 || fs[0].Tier != VillageClinic || fs[0].Point[0] == 112.5 {
		t.Errorf("geojson: %+v %v (GCJ-02 must be converted)", fs, err)
	}
	for name, tc := range map[string]struct{ body, want string }{
		"bad.csv":     {"id,lon,lat\nA,112.5,28.2\nB,abc,28.3\n", `bad.csv:3: lon: must be a number, got "abc"`},
		"dup.csv":     {"id,lon,lat\nA,112.5,28.2\nA,112.6,28.3\n", `dup.csv:3: id: "A" is used twice (first at dup.csv:2)`},
		"tier.csv":    {"id,lon,lat,tier\nA,112.5,28.2,castle\n", `tier.csv:2: tier: must be one of`},
		"empty.csv":   {"id,lon,lat\n", "empty.csv: holds no sites"},
		"nolat.csv":   {"id,lon\nA,112.5\n", "nolat.csv:2: lon: lon and lat are required"},
		"bad.geojson": {`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}`, "bad.geojson feature 0: geometry: a facility must be a Point"},
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(tc.body), 0o644)
		_, _, err := ReadSites(p, crs.WGS84, Station)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
	if _, _, err := ReadSites(filepath.Join(dir, "none.csv"), crs.WGS84, Station); err == nil || !strings.Contains(err.Error(), "file not found") {
		t.Errorf("missing file: %v", err)
	}
}
