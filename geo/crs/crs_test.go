package crs

import (
	"math"
	"math/rand/v2"
	"testing"
)

// metres between two nearby points (equirectangular, enough for < 1 km).
func metres(lon1, lat1, lon2, lat2 float64) float64 {
	const m = 6371008.8 * math.Pi / 180
	return math.Hypot((lon2-lon1)*m*math.Cos(lat1*math.Pi/180), (lat2-lat1)*m)
}

// Published reference pairs: eviltransform's tests (Shanghai, Shenzhen,
// Beijing; WGS-84 -> GCJ-02 to 5 decimals) and gcoord's tests ([123, 45]).
var refs = []struct {
	name             string
	from             System
	lon, lat         float64
	to               System
	wantLon, wantLat float64
}{
	{"shanghai", WGS84, 121.5272106, 31.1774276, GCJ02, 121.531541859215, 31.17530398364597},
	{"shenzhen", WGS84, 113.912316, 22.543847, GCJ02, 113.9171764808363, 22.540796131694766},
	{"beijing", WGS84, 116.377817, 39.911954, GCJ02, 116.38404722455657, 39.91334545536069},
	{"gcoord wgs->gcj", WGS84, 123, 45, GCJ02, 123.00607541, 45.00197815},
	{"gcoord wgs->bd", WGS84, 123, 45, BD09, 123.0124491, 45.0083293},
	{"gcoord gcj->bd", GCJ02, 123, 45, BD09, 123.00636499, 45.00636899},
	{"gcoord gcj->wgs", GCJ02, 123, 45, WGS84, 122.99395597, 44.99804071},
}

func TestReferencePairs(t *testing.T) {
	for _, r := range refs {
		lon, lat := r.to.FromWGS84(r.from.ToWGS84(r.lon, r.lat))
		if math.Abs(lon-r.wantLon) > 1e-5 || math.Abs(lat-r.wantLat) > 1e-5 {
			t.Errorf("%s: %.8f,%.8f, want %.8f,%.8f", r.name, lon, lat, r.wantLon, r.wantLat)
		}
	}
}

func TestRoundTripsInChina(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 2000; i++ {
		lon, lat := 73+rng.Float64()*62, 18+rng.Float64()*35
		for _, s := range []System{GCJ02, BD09} {
			x, y := s.FromWGS84(lon, lat)
			if d := metres(lon, lat, x, y); d < 1 || d > 2000 {
				t.Fatalf("%v shifts %g,%g by %g m, want a few hundred", s, lon, lat, d)
			}
			bx, by := s.ToWGS84(x, y)
			if d := metres(lon, lat, bx, by); d > 0.01 {
				t.Fatalf("%v round trip at %g,%g is off by %g m", s, lon, lat, d)
			}
		}
	}
	// Ningxiang county seat: GCJ-02 shifts it by some 500-600 m.
	x, y := WGS84ToGCJ02(112.55, 28.27)
	if d := metres(112.55, 28.27, x, y); d < 300 || d > 800 {
		t.Errorf("Ningxiang GCJ-02 shift %g m", d)
	}
}

func TestIdentityOutsideChina(t *testing.T) {
	for _, p := range [][2]float64{{1.52, 42.5}, {-122.3, 37.8}, {151.2, -33.9}, {140, 36}} {
		if x, y := WGS84ToGCJ02(p[0], p[1]); x != p[0] || y != p[1] {
			t.Errorf("GCJ-02 moved %v outside China to %g,%g", p, x, y)
		}
		if x, y := GCJ02ToWGS84(p[0], p[1]); x != p[0] || y != p[1] {
			t.Errorf("GCJ-02 inverse moved %v", p)
		}
	}
}

func TestParse(t *testing.T) {
	for name, want := range map[string]System{"": WGS84, "WGS-84": WGS84, "gcj02": GCJ02, "GCJ_02": GCJ02, "bd09": BD09, "Baidu": BD09} {
		if got, err := Parse(name); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", name, got, err)
		}
	}
	if _, err := Parse("utm50n"); err == nil {
		t.Error("Parse accepted utm50n")
	}
}
