package scenario

import (
	"errors"
	"strings"
	"testing"
)

// Each case breaks one thing in the valid study and names the error line it
// expects: where (file:line or feature), which field, and what is wrong.
var badCases = []struct {
	name              string
	file, old, new    string
	where, field, msg string
}{
	{"unknown key", "study.yaml", "  source: schematic", "  sourse: schematic",
		"study.yaml:7", "network.sourse", `unknown key (did you mean "source"?)`},
	{"wrong type", "study.yaml", "emergency_factor: 1.25", "emergency_factor: fast",
		"study.yaml:9", "network.emergency_factor", `must be a number, got "fast"`},
	{"out of range", "study.yaml", "emergency_factor: 1.25", "emergency_factor: -1",
		"study.yaml:9", "network.emergency_factor", "must be between 0.1 and 5, got -1"},
	{"missing roads file", "study.yaml", "roads: roads.geojson", "roads: nowhere.geojson",
		"study.yaml:6", "network.roads", "file not found"},
	{"missing demand file", "study.yaml", "file: demand.csv", "file: nowhere.csv",
		"study.yaml:26", "demand.file", "file not found"},
	{"bad band hours", "study.yaml", `"07:00-09:00"`, `"07:00-25:00"`,
		"study.yaml:13", "network.bands[0].hours[0]", "clock time must be HH:MM"},
	{"overlapping bands", "study.yaml", `["22:00-06:00"]`, `["22:00-08:00"]`,
		"study.yaml:11", "network.bands", `bands "peak" and "night" overlap`},
	{"unknown static band", "study.yaml", "static_band: offpeak", "static_band: rush",
		"study.yaml:17", "network.static_band", `no band named "rush"`},
	{"shares do not sum to 1", "study.yaml", "{name: P3, share: 0.2}", "{name: P3, share: 0.3}",
		"study.yaml:46", "simulation.priorities", "shares must sum to 1, got 1.1"},
	{"unknown priority in targets", "study.yaml", "P3: {urban: 20", "P9: {urban: 20",
		"study.yaml:24", "targets.by_priority.P9", `no priority named "P9"`},
	{"bad distribution", "study.yaml", "{dist: gamma, mean: 15, sd: 5}", "{dist: gamma, mean: 15}",
		"study.yaml:51", "simulation.durations.on_scene", "gamma needs mean and sd, or shape and scale"},
	{"negative ambulances", "facilities.geojson", `"ambulances":2,`, `"ambulances":-1,`,
		"facilities.geojson feature 0", "ambulances", "must be between 0 and 1000, got -1"},
	{"unknown tier", "facilities.geojson", `"tier":"village_clinic"`, `"tier":"clinic"`,
		"facilities.geojson feature 1", "tier", `must be one of county_hospital, sub_centre`},
	{"latitude out of range", "facilities.geojson", "[112.04,28.0005]", "[112.04,95]",
		"facilities.geojson feature 1", "coordinates", "latitude must be between -90 and 90"},
	{"more 5G than ambulances", "study.yaml", "five_g: 1", "five_g: 3",
		"study.yaml:36", "facilities.items[0].five_g", "3 5G ambulances but only 2 ambulances here"},
	{"unknown inline key", "study.yaml", "      tier: station", "      tire: station",
		"study.yaml:34", "facilities.items[0].tire", `unknown key (did you mean "tier"?)`},
	{"CSV population negative", "demand.csv", "112.04,28.0,500", "112.04,28.0,-5",
		"demand.csv:3", "population", "must be >= 0, got -5"},
	{"CSV population not a number", "demand.csv", "112.04,28.0,500", "112.04,28.0,many",
		"demand.csv:3", "population", `must be a number, got "many"`},
	{"CSV NaN coordinate", "demand.csv", "112.04,28.0,500", "NaN,28.0,500",
		"demand.csv:3", "lon", "must be a finite number"},
	{"not a FeatureCollection", "zones.geojson", `"FeatureCollection"`, `"Feature"`,
		"zones.geojson", "type", `must be a GeoJSON FeatureCollection, got type "Feature"`},
	{"not JSON", "zones.geojson", `{"type"`, `{type`,
		"zones.geojson", "", "not valid JSON"},
	{"zone without class", "zones.geojson", `"class":"urban",`, ``,
		"zones.geojson feature 0", "class", "required"},
	{"zone class without target", "zones.geojson", `"class":"urban"`, `"class":"suburb"`,
		"zones.geojson feature 0", "class", `zone class "suburb" has no response-time target`},
	{"no ambulances", "study.yaml", "ambulances: 2\n", "ambulances: 0\n      five_g: 0\n",
		"study.yaml:28", "facilities", "no ambulances"},
	{"unknown facility in variant", "study.yaml", "set_ambulances: {H1: 3}", "set_ambulances: {H9: 3}",
		"study.yaml:55", "variants[0].set_ambulances.H9", `no facility with id "H9"`},
	{"invalid YAML", "study.yaml", "seed: 42", "seed: [42",
		"study.yaml", "", "not valid YAML"},
}

func TestBadInput(t *testing.T) {
	// The no-ambulances case also needs the hospital's ambulances gone.
	for _, c := range badCases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyOK(t)
			edit(t, dir, c.file, c.old, c.new)
			if c.name == "no ambulances" {
				edit(t, dir, "facilities.geojson", `"ambulances":2,"five_g":true`, `"ambulances":0`)
			}
			_, ps, err := Load(dir + "/study.yaml")
			if err == nil {
				t.Fatalf("Load accepted the broken input")
			}
			var got *Problems
			if !errors.As(err, &got) || got != ps {
				t.Fatalf("error is %T, want the *Problems", err)
			}
			prefix := c.where + ": "
			if c.field != "" {
				prefix += c.field + ": "
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if strings.HasPrefix(line, prefix) && strings.Contains(line, c.msg) {
					return
				}
			}
			t.Errorf("no error line starts %q and contains %q; got:\n%v", prefix, c.msg, err)
		})
	}
}

// Every problem is reported, not only the first.
func TestEveryProblemReported(t *testing.T) {
	dir := copyOK(t)
	edit(t, dir, "study.yaml", "emergency_factor: 1.25", "emergency_factor: 0")
	edit(t, dir, "study.yaml", "replications: 5", "replications: many")
	edit(t, dir, "demand.csv", "112.04,28.0,500", "112.04,28.0,-5")
	_, _, err := Load(dir + "/study.yaml")
	if err == nil {
		t.Fatal("accepted")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 3 {
		t.Errorf("want 3 errors, got %d:\n%v", len(lines), err)
	}
}

func TestNeverPanicsOnGarbage(t *testing.T) {
	for _, text := range []string{"", "[]", "name: [", "42", "name: x\nnetwork: 3", "network: {bands: [1, {name: 2}]}",
		"name: x\nfacilities: {items: [3, {lon: 1}]}", "simulation: {priorities: {a: 1}}", "targets: [1]",
		"variants: [{set_ambulances: [1]}]", "zones: {file: 7}"} {
		dir := t.TempDir()
		writeFile(t, dir+"/s.yaml", text)
		if _, _, err := Load(dir + "/s.yaml"); err == nil {
			t.Errorf("Load(%q) accepted garbage", text)
		}
	}
}
