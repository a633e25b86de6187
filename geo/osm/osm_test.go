package osm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/emsplan/sim/geo"
	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"
)

const sharedData = "../../../shared/data"

func sharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(sharedData, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not available (%v): the real-OSM checks need ../shared/data beside the repository", p, err)
	}
	return p
}

// exported is an independent reading (encoding/json) of a GeoJSON file that
// osmium exported from the same OSM file.
type exported struct {
	Features []struct {
		Properties map[string]any `json:"properties"`
		Geometry   struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

func readExported(t *testing.T, path string) exported {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fc exported
	if err := json.Unmarshal(raw, &fc); err != nil {
		t.Fatal(err)
	}
	return fc
}

func osmID(t *testing.T, v any) int64 {
	f, ok := v.(float64)
	if !ok {
		t.Fatalf("@id %v is not a number", v)
	}
	return int64(f)
}

// TestMatchesOsmiumExport reads each OSM file and compares its roads with
// the osmium export made from the same file, way by way: the same highway
// class and the same coordinates, in the same order; nothing more, nothing
// less (for the classes both keep).
func TestMatchesOsmiumExport(t *testing.T) {
	for _, c := range []struct{ osm, geojson string }{
		{"osm_andorra/andorra.osm.pbf", "osm_andorra/roads.geojson"},
		{"osm_test_fixtures/West-Oakland.osm.bz2", "osm_test_fixtures/west_oakland_highways.geojson"},
		{"osm_test_fixtures/bavaria_planet_10.068_48.135_10.071_48.137.osm", "osm_test_fixtures/bavaria_small_highways.geojson"},
	} {
		t.Run(filepath.Base(c.osm), func(t *testing.T) {
			fc := readExported(t, sharedFile(t, c.geojson))
			e, err := Read(sharedFile(t, c.osm), Options{})
			if err != nil {
				t.Fatal(err)
			}
			kept := map[string]bool{}
			for _, cl := range DefaultClasses {
				kept[cl] = true
			}
			var want []string
			exported := map[string]bool{}
			for _, f := range fc.Features {
				hw, _ := f.Properties["highway"].(string)
				exported[hw] = true
				var line [][2]float64
				if err := json.Unmarshal(f.Geometry.Coordinates, &line); err != nil {
					t.Fatal(err)
				}
				if kept[hw] {
					want = append(want, wayKey(hw, line))
				}
			}
			var got []string
			for i, r := range e.Roads {
				if exported[r.Highway] {
					var line [][2]float64
					for _, p := range e.Line(i) {
						line = append(line, [2]float64(p))
					}
					got = append(got, wayKey(r.Highway, line))
				}
			}
			sort.Strings(want)
			sort.Strings(got)
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%d ways read, %d in the export; first difference: %s", len(got), len(want), firstDiff(got, want))
			}
		})
	}
}

func wayKey(highway string, line [][2]float64) string {
	var b strings.Builder
	b.WriteString(highway)
	for _, p := range line {
		fmt.Fprintf(&b, " %.7f,%.7f", p[0], p[1])
	}
	return b.String()
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("read %.80s..., export %.80s...", a[i], b[i])
		}
	}
	return "none in the common part"
}

