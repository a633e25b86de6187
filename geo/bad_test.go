package geo

import (
	"errors"
	"strings"
	"testing"
)

// line wraps coordinates text into a one-feature collection.
func oneLine(coords string) string {
	return `{"type":"FeatureCollection","features":[` +
		`{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[0,0],[0.001,0]]}},` +
		`{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":` + coords + `}}]}`
}

var badInputs = []struct {
	name string
	in   string
	kind error
	want []string // substrings of the message
}{
	{"empty", "", ErrNotCollection, []string{"empty"}},
	{"not JSON", "hello", ErrSyntax, []string{"not JSON"}},
	{"array", "[1,2]", ErrNotCollection, []string{"JSON array"}},
	{"geometry", `{"type":"LineString","coordinates":[[0,0],[1,1]]}`, ErrNotCollection, []string{`"LineString"`}},
	{"no features", `{"type":"FeatureCollection"}`, ErrNotCollection, []string{"no \"features\""}},
	{"truncated", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]`,
		ErrSyntax, []string{"feature 0", "end of file"}},
	{"trailing", `{"type":"FeatureCollection","features":[]} x`, ErrSyntax, []string{"after the FeatureCollection"}},
	{"bad comma", `{"type":"FeatureCollection","features":[{"type":"Feature",}]}`, ErrSyntax, []string{"feature 0", "line 1"}},
	{"NaN", oneLine(`[[0,0],[NaN,1]]`), ErrCoordinate, []string{"feature 1: coordinates[1]: NaN is not a valid coordinate"}},
	{"Infinity", oneLine(`[[0,0],[1,-Infinity]]`), ErrCoordinate, []string{"feature 1: coordinates[1]: -Infinity"}},
	{"huge", oneLine(`[[0,0],[1e999,1]]`), ErrCoordinate, []string{"feature 1", "longitude 1e999 is out of range"}},
	{"latitude", oneLine(`[[0,0],[1,95]]`), ErrCoordinate, []string{"feature 1: coordinates[1]: latitude 95 is out of range -90..90", "swapped"}},
	{"longitude", oneLine(`[[0,0],[-200.5,5]]`), ErrCoordinate, []string{"feature 1: coordinates[1]: longitude -200.5 is out of range"}},
	{"projected", oneLine(`[[12500000,3300000],[12500100,3300000]]`), ErrCoordinate, []string{"feature 1: coordinates[0]", "projected"}},
	{"one number", oneLine(`[[0,0],[1]]`), ErrCoordinate, []string{"feature 1: coordinates[1]: a position needs longitude and latitude"}},
	{"string coordinate", oneLine(`[[0,0],["1","2"]]`), ErrCoordinate, []string{"feature 1: coordinates[1]"}},
	{"coordinates string", oneLine(`"0,0,1,1"`), ErrCoordinate, []string{"feature 1: coordinates: must be arrays of numbers"}},
	{"wrong nesting", oneLine(`[[[0,0],[1,1]]]`), ErrCoordinate, []string{"feature 1: coordinates: a LineString needs an array of positions"}},
	{"mixed nesting", oneLine(`[[0,0],[[1,1]]]`), ErrCoordinate, []string{"feature 1: coordinates: mixed nesting"}},
	{"multi lat", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,91]]]}}]}`,
		ErrCoordinate, []string{"feature 0: coordinates[1][1]: latitude 91"}},
	{"no coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString"}}]}`,
		ErrCoordinate, []string{"feature 0: coordinates: missing"}},
	{"no type", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"coordinates":[[0,0],[1,1]]}}]}`,
		ErrNotCollection, []string{"feature 0: geometry.type: missing"}},
	{"not a feature", `{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[0,0]}]}`,
		ErrNotCollection, []string{`feature 0: type: want "Feature", got "Point"`}},
	{"feature null", `{"type":"FeatureCollection","features":[null]}`, ErrNotCollection, []string{"feature 0: a feature must be a JSON object"}},
	{"speed negative", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_kmh":-5},"geometry":null}]}`,
		ErrProperty, []string{"feature 0: properties.speed_kmh: must be a speed in km/h between 0 and 300, got -5"}},
	{"speed text", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_kmh":"fast"},"geometry":null}]}`,
		ErrProperty, []string{"feature 0: properties.speed_kmh", `"fast" is not a number`}},
	{"highway array", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":["primary"]},"geometry":null}]}`,
		ErrProperty, []string{"feature 0: properties.highway: must be a string"}},
	{"crs", `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[]}`,
		ErrCRS, []string{"crs: urn:ogc:def:crs:EPSG::3857 is not supported", "EPSG:4326"}},
	{"control char", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\x01\"}}]}",
		ErrSyntax, []string{"feature 0", "control character"}},
}

