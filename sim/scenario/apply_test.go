package scenario

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestApplyVariant(t *testing.T) {
	s, _, err := Load("testdata/ok/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	off, growth, three := false, 1.2, 3
	v := &Variant{Name: "v", Title: "变体", TitleEn: "variant",
		SetAmbulances:    []SetAmbulances{{ID: "H1", Ambulances: 3}, {ID: "S1", Ambulances: 3, FiveG: &three}},
		AddFacilities:    []Facility{{ID: "N1", Name: "新站", Tier: Station, Ambulances: 1, Point: orb.Point{112.03, 28}}},
		RemoveFacilities: []string{"C1"},
		MoveFacilities:   []MoveFacility{{ID: "H1", Point: orb.Point{112.002, 28}}},
		Growth:           &growth}
	c, err := s.Apply(v)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, f := range c.Facilities {
		ids = append(ids, f.ID)
	}
	if strings.Join(ids, ",") != "H1,S1,N1" {
		t.Errorf("facilities %v, want H1,S1,N1", ids)
	}
	h1 := c.Facilities[0]
	// H1 was all 5G, so its three ambulances are too; S1's count is given.
	if h1.Ambulances != 3 || h1.FiveG != 3 || h1.Point != (orb.Point{112.002, 28}) || c.Facilities[1].FiveG != 3 {
		t.Errorf("H1 %+v, S1 %+v", h1, c.Facilities[1])
	}
	if c.Demand.Growth != 1.2 || c.Name != s.Name+" · 变体" || c.Variants != nil {
		t.Errorf("growth %v name %q variants %v", c.Demand.Growth, c.Name, c.Variants)
	}
	// The baseline is untouched.
	if len(s.Facilities) != 3 || s.Facilities[0].Ambulances != 2 || s.Facilities[0].Point != (orb.Point{112.001, 28}) || s.Demand.Growth != 1 {
		t.Errorf("Apply changed the baseline: %+v", s.Facilities[0])
	}
	c, err = s.Apply(&Variant{Name: "no5g", FiveG: &off})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range c.Facilities {
		if f.FiveG != 0 {
			t.Errorf("%s keeps %d 5G units", f.ID, f.FiveG)
		}
	}
	_, err = s.Apply(&Variant{Name: "none", SetAmbulances: []SetAmbulances{{ID: "H1"}, {ID: "S1"}}, RemoveFacilities: []string{"X9"}})
	if err == nil || !strings.Contains(err.Error(), "no ambulance") || !strings.Contains(err.Error(), `no facility "X9"`) {
		t.Errorf("err = %v", err)
	}
}

func TestExtends(t *testing.T) {
	dir := copyOK(t)
	writeFile(t, dir+"/proposal.yaml", "# a proposal\nextends: study.yaml\nname: 提案\nchanges:\n  five_g: false\n  set_ambulances: {C1: 2}\n")
	s, _, err := Load(dir + "/proposal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "提案" || s.Seed != 42 || len(s.Variants) != 0 || !strings.HasSuffix(s.Out, "/out/proposal") {
		t.Errorf("name %q seed %d variants %d out %q", s.Name, s.Seed, len(s.Variants), s.Out)
	}
	units, five := 0, 0
	for _, f := range s.Facilities {
		units, five = units+f.Ambulances, five+f.FiveG
	}
	if units != 6 || five != 0 {
		t.Errorf("%d units, %d 5G; want 6 and 0", units, five)
	}
	if s.Inputs[0].Role != "scenario" || !strings.HasSuffix(s.Inputs[0].Path, "proposal.yaml") || !strings.HasSuffix(s.Inputs[1].Path, "study.yaml") {
		t.Errorf("inputs %+v", s.Inputs[:2])
	}
	// Errors name this file and line.
	writeFile(t, dir+"/bad.yaml", "extends: study.yaml\nchanges:\n  set_ambulances: {Z9: 1}\n")
	if _, _, err := Load(dir + "/bad.yaml"); err == nil || !strings.Contains(err.Error(), `bad.yaml:3: changes.set_ambulances.Z9: no facility with id "Z9"`) {
		t.Errorf("err = %v", err)
	}
	// A cycle is reported, not followed for ever.
	writeFile(t, dir+"/a.yaml", "extends: b.yaml\n")
	writeFile(t, dir+"/b.yaml", "extends: a.yaml\n")
	if _, _, err := Load(dir + "/a.yaml"); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("err = %v", err)
	}
}
