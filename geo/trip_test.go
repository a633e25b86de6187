package geo

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/paulmach/orb"
)

// oneway.geojson, from below the one-way primary at 80% of it to 20% of it:
// against the one-way, so around the square: 0.2u + u + u + u + 0.2u = 3.4u
// on road (primary 1.4u, residential 2u), 1.4 t60 + 2 t30 = 36.0073 s; plus
// two off-road legs of 0.0001 degree (0.1u) at 15 km/h.
func TestTripByHand(t *testing.T) {
	g, _ := loadTestdata(t, "oneway.geojson", Options{})
	tr := g.Trip(orb.Point{0.0008, -0.0001}, orb.Point{0.0002, -0.0001}, 15)
	off := 2 * OffroadSeconds(0.1*u, 15)
	byName := map[string]float64{}
	for c, km := range tr.KmByClass {
		byName[g.ClassName(c)] += km
	}
	if !close(tr.Route.Time, 1.4*t60+2*t30, timeTol) || !close(tr.Route.Length, 3.4*u, timeTol) ||
		!close(tr.OffroadSec, off, 1e-6) || !close(tr.Time(), 1.4*t60+2*t30+off, 1e-6) {
		t.Errorf("time %v (road %v, off-road %v), length %v; want road %v, off-road %v, length %v",
			tr.Time(), tr.Route.Time, tr.OffroadSec, tr.Route.Length, 1.4*t60+2*t30, off, 3.4*u)
	}
	if len(byName) != 2 || !close(byName["primary"], 1.4*u/1000, 1e-6) || !close(byName["residential"], 2*u/1000, 1e-6) {
		t.Errorf("km by class %v, want primary %v and residential %v", byName, 1.4*u/1000, 2*u/1000)
	}
	var b bytes.Buffer
	if err := tr.WriteGeoJSON(&b, "Road data © OpenStreetMap contributors (ODbL 1.0)"); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type        string
		Attribution string
		Features    []struct {
			Properties map[string]any
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 5 ||
		fc.Attribution == "" {
		t.Fatalf("GeoJSON: %v, %d features\n%s", err, len(fc.Features), b.Bytes())
	}
	if p := fc.Features[0].Properties; p["leg"] != "road" || p["time_min"] != 0.689 || p["road_km"] != 0.378 {
		t.Errorf("road leg %v, want time_min 0.689, road_km 0.378", p)
	}
	var line [][2]float64
	json.Unmarshal(fc.Features[0].Geometry.Coordinates, &line)
	if len(line) != 6 || line[0] != [2]float64{0.0008, 0} || line[5] != [2]float64{0.0002, 0} {
		t.Errorf("road line %v: want the snapped ends and the square's 4 corners", line)
	}
}
