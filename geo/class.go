package geo

import (
	"strconv"
	"strings"
)

// Class is a road class (OSM highway value, *_link folded into its base class).
// The constants below are fixed; classes that only a speed override makes
// drivable (e.g. "busway") get numbers from ClassOther upward, per graph, in
// order of first appearance. [Graph.ClassName] names any class.
type Class uint8

// Fixed road classes.
const (
	Motorway Class = iota
	Trunk
	Primary
	Secondary
	Tertiary
	Unclassified
	Residential
	LivingStreet
	Service
	Track
	Road // highway=road (unknown type), or a feature with speed_kmh but no highway
	Footway
	Path
	Pedestrian
	Steps
	Cycleway
	Bridleway
	ClassOther // first class number given to other names
)

var fixedClassNames = [...]string{"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified",
	"residential", "living_street", "service", "track", "road", "footway", "path", "pedestrian", "steps",
	"cycleway", "bridleway"}

// DefaultSpeeds returns the default driving speed per class in km/h (a new map
// the caller may change): motorway 100, trunk 80, primary 60, secondary 50,
// tertiary 40, unclassified 30, residential 30, living_street 20, service 20,
// track 15. Classes not in the table are not drivable unless
// [Options.Speeds] gives them a speed.
func DefaultSpeeds() map[string]float64 {
	return map[string]float64{"motorway": 100, "trunk": 80, "primary": 60, "secondary": 50, "tertiary": 40,
		"unclassified": 30, "residential": 30, "living_street": 20, "service": 20, "track": 15}
}

// walkClasses are the classes a walking graph uses (motorways excluded).
var walkClasses = map[string]bool{"trunk": true, "primary": true, "secondary": true, "tertiary": true,
	"unclassified": true, "residential": true, "living_street": true, "service": true, "track": true,
	"road": true, "footway": true, "path": true, "pedestrian": true, "steps": true, "cycleway": true,
	"bridleway": true}

// NonDrivable lists highway values that are never driven unless a speed
// override names them: paths and things that are not (yet) roads.
var NonDrivable = []string{"footway", "path", "cycleway", "steps", "pedestrian", "bridleway",
	"construction", "proposed", "platform", "corridor"}

// baseClass folds "primary_link" into "primary".
func baseClass(highway string) string {
	if b, ok := strings.CutSuffix(highway, "_link"); ok && b != "" {
		return b
	}
	return highway
}

// Speed source of a feature, counted in the BuildReport.
const (
	speedDefault     = iota // no maxspeed: class default
	speedMaxspeed           // parsed maxspeed
	speedUnparseable        // maxspeed present but not understood: class default
	speedProperty           // speed_kmh property
)

// ParseMaxspeed parses an OSM maxspeed value: "60", "60 km/h", "60kmh",
// "60 kph" or "40 mph" (converted with 1.609344). It returns km/h and false
// for anything else ("signals", "none", "RU:urban", "50;30", "0").
func ParseMaxspeed(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	num := s
	factor := 1.0
	for _, u := range []struct {
		unit string
		f    float64
	}{{"km/h", 1}, {"kmh", 1}, {"kph", 1}, {"mph", 1.609344}} {
		if len(s) > len(u.unit) && strings.EqualFold(s[len(s)-len(u.unit):], u.unit) {
			num, factor = strings.TrimSpace(s[:len(s)-len(u.unit)]), u.f
			break
		}
	}
	if num == "" || num[0] < '0' || num[0] > '9' || num[len(num)-1] == '.' {
		return 0, false
	}
	for _, c := range num {
		if (c < '0' || c > '9') && c != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 {
		return 0, false
	}
	return v * factor, true
}

// onewayDir returns +1 (forward only), -1 (backward only) or 0 (both ways),
// and whether the value was understood. junction=roundabout (or circular)
// implies +1 unless oneway says otherwise.
func onewayDir(t *roadTags) (int, bool) {
	switch strings.ToLower(strings.TrimSpace(t.Oneway)) {
	case "yes", "true", "1":
		return 1, true
	case "-1", "reverse":
		return -1, true
	case "no", "false", "0":
		return 0, true
	case "":
		if j := strings.ToLower(t.Junction); j == "roundabout" || j == "circular" {
			return 1, true
		}
		return 0, true
	}
	return 0, false // "reversible", "alternating", ...: both ways, counted
}

// privateAccess reports access=no or access=private.
func privateAccess(t *roadTags) bool {
	a := strings.ToLower(strings.TrimSpace(t.Access))
	return a == "no" || a == "private"
}