func TestBadInput(t *testing.T) {
	for _, c := range badInputs {
		_, err := ReadRoads(strings.NewReader(c.in))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, c.kind) {
			t.Errorf("%s: error %v (%T), want an InputError of kind %v", c.name, err, err, c.kind)
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", c.name, err, w)
			}
		}
	}
}

func TestFileNameInErrors(t *testing.T) {
	_, err := ReadRoadsFile("testdata/no-such-file.geojson")
	if err == nil || !strings.Contains(err.Error(), "no-such-file.geojson") {
		t.Errorf("missing file: %v", err)
	}
	path := t.TempDir() + "/roads.geojson"
	writeFile(t, path, oneLine(`[[0,0],[1,95]]`))
	_, err = ReadRoadsFile(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+" feature 1: coordinates[1]: latitude 95") {
		t.Errorf("error %v does not start with the file, feature and field", err)
	}
}

func TestNoDrivableRoad(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty collection", `{"type":"FeatureCollection","features":[]}`, "0 features"},
		{"footways", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`, "footway (1)"},
		{"no tags", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`, "1 without a highway tag"},
		{"only points", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"Point","coordinates":[0,0]}}]}`, "1 features"},
		{"zero length only", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[1,1],[1,1]]}}]}`, "no drivable road"},
	} {
		roads, err := ReadRoads(strings.NewReader(c.in))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		_, _, err = Build(roads, Options{})
		if !errors.Is(err, ErrNoRoad) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want ErrNoRoad saying %q", c.name, err, c.want)
		}
	}
}

func TestHarmlessDefectsAreCounted(t *testing.T) {
	// A repeated vertex (zero-length segment), a line whose vertices are all
	// the same (self loop), a one-position line and a null geometry: counted
	// and warned about, the rest builds.
	in := `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[0,0],[0.001,0],[0.001,0],[0.002,0]]}},
{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[0.002,0],[0.002,0]]}},
{"type":"Feature","properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[0.003,0]]}},
{"type":"Feature","properties":{"highway":"primary"},"geometry":null}]}`
	roads, err := ReadRoads(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	g, rep, err := Build(roads, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.ZeroLength != 1 || rep.SelfLoops != 1 || rep.ShortLines != 1 || rep.SkippedGeometry["null"] != 1 {
		t.Errorf("zero %d loops %d short %d skipped %v, want 1 1 1 null:1", rep.ZeroLength, rep.SelfLoops, rep.ShortLines, rep.SkippedGeometry)
	}
	if g.Nodes() != 3 || g.Edges() != 4 {
		t.Errorf("%d nodes %d edges, want 3 4", g.Nodes(), g.Edges())
	}
	joined := strings.Join(rep.Warnings, "\n")
	for _, w := range []string{"1 zero-length", "self loops", "fewer than 2 positions", `"null" 1`} {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings %q lack %q", joined, w)
		}
	}
}

func TestBadOptions(t *testing.T) {
	roads, _ := ReadRoadsFile("testdata/cross.geojson")
	for _, o := range []Options{{Speeds: map[string]float64{"primary": -1}}, {SnapEnds: -1}, {WalkKmh: -3}, {Mode: 7}} {
		if _, _, err := Build(roads, o); !errors.Is(err, ErrOptions) {
			t.Errorf("options %+v: error %v, want ErrOptions", o, err)
		}
	}
}
