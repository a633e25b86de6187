package main

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// The facts, copied from ../shared/data (see data/SOURCES.md). The county
// outline in ../shared/data/ningxiang_admin is deliberately not copied.
var (
	//go:embed data/facts_townships.csv
	factsTownshipsCSV []byte
	//go:embed data/admin_townships.csv
	adminTownshipsCSV []byte
	//go:embed data/admin_villages.csv
	adminVillagesCSV []byte
	//go:embed data/relations.csv
	relationsCSV []byte
)

// County-level facts (county.md, 7th census 2020-11-01 and en.wikipedia).
const (
	countyPopulation2020 = 1263332
	countyAreaKm2        = 2906.0
)

// township is one township-level unit: facts first, then what the generator derives.
type township struct {
	Code, Name, NameEn, Kind string // kind: subdistrict | town | township
	Pinyin                   string // NameEn without the kind word, e.g. "Yutan"

	SeatLon, SeatLat float64 // facts; zero when unknown
	SeatKnown        bool
	PopFact          float64 // population as the page gives it; 0 when unknown
	PopYear          string
	AreaFact         float64 // km2 from the page; 0 when unknown
	Neighbours       string
	SourceURL        string

	// derived
	Seat       pt      // seat, projected metres
	PopRaw     float64 // PopFact or the filled value
	PopFilled  bool
	PopRule    string
	AreaTarget float64 // km2: AreaFact or the filled value
	AreaFilled bool
	Pop        int  // scaled to the 2020 county total
	Urban      bool // one of the seat's four subdistricts
	Hill       bool // western hills: slower, sparser roads
	Poly       []pt // schematic polygon (CCW), metres
	Villages   []*village
}

// village is one village-level unit (村委会 or 社区居委会).
type village struct {
	Code, RawName, Name, NameEn string
	Community                   bool
	T                           *township
	Centre                      pt
	Weight                      float64
	Pop                         int
	Points                      []*demandPoint
	InCore                      bool // a community of a seat grid (blocks as demand)
}

type relation struct {
	Placed, Neighbour, Dir, Page string
}

func readCSV(name string, data []byte) ([]map[string]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("gen: %s: %w", name, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("gen: %s: no rows", name)
	}
	head := recs[0]
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(head))
		for i, h := range head {
			m[h] = strings.TrimSpace(rec[i])
		}
		out = append(out, m)
	}
	return out, nil
}

func parseOptFloat(file, code, field, s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("gen: %s row %s: %s: %w", file, code, field, err)
	}
	return v, nil
}

// loadFacts joins the official code list with the facts table. The code list
// decides which units exist; every facts row must match a code and its name.
func loadFacts() ([]*township, []relation, error) {
	admin, err := readCSV("admin_townships.csv", adminTownshipsCSV)
	if err != nil {
		return nil, nil, err
	}
	facts, err := readCSV("facts_townships.csv", factsTownshipsCSV)
	if err != nil {
		return nil, nil, err
	}
	byCode := map[string]map[string]string{}
	for _, f := range facts {
		byCode[f["code"]] = f
	}
	var ts []*township
	for _, a := range admin {
		f, ok := byCode[a["code"]]
		if !ok {
			return nil, nil, fmt.Errorf("gen: facts_townships.csv: no row for code %s", a["code"])
		}
		if f["name_zh"] != a["name"] {
			return nil, nil, fmt.Errorf("gen: code %s: name %q in facts, %q in code list", a["code"], f["name_zh"], a["name"])
		}
		t := &township{
			Code: a["code"], Name: a["name"], NameEn: f["name_en"], Kind: f["kind"],
			PopYear: f["population_year"], Neighbours: f["neighbours"], SourceURL: f["source_url"],
		}
		t.Pinyin = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t.NameEn, " Subdistrict"), " Township"), " Town"))
		if t.SeatLon, err = parseOptFloat("facts_townships.csv", t.Code, "lon", f["lon"]); err != nil {
			return nil, nil, err
		}
		if t.SeatLat, err = parseOptFloat("facts_townships.csv", t.Code, "lat", f["lat"]); err != nil {
			return nil, nil, err
		}
		t.SeatKnown = f["lon"] != "" && f["lat"] != ""
		if t.PopFact, err = parseOptFloat("facts_townships.csv", t.Code, "population", f["population"]); err != nil {
			return nil, nil, err
		}
		if t.AreaFact, err = parseOptFloat("facts_townships.csv", t.Code, "area_km2", f["area_km2"]); err != nil {
			return nil, nil, err
		}
		t.Urban = t.Kind == "subdistrict"
		ts = append(ts, t)
	}
	if len(ts) != 29 {
		return nil, nil, fmt.Errorf("gen: %d township-level units in the code list, want 29", len(ts))
	}
	vs, err := readCSV("admin_villages.csv", adminVillagesCSV)
	if err != nil {
		return nil, nil, err
	}
	tByCode := map[string]*township{}
	for _, t := range ts {
		tByCode[t.Code] = t
	}
	for _, v := range vs {
		t, ok := tByCode[v["streetCode"]]
		if !ok {
			return nil, nil, fmt.Errorf("gen: admin_villages.csv: village %s: unknown township %s", v["code"], v["streetCode"])
		}
		name, community := cleanVillageName(v["name"])
		vil := &village{Code: v["code"], RawName: v["name"], Name: name, Community: community, T: t}
		kind := "village"
		if community {
			kind = "community"
		}
		vil.NameEn = fmt.Sprintf("%s %s %s", t.Pinyin, kind, vil.Code[len(vil.Code)-3:])
		t.Villages = append(t.Villages, vil)
	}
	rs, err := readCSV("relations.csv", relationsCSV)
	if err != nil {
		return nil, nil, err
	}
	var rels []relation
	for _, r := range rs {
		if tByCode[r["placed"]] == nil || tByCode[r["neighbour"]] == nil {
			return nil, nil, fmt.Errorf("gen: relations.csv: unknown code in %v", r)
		}
		if _, ok := compass[r["direction"]]; !ok {
			return nil, nil, fmt.Errorf("gen: relations.csv: bad direction %q", r["direction"])
		}
		rels = append(rels, relation{r["placed"], r["neighbour"], r["direction"], r["page"]})
	}
	return ts, rels, nil
}

// cleanVillageName drops the committee suffix: "文中社区居委会" -> "文中社区",
// "河东新村委会" -> "河东新村", "南田坪村村民委员会" -> "南田坪村".
func cleanVillageName(raw string) (name string, community bool) {
	for _, suf := range []string{"社区居民委员会", "社区居委会", "社区"} {
		if strings.HasSuffix(raw, suf) {
			return strings.TrimSuffix(raw, suf) + "社区", true
		}
	}
	for _, suf := range []string{"村民委员会", "村民委委会"} {
		if strings.HasSuffix(raw, suf) {
			base := strings.TrimSuffix(raw, suf)
			if !strings.HasSuffix(base, "村") {
				base += "村"
			}
			return base, false
		}
	}
	if strings.HasSuffix(raw, "村委会") {
		return strings.TrimSuffix(raw, "村委会") + "村", false
	}
	return raw, strings.Contains(raw, "居委会")
}
