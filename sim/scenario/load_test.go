package scenario

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emsplan/sim/geo/crs"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

func TestLoadValid(t *testing.T) {
	s, ps, err := Load("testdata/ok/study.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	// No receiving facility has the maternal or neonatal capability: warned, not fatal.
	if w := ps.Warnings(); len(w) != 2 || !strings.Contains(w[0].Error(), `study.yaml:42: warning: simulation.conditions: no receiving facility has "maternal"`) {
		t.Errorf("warnings: %v", w)
	}
	if s.Name != "测试县急救网络" || s.NameEn != "Test county" || s.Lang != "zh" || s.Seed != 42 {
		t.Errorf("header: name %q name_en %q lang %q seed %d", s.Name, s.NameEn, s.Lang, s.Seed)
	}
	if want := filepath.Join(filepath.Dir(s.Path), "out", "study"); s.Out != want {
		t.Errorf("default out = %q, want %q", s.Out, want)
	}
	nw := s.Network
	if filepath.Base(nw.Roads) != "roads.geojson" || !filepath.IsAbs(nw.Roads) {
		t.Errorf("roads path %q must be absolute, relative to the YAML", nw.Roads)
	}
	if nw.EmergencyFactor != 1.25 || nw.UrbanFactor != 0.8 || nw.Source != "schematic" {
		t.Errorf("factors %v %v source %q", nw.EmergencyFactor, nw.UrbanFactor, nw.Source)
	}
	if len(nw.SpeedsKmh) != 2 || nw.SpeedsKmh[0] != (ClassSpeed{"primary", 70}) || nw.SpeedsKmh[1] != (ClassSpeed{"track", 10}) {
		t.Errorf("speeds in file order: %v", nw.SpeedsKmh)
	}
	// Bands: offpeak first, then the listed ones; 08:00 is peak, 23:00 and
	// 03:00 are night (the range wraps midnight), 12:00 is offpeak.
	if len(nw.Bands) != 3 || nw.Bands[1].Name != "peak" || nw.StaticBand != 0 {
		t.Fatalf("bands %v static %d", nw.Bands, nw.StaticBand)
	}
	for _, c := range []struct {
		min  float64
		band int
	}{{8 * 60, 1}, {23 * 60, 2}, {3 * 60, 2}, {12 * 60, 0}, {6 * 60, 0}, {9 * 60, 0}, {17 * 60, 1}} {
		if got := nw.BandAt(c.min); got != c.band {
			t.Errorf("BandAt(%v min) = %d, want %d", c.min, got, c.band)
		}
	}
	// Targets: the file's, and per priority.
	if got := s.Targets.Target("urban", "P1"); got != 12 {
		t.Errorf("urban P1 target %v, want 12", got)
	}
	if got := s.Targets.Target("rural", "P3"); got != 45 {
		t.Errorf("rural P3 target %v, want 45", got)
	}
	// Demand: D1 lies in the urban polygon, D2 and D3 outside it.
	classes := []string{}
	for _, p := range s.Demand.Points {
		classes = append(classes, p.Class)
	}
	if strings.Join(classes, ",") != "urban,rural,rural" {
		t.Errorf("demand classes %v, want urban,rural,rural", classes)
	}
	if len(s.Townships) != 2 || s.Townships[1].Code != "T2" || s.Townships[1].NameEn != "Dongxiang" {
		t.Errorf("townships %+v", s.Townships)
	}
	// Facilities: two from the file, one inline; defaults by tier.
	if len(s.Facilities) != 3 {
		t.Fatalf("%d facilities, want 3", len(s.Facilities))
	}
	h, c, st := s.Facilities[0], s.Facilities[1], s.Facilities[2]
	if !h.Receives || h.Ambulances != 2 || h.FiveG != 2 || strings.Join(h.Capabilities, ",") != "chest_pain,stroke,trauma" {
		t.Errorf("hospital %+v", h)
	}
	if c.Receives || c.Ambulances != 0 || c.NameEn != "东村卫生室" {
		t.Errorf("clinic %+v", c)
	}
	if st.ID != "S1" || st.Tier != Station || st.FiveG != 1 || st.Ambulances != 2 {
		t.Errorf("station %+v", st)
	}
	sim := s.Simulation
	if sim.Replications != 5 || sim.Days != 30 || sim.OnScene.Kind != "gamma" || sim.OnScene.Mean != 15 {
		t.Errorf("simulation %+v", sim)
	}
	for _, cond := range sim.Conditions {
		if cond.Conveyance != 0.6 {
			t.Errorf("condition %s conveyance %v, want the simulation's 0.6", cond.Name, cond.Conveyance)
		}
	}
	sum := 0.0
	for _, x := range sim.Hourly {
		sum += x
	}
	if math.Abs(sum-24) > 1e-9 {
		t.Errorf("hourly profile sums to %v, want 24 (mean 1)", sum)
	}
	if len(s.Variants) != 1 || s.Variants[0].SetAmbulances[0] != (SetAmbulances{ID: "H1", Ambulances: 3}) {
		t.Errorf("variants %+v", s.Variants)
	}
	roles := []string{}
	for _, in := range s.Inputs {
		roles = append(roles, in.Role)
		if len(in.SHA256) != 64 || in.Bytes == 0 {
			t.Errorf("input %+v lacks its hash", in)
		}
	}
	if strings.Join(roles, ",") != "scenario,zones,demand,facilities" {
		t.Errorf("inputs read: %v", roles)
	}
}

// copyOK copies testdata/ok into a temporary folder so a test can break one file.
func copyOK(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/ok")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata/ok", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit replaces old with new in file (which must contain old).
func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A facility declared in GCJ-02 (AMap) is moved to WGS-84 on load: in Hunan
// the two differ by a few hundred metres.
func TestCRSConversion(t *testing.T) {
	dir := copyOK(t)
	edit(t, dir, "study.yaml", "      lat: 28.0\n", "      lat: 28.0\n      crs: gcj02\n")
	s, _, err := Load(dir + "/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st := s.Facilities[2]
	lon, lat := crs.GCJ02ToWGS84(112.02, 28.0)
	if st.Point != (orb.Point{lon, lat}) {
		t.Errorf("station at %v, want the WGS-84 point %v, %v", st.Point, lon, lat)
	}
	if d := orbgeo.Distance(st.Point, orb.Point{112.02, 28.0}); d < 100 || d > 1000 {
		t.Errorf("GCJ-02 offset %.0f m, want a few hundred metres", d)
	}
	// The file's facilities (no crs) stay where they are.
	if s.Facilities[0].Point != (orb.Point{112.001, 28.0}) {
		t.Errorf("hospital moved to %v", s.Facilities[0].Point)
	}
}
