package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	first := generated(t)
	again, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(first) {
		t.Fatalf("%d files, then %d", len(first), len(again))
	}
	for _, f := range again {
		if !bytes.Equal(f.Data, first[f.Path]) {
			t.Errorf("%s differs between two runs", f.Path)
		}
	}
}

func TestMainWritesTheFiles(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"-out", dir}, io.Discard); err != nil {
		t.Fatal(err)
	}
	for path, data := range generated(t) {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: written file differs from Generate (err %v)", path, err)
		}
	}
}

func TestEveryOutputSaysSchematic(t *testing.T) {
	for path, data := range generated(t) {
		if strings.HasSuffix(path, ".geojson") && !bytes.Contains(data, []byte(`"source":"schematic"`)) {
			t.Errorf("%s does not carry source: schematic", path)
		}
	}
	rd := string(generated(t)["ningxiang/README.md"])
	if !strings.Contains(rd, "示意路网") || !strings.Contains(rd, "schematic network") {
		t.Error("README must say schematic network (示意路网)")
	}
}

func TestTownshipsAndVillages(t *testing.T) {
	ts := features(t, "ningxiang/townships.geojson")
	admin, err := readCSV("admin", adminTownshipsCSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 29 || len(admin) != 29 {
		t.Fatalf("%d township features, %d codes; want 29", len(ts), len(admin))
	}
	kinds := map[string]int{}
	placed := 0
	popSum := 0.0
	areaSum := 0.0
	for i, f := range ts {
		if f.str("code") != admin[i]["code"] || f.str("name") != admin[i]["name"] {
			t.Errorf("feature %d: %s %s, code list says %s %s", i, f.str("code"), f.str("name"), admin[i]["code"], admin[i]["name"])
		}
		kinds[f.str("kind")]++
		if f.Properties["seat_placed"] == true {
			placed++
		}
		popSum += f.num("population")
		areaSum += f.num("area_km2")
		seat := [2]float64{f.num("seat_lon"), f.num("seat_lat")}
		if !pip(f.ring(t), seat) {
			t.Errorf("%s: seat outside its polygon", f.str("name_en"))
		}
	}
	if kinds["subdistrict"] != 4 || kinds["town"] != 21 || kinds["township"] != 4 {
		t.Errorf("kinds %v, want 4 subdistricts, 21 towns, 4 townships", kinds)
	}
	if placed != 8 {
		t.Errorf("%d seats placed, want 8 (21 of 29 are known)", placed)
	}
	if popSum != countyPopulation2020 {
		t.Errorf("township populations sum to %.0f, want %d", popSum, countyPopulation2020)
	}
	if math.Abs(areaSum-countyAreaKm2) > 0.01*countyAreaKm2 {
		t.Errorf("polygons total %.1f km2, want within 1%% of %.0f", areaSum, countyAreaKm2)
	}
	vs := csvRows(t, "ningxiang/villages.csv")
	comm := 0
	for _, v := range vs {
		if v["kind"] == "community" {
			comm++
		}
	}
	if len(vs) != 278 || comm != 72 {
		t.Errorf("%d village-level units (%d communities), want 278 (72)", len(vs), comm)
	}
	// Every village centre lies in its township's polygon.
	rings := map[string][][2]float64{}
	for _, f := range ts {
		rings[f.str("code")] = f.ring(t)
	}
	for _, v := range vs {
		if !pip(rings[v["township_code"]], [2]float64{atof(t, v["lon"]), atof(t, v["lat"])}) {
			t.Errorf("village %s outside its township", v["village_code"])
		}
	}
}

func TestZonesAreTheFourSubdistricts(t *testing.T) {
	zs := features(t, "ningxiang/zones.geojson")
	var names []string
	for _, z := range zs {
		if z.str("class") != "urban" {
			t.Errorf("zone %s: class %q", z.str("name"), z.str("class"))
		}
		names = append(names, z.str("name"))
	}
	want := "玉潭街道,白马桥街道,历经铺街道,城郊街道"
	if strings.Join(names, ",") != want {
		t.Errorf("urban zones %v, want %s", names, want)
	}
}

func TestDemand(t *testing.T) {
	rows := csvRows(t, "ningxiang/demand.csv")
	ts := features(t, "ningxiang/townships.geojson")
	want := map[string]float64{}
	rings := map[string][][2]float64{}
	for _, f := range ts {
		want[f.str("code")] = f.num("population")
		rings[f.str("code")] = f.ring(t)
	}
	got := map[string]float64{}
	perVillage := map[string]int{}
	ids := map[string]bool{}
	total := 0.0
	for _, r := range rows {
		p := atof(t, r["population"])
		if p < 0 || p != math.Trunc(p) {
			t.Fatalf("%s: population %v", r["id"], p)
		}
		if ids[r["id"]] {
			t.Fatalf("duplicate id %s", r["id"])
		}
		ids[r["id"]] = true
		got[r["township_code"]] += p
		total += p
		perVillage[r["village_code"]]++
		if !strings.HasPrefix(r["village_code"], r["township_code"]) {
			t.Errorf("%s: village %s not in township %s", r["id"], r["village_code"], r["township_code"])
		}
		if !pip(rings[r["township_code"]], [2]float64{atof(t, r["lon"]), atof(t, r["lat"])}) {
			t.Errorf("demand point %s outside its township polygon", r["id"])
		}
	}
	if total != countyPopulation2020 {
		t.Errorf("demand sums to %.0f, want %d", total, countyPopulation2020)
	}
	for c, p := range want {
		if got[c] != p {
			t.Errorf("township %s: demand %.0f, township table %.0f", c, got[c], p)
		}
	}
	if len(perVillage) != 278 {
		t.Errorf("demand covers %d village-level units, want 278", len(perVillage))
	}
	for v, k := range perVillage {
		if k < 1 {
			t.Errorf("village %s has no demand point", v)
		}
	}
	if len(rows) < 3*278 {
		t.Errorf("only %d demand points", len(rows))
	}
}

func TestFacilities(t *testing.T) {
	fs := features(t, "ningxiang/facilities.geojson")
	ts := features(t, "ningxiang/townships.geojson")
	rings := map[string][][2]float64{}
	urban := map[string]bool{}
	for _, f := range ts {
		rings[f.str("code")] = f.ring(t)
		urban[f.str("code")] = f.str("kind") == "subdistrict"
	}
	tiers := map[string]int{}
	amb := 0
	ids := map[string]bool{}
	centres := map[string]int{}
	for _, f := range fs {
		id := f.str("id")
		if ids[id] || !strings.HasPrefix(id, "F") {
			t.Errorf("bad or duplicate id %q", id)
		}
		ids[id] = true
		tier := f.str("tier")
		tiers[tier]++
		n := int(f.num("ambulances"))
		amb += n
		if n > 0 && f.Properties["five_g"] != true {
			t.Errorf("%s: %d ambulances without five_g", id, n)
		}
		if f.str("name") == "" || f.str("name_en") == "" || f.Properties["assumed"] != true {
			t.Errorf("%s: name, name_en and assumed are required", id)
		}
		if !pip(rings[f.str("township_code")], f.point(t)) {
			t.Errorf("%s (%s) outside its township %s", id, f.str("name_en"), f.str("township_code"))
		}
		if tier == "township_centre" || tier == "sub_centre" || tier == "community_centre" {
			centres[f.str("township_code")]++
			if (tier == "community_centre") != urban[f.str("township_code")] {
				t.Errorf("%s: tier %s in township %s", id, tier, f.str("township_code"))
			}
		}
	}
	want := map[string]int{"station": 1, "county_hospital": 3, "sub_centre": 6, "township_centre": 19, "community_centre": 4, "village_clinic": 278}
	for k, v := range want {
		if tiers[k] != v {
			t.Errorf("%d facilities of tier %s, want %d", tiers[k], k, v)
		}
	}
	if len(centres) != 29 {
		t.Errorf("%d townships have a health centre, want all 29", len(centres))
	}
	if amb != 42 {
		t.Errorf("%d ambulances, want 42", amb)
	}
	caps := map[string]string{}
	for _, f := range fs[:4] {
		var cs []string
		for _, c := range f.Properties["capabilities"].([]any) {
			cs = append(cs, c.(string))
		}
		caps[f.str("name")] = strings.Join(cs, ",")
	}
	if caps["宁乡市人民医院"] != "chest_pain,stroke,trauma,maternal,neonatal" || caps["宁乡市中医医院"] != "stroke,trauma" || caps["宁乡市妇幼保健院"] != "maternal,neonatal" {
		t.Errorf("county hospital capabilities %v", caps)
	}
}