// TestAndorraGraph builds the driving graph from the import (through the
// PBF reader, the GeoJSON writer and package geo's reader) and from the
// shipped export: nodes, edges and km by class agree exactly.
func TestAndorraGraph(t *testing.T) {
	mine, st, err := ReadRoads(sharedFile(t, "osm_andorra/andorra.osm.pbf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := geo.ReadRoadsFile(sharedFile(t, "osm_andorra/roads.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	_, a, err := geo.Build(mine, geo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, b, err := geo.Build(theirs, geo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Nodes != b.Nodes || a.Edges != b.Edges || math.Abs(a.Km-b.Km) > 1e-6 {
		t.Errorf("import: %d nodes, %d edges, %.4f km; export: %d, %d, %.4f", a.Nodes, a.Edges, a.Km, b.Nodes, b.Edges, b.Km)
	}
	for c, km := range b.KmByClass {
		if math.Abs(a.KmByClass[c]-km) > 1e-6 {
			t.Errorf("%s: %.4f km, export %.4f km", c, a.KmByClass[c], km)
		}
	}
	if a.Nodes != 20604 {
		t.Errorf("%d nodes, want 20,604 (the README's figure for Andorra)", a.Nodes)
	}
	if got := mine.Stats(); got.SHA256 != st.SHA256 || got.Bytes != 565390 ||
		st.SHA256 != "70998b72b5eed4b6a8565837b3d72c3b592c4dc4f1a7d5e964367d20508f188b" {
		t.Errorf("source: %d bytes, sha256 %s", got.Bytes, got.SHA256)
	}
}

// TestAndorraFacilitiesAndPlaces compares the facilities and places with
// the ones exported from the same file (nodes as they are, areas at their
// area-weighted centroid).
func TestAndorraFacilitiesAndPlaces(t *testing.T) {
	e, err := Read(sharedFile(t, "osm_andorra/andorra.osm.pbf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		typ string
		id  int64
	}
	check := func(file string, got map[key]orb.Point, names map[key]string) {
		fc := readExported(t, sharedFile(t, file))
		if len(fc.Features) != len(got) {
			t.Errorf("%s: %d features, read %d", file, len(fc.Features), len(got))
		}
		for _, f := range fc.Features {
			k := key{f.Properties["@type"].(string), osmID(t, f.Properties["@id"])}
			var p [2]float64
			json.Unmarshal(f.Geometry.Coordinates, &p)
			q, ok := got[k]
			if !ok {
				t.Errorf("%s: %v missing", file, k)
				continue
			}
			if math.Abs(q[0]-p[0]) > 1.01e-7 || math.Abs(q[1]-p[1]) > 1.01e-7 {
				t.Errorf("%s: %v at %v, export %v", file, k, q, p)
			}
			if n, _ := f.Properties["name"].(string); n != "" && names[k] != n {
				t.Errorf("%s: %v named %q, export %q", file, k, names[k], n)
			}
		}
	}
	fac, places := map[key]orb.Point{}, map[key]orb.Point{}
	names := map[key]string{}
	for _, f := range append(e.Facilities, e.Other...) {
		fac[key{f.OSMType, f.OSMID}] = f.Point
		if f.Tier == "" || f.TierRule == "" || !strings.Contains(f.Name, "OSM") {
			t.Errorf("facility %v: tier %q, rule %q, name %q (no name tag: the name must cite the OSM id)", f.OSMID, f.Tier, f.TierRule, f.Name)
		}
	}
	pops := 0
	for _, p := range e.Places {
		k := key{p.OSMType, p.OSMID}
		places[k], names[k] = p.Point, p.NameTag
		if p.Population >= 0 {
			pops++
		}
	}
	check("osm_andorra/facilities.geojson", fac, names)
	check("osm_andorra/places.geojson", places, names)
	if pops != 1 {
		t.Errorf("%d places with a population, the export has 1", pops)
	}
}

// TestClip checks the clipping rule on a hand-made file (box lon 0..1, lat
// 0..1): a way is kept up to the first node outside; a way that leaves for
// one node stays whole; one that leaves for two is cut in two; a way wholly
// outside goes; a missing node breaks a way; a class not kept is dropped.
func TestClip(t *testing.T) {
	box := orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{1, 1}}
	square := orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}}
	for name, opts := range map[string]Options{"bbox": {Bound: &box}, "boundary": {Boundary: square}} {
		t.Run(name, func(t *testing.T) {
			e, err := Read("testdata/clip.osm", opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, r := range e.Roads {
				var s []string
				for _, p := range e.Line(i) {
					s = append(s, string(appendE7(nil, e7(p[0]))))
				}
				got = append(got, r.Highway+":"+strings.Join(s, " "))
			}
			want := []string{
				"primary:-0.5 0.2 0.8 1.5",             // 101: o i i o o -> up to the first node outside
				"residential:0.2 0.4 1.6 0.6 0.8",      // 102: i i o i i -> whole
				"tertiary:0.3 1.3", "tertiary:1.7 0.7", // 103: i o o i -> two pieces
				"service:0.1 0.2", "service:0.4 0.5", // 105: broken at the missing node 43
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("pieces\n got %q\nwant %q", got, want)
			}
			st := e.Stats
			if st.Outside != 1 || st.MissingNodes != 1 || st.Clipped != 2 || st.Ways != 5 {
				t.Errorf("stats %+v: want 5 ways, 1 outside, 1 missing node, 2 clipped", st)
			}
			if len(e.Facilities) != 1 || e.Facilities[0].Name != "花明楼镇卫生院" || e.Facilities[0].Tier != "township_centre" {
				t.Errorf("facilities %+v: want only the township health centre inside the box", e.Facilities)
			}
			if len(e.Other) != 1 || e.Other[0].Name != "Chemist" {
				t.Errorf("other %+v: want the pharmacy", e.Other)
			}
			if len(e.Places) != 1 || e.Places[0].Population != 1234 {
				t.Errorf("places %+v: want Inside with 1,234 people", e.Places)
			}
		})
	}
}

// TestWrittenRoadsRead checks that the GeoJSON written is read back by
// package geo with the same coordinates and tags.
func TestWrittenRoadsRead(t *testing.T) {
	e, err := Read("testdata/clip.osm", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := e.WriteRoads(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := geo.ReadRoads(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != len(e.Roads) {
		t.Fatalf("%d features read back, %d written", r.Len(), len(e.Roads))
	}
	for i := range e.Roads {
		if tg := r.Tags(i); tg.Highway != e.Roads[i].Highway || tg.Oneway != e.Roads[i].Oneway || tg.Name != e.Roads[i].Name {
			t.Errorf("feature %d: tags %+v, wrote %+v", i, tg, e.Roads[i])
		}
		if !orb.Equal(r.Lines(i)[0], e.Line(i)) {
			t.Errorf("feature %d: %v, wrote %v", i, r.Lines(i)[0], e.Line(i))
		}
	}
}

func TestAppendE7(t *testing.T) {
	for v, want := range map[int32]string{0: "0", 1: "0.0000001", -1: "-0.0000001", 14692302: "1.4692302",
		10000000: "1", -1234567890: "-123.456789", 425728404: "42.5728404", 1800000000: "180"} {
		if got := string(appendE7(nil, v)); got != want {
			t.Errorf("appendE7(%d) = %q, want %q", v, got, want)
		}
	}
}

func TestGuessTier(t *testing.T) {
	for _, c := range []struct{ kind, name, tier string }{
		{"amenity=hospital", "宁乡市人民医院", "county_hospital"},
		{"amenity=hospital", "花明楼镇卫生院", "township_centre"},
		{"amenity=clinic", "玉潭街道社区卫生服务中心", "community_centre"},
		{"amenity=doctors", "某村卫生室", "village_clinic"},
		{"amenity=hospital", "", "county_hospital"},
		{"amenity=clinic", "Clinic", "township_centre"},
		{"healthcare=pharmacy", "Chemist", ""},
	} {
		if tier, rule := guessTier(c.kind, c.name, nil); tier != c.tier || rule == "" {
			t.Errorf("%s %q: tier %q (%s), want %q", c.kind, c.name, tier, rule, c.tier)
		}
	}
}

// TestBadFiles: each bad file gives an error that names it; none panics.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	pbf, err := os.ReadFile(sharedFile(t, "osm_andorra/andorra.osm.pbf"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	for _, p := range []string{
		write("truncated.osm.pbf", pbf[:len(pbf)/2]),
		write("garbage.osm.pbf", bytes.Repeat([]byte{0xff}, 1000)),
		write("broken.osm", []byte(`<osm><node id="1" lat="1" lon="1"><way id="2">`)),
		write("badloc.osm", []byte(`<osm><node id="1" lat="95" lon="1"/><way id="2"><nd ref="1"/><tag k="highway" v="primary"/></way></osm>`)),
		write("roads.shp", []byte("x")),
		filepath.Join(dir, "missing.osm.pbf"),
	} {
		_, err := Read(p, Options{})
		if err == nil {
			t.Errorf("%s: no error", filepath.Base(p))
			continue
		}
		if !strings.Contains(err.Error(), filepath.Base(p)) {
			t.Errorf("%s: error %q does not name the file", filepath.Base(p), err)
		}
		if !errors.Is(err, ErrInput) && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: error %q is neither ErrInput nor a missing file", filepath.Base(p), err)
		}
	}
}

func TestParseBBox(t *testing.T) {
	b, err := ParseBBox("1.4, 42.4,1.8,42.7")
	if err != nil || b.Min != (orb.Point{1.4, 42.4}) || b.Max != (orb.Point{1.8, 42.7}) {
		t.Errorf("got %v, %v", b, err)
	}
	for _, s := range []string{"1,2,3", "a,1,2,3", "2,1,1,2", "1,2,3,95", "NaN,1,2,3"} {
		if _, err := ParseBBox(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

// TestAndorraParishes assembles Andorra's parishes (admin_level 7) from
// their relations. Six of the seven close; Canillo's border way is missing
// from this 2013 extract, and the neighbouring French and Spanish areas at
// the same level are cut by it: each is reported with its reason, never
// drawn half-closed. Every ring is closed and counter-clockwise, the six
// cover 356 km² (the parishes' official 468 km² less Canillo's 121, within
// the tolerance of old boundaries), and no parish's centroid lies in another.
func TestAndorraParishes(t *testing.T) {
	e, err := Read(sharedFile(t, "osm_andorra/andorra.osm.pbf"), Options{AdminLevel: 7})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	total := 0.0
	for _, a := range e.Areas {
		names = append(names, a.Name)
		for _, p := range a.Geometry {
			if p[0].Orientation() != orb.CCW || p[0][0] != p[0][len(p[0])-1] {
				t.Errorf("%s: outer ring not closed and counter-clockwise", a.Name)
			}
		}
		total += orbgeo.Area(a.Geometry) / 1e6
		c, _ := planar.CentroidArea(a.Geometry)
		for _, b := range e.Areas {
			if b.OSMID != a.OSMID && planar.MultiPolygonContains(b.Geometry, c) {
				t.Errorf("%s: its centroid lies in %s", a.Name, b.Name)
			}
		}
	}
	sort.Strings(names)
	want := []string{"Andorra la Vella", "Encamp", "Escaldes-Engordany", "La Massana", "Ordino", "Sant Julià de Lòria"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("parishes %q, want %q", names, want)
	}
	if total < 340 || total > 370 {
		t.Errorf("the six parishes cover %.1f km², want about 356", total)
	}
	canillo := false
	for _, p := range e.AreaProblems {
		canillo = canillo || strings.Contains(p, "Canillo") && strings.Contains(p, "not in the file")
	}
	if !canillo {
		t.Errorf("Canillo's missing border way is not reported: %q", e.AreaProblems)
	}
}

// TestAssembleRings: three ways, one drawn backwards, close a square; the
// closed inner way is its hole (clockwise); a relation missing a way is
// reported, not drawn; another level is not read.
func TestAssembleRings(t *testing.T) {
	e, err := Read("testdata/areas.osm", Options{AdminLevel: 8})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Areas) != 1 || len(e.AreaProblems) != 1 || !strings.Contains(e.AreaProblems[0], "relation 101 (Cut): member way 99") {
		t.Fatalf("areas %+v, problems %q", e.Areas, e.AreaProblems)
	}
	a := e.Areas[0]
	if a.Name != "花明楼镇" || a.NameEn != "Huaminglou" || a.Code != "430182101" || len(a.Geometry) != 1 || len(a.Geometry[0]) != 2 {
		t.Fatalf("area %+v", a)
	}
	outer, hole := a.Geometry[0][0], a.Geometry[0][1]
	if outer.Orientation() != orb.CCW || hole.Orientation() != orb.CW || len(outer) != 5 || len(hole) != 5 {
		t.Errorf("outer %v (%v), hole %v (%v)", outer, outer.Orientation(), hole, hole.Orientation())
	}
	if got := planar.Area(a.Geometry); math.Abs(got-(4-0.25)) > 1e-9 {
		t.Errorf("area %g square degrees, want 3.75", got)
	}
	var buf bytes.Buffer
	if err := WriteAreas(&buf, e.Areas); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"code":"430182101","name":"花明楼镇"`) || !json.Valid(buf.Bytes()) {
		t.Errorf("townships GeoJSON: %s", buf.String())
	}
}
