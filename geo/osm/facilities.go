package osm

import (
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/osm"
)

// Facility is a health facility found in the file, with a tier guessed from
// its name and tags for the planner to correct.
type Facility struct {
	OSMType  string // "node" or "way"
	OSMID    int64
	Name     string // name:zh, else name, else a description with the OSM id
	NameEn   string // name:en, else the name when it is Latin script
	Tier     string // a sim tier (county_hospital, sub_centre, township_centre, community_centre, village_clinic), "" for Other
	TierRule string // the rule that chose the tier, in words
	Tags     map[string]string
	Point    orb.Point // the node, or the area-weighted centroid of a closed way
	Geom     string    // "node", "area_centroid" or "line_centroid"
}

// ID is the facility id written to facilities.csv: "osm-n123" or "osm-w456".
func (f *Facility) ID() string { return fmt.Sprintf("osm-%c%d", f.OSMType[0], f.OSMID) }

// facilityKind names what makes tags a facility ("amenity=hospital",
// "healthcare=pharmacy", ...), or "" when they are not one.
func facilityKind(t osm.Tags) string {
	switch a := t.Find("amenity"); a {
	case "hospital", "clinic", "doctors":
		return "amenity=" + a
	}
	if h := t.Find("healthcare"); h != "" && h != "no" {
		return "healthcare=" + h
	}
	return ""
}

// nameRules guess a tier from Chinese facility names, which say their level
// (checked before the tags: OSM often tags a 卫生院 as amenity=hospital).
var nameRules = []struct{ word, tier string }{
	{"社区卫生服务站", "village_clinic"},
	{"卫生室", "village_clinic"},
	{"卫生站", "village_clinic"},
	{"社区卫生服务中心", "community_centre"},
	{"卫生院", "township_centre"},
	{"医疗次中心", "sub_centre"},
	{"人民医院", "county_hospital"},
	{"中医医院", "county_hospital"},
	{"中医院", "county_hospital"},
	{"妇幼保健", "county_hospital"},
}

// tagRules map OSM tags to tiers when the name says nothing.
var tagRules = map[string]string{
	"amenity=hospital":    "county_hospital",
	"healthcare=hospital": "county_hospital",
	"amenity=clinic":      "township_centre",
	"healthcare=clinic":   "township_centre",
	"healthcare=centre":   "township_centre",
	"amenity=doctors":     "village_clinic",
	"healthcare=doctor":   "village_clinic",
}

// guessTier returns the tier for a facility and the rule used, or "" for a
// healthcare place that is not a clinical facility (pharmacy, dentist...).
func guessTier(kind, name string, tags map[string]string) (tier, rule string) {
	for _, r := range nameRules {
		if strings.Contains(name, r.word) {
			return r.tier, fmt.Sprintf("name contains %s -> %s", r.word, r.tier)
		}
	}
	if t, ok := tagRules[kind]; ok {
		return t, kind + " -> " + t
	}
	if a := "amenity=" + tags["amenity"]; tagRules[a] != "" {
		return tagRules[a], a + " -> " + tagRules[a]
	}
	return "", kind + ": not a clinical facility (listed in facilities_other.csv)"
}

func (e *Extract) addFacility(kind, typ string, id int64, tags map[string]string, p orb.Point, geom string) {
	f := Facility{OSMType: typ, OSMID: id, Tags: tags, Point: p, Geom: geom}
	f.Name = firstOf(tags["name:zh"], tags["name"], tags["name:en"])
	f.NameEn = latinName(tags, f.Name)
	f.Tier, f.TierRule = guessTier(kind, f.Name, tags)
	if f.Name == "" {
		what := strings.TrimPrefix(strings.TrimPrefix(kind, "amenity="), "healthcare=")
		f.Name = fmt.Sprintf("%s (OSM %s %d, no name tag)", what, typ, id)
		f.NameEn = f.Name
	}
	if f.Tier == "" {
		e.Other = append(e.Other, f)
	} else {
		e.Facilities = append(e.Facilities, f)
	}
}

// addAreaFacility places a facility mapped as a way at its area-weighted
// centroid (closed ways) or the mean of its nodes.
func (e *Extract) addAreaFacility(w *wayRec, lookup func(int64) int, coords []int32, found []bool, opts *Options) {
	var pts []orb.Point
	for _, ref := range w.refs {
		if i := lookup(ref); i >= 0 && found[i] {
			pts = append(pts, e7Point(coords[2*i], coords[2*i+1]))
		}
	}
	if len(pts) == 0 {
		return
	}
	geom := "line_centroid"
	var c orb.Point
	closed := len(w.refs) >= 4 && w.refs[0] == w.refs[len(w.refs)-1] && len(pts) == len(w.refs)
	if closed {
		if cc, area := planar.CentroidArea(orb.Polygon{orb.Ring(pts)}); area != 0 {
			c, geom = cc, "area_centroid"
		}
	}
	if geom != "area_centroid" {
		for _, p := range pts {
			c[0], c[1] = c[0]+p[0]/float64(len(pts)), c[1]+p[1]/float64(len(pts))
		}
	}
	c = e7Point(e7(c[0]), e7(c[1]))
	if !opts.inside(c) {
		return
	}
	e.addFacility(w.facKind, "way", w.id, w.facility, c, geom)
}

func (e *Extract) sortFacilities() {
	for _, l := range [][]Facility{e.Facilities, e.Other} {
		sort.Slice(l, func(i, j int) bool {
			if l[i].OSMType != l[j].OSMType {
				return l[i].OSMType < l[j].OSMType
			}
			return l[i].OSMID < l[j].OSMID
		})
	}
	sort.Slice(e.Places, func(i, j int) bool {
		if e.Places[i].OSMType != e.Places[j].OSMType {
			return e.Places[i].OSMType < e.Places[j].OSMType
		}
		return e.Places[i].OSMID < e.Places[j].OSMID
	})
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// latinName is name:en, else the name tag or name when written in Latin
// script, else "".
func latinName(tags map[string]string, name string) string {
	for _, s := range []string{tags["name:en"], tags["name"], name} {
		if isLatin(s) {
			return s
		}
	}
	return ""
}

// isLatin reports whether s is written without CJK characters.
func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 {
			return false
		}
	}
	return s != ""
}
