package main

import (
	"math"
	"testing"
)

func TestApportion(t *testing.T) {
	cases := []struct {
		total int
		w     []float64
		want  []int
	}{
		{10, []float64{1, 1, 1}, []int{4, 3, 3}}, // 3.33 each: one unit left, to the first on a tie
		// 3.5, 1.75, 1.75: floors 3+1+1 = 5, two left; the largest remainders (0.75, 0.75) get them.
		{7, []float64{0.5, 0.25, 0.25}, []int{3, 2, 2}},
		{5, []float64{0, 1}, []int{0, 5}},
		{0, []float64{2, 3}, []int{0, 0}},
	}
	for _, c := range cases {
		got := apportion(c.total, c.w)
		sum := 0
		for i := range got {
			sum += got[i]
			if got[i] != c.want[i] {
				t.Errorf("apportion(%d, %v) = %v, want %v", c.total, c.w, got, c.want)
				break
			}
		}
		if sum != c.total {
			t.Errorf("apportion(%d, %v) sums to %d", c.total, c.w, sum)
		}
	}
}

func TestCleanVillageName(t *testing.T) {
	cases := []struct {
		raw, name string
		community bool
	}{
		{"文中社区居委会", "文中社区", true},
		{"楚沩社区", "楚沩社区", true},
		{"金星社区居民委员会", "金星社区", true},
		{"河东新村委会", "河东新村", false},
		{"南田坪村村民委员会", "南田坪村", false},
		{"罗巷新村村民委委会", "罗巷新村", false},
	}
	for _, c := range cases {
		n, com := cleanVillageName(c.raw)
		if n != c.name || com != c.community {
			t.Errorf("cleanVillageName(%q) = %q, %v; want %q, %v", c.raw, n, com, c.name, c.community)
		}
	}
}

func TestGeometryHelpers(t *testing.T) {
	sq := []pt{{0, 0}, {2, 0}, {2, 2}, {0, 2}}
	if a := area(sq); a != 4 {
		t.Errorf("area of the 2x2 square = %v", a)
	}
	if c := centroid(sq); c != (pt{1, 1}) {
		t.Errorf("centroid = %v", c)
	}
	if !inPoly(sq, pt{1, 1}) || inPoly(sq, pt{3, 1}) {
		t.Error("inPoly")
	}
	h := hull([]pt{{0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}, {1, 0.5}})
	if len(h) != 4 || area(h) != 4 {
		t.Errorf("hull = %v", h)
	}
	// Buffering the square by 1 adds the perimeter (8) and a circle (pi) to its area.
	b := bufferConvex(sq, 1, 1)
	if got, want := area(b), 4+8+math.Pi; math.Abs(got-want) > 0.01 {
		t.Errorf("buffered area %v, want %v", got, want)
	}
	// Clipping the square to x <= 1 halves it.
	if a := area(clipHalf(sq, pt{1, 0}, 1)); a != 2 {
		t.Errorf("clipped area %v", a)
	}
	if tt, u, ok := segX(pt{0, 0}, pt{2, 2}, pt{0, 2}, pt{2, 0}); !ok || tt != 0.5 || u != 0.5 {
		t.Errorf("segX = %v %v %v", tt, u, ok)
	}
	if d := distToSeg(pt{1, 1}, pt{0, 0}, pt{2, 0}); d != 1 {
		t.Errorf("distToSeg = %v", d)
	}
	// A ray east from the centre leaves the square at x = 2.
	if p := rayExit(sq, pt{1, 1}, pt{1, 0}); math.Abs(p.X-2) > 1e-9 || math.Abs(p.Y-1) > 1e-9 {
		t.Errorf("rayExit = %v", p)
	}
}

func TestProjectionRoundTrip(t *testing.T) {
	p := project(112.552, 28.278)
	lon, lat := unproject(p)
	if math.Abs(lon-112.552) > 1e-12 || math.Abs(lat-28.278) > 1e-12 {
		t.Errorf("round trip %v %v", lon, lat)
	}
	// 0.1 degree of latitude is 11.12 km.
	if d := project(112, 28.2).dist(project(112, 28.1)); math.Abs(d-11119.5) > 1 {
		t.Errorf("0.1 deg lat = %v m", d)
	}
}

// A road from the west to the east of a square obstacle goes around it along
// its boundary, the shorter way, and never through it.
func TestDetour(t *testing.T) {
	ob := []pt{{-1, -1}, {1, -1}, {1, 1.5}, {-1, 1.5}} // CCW; the bottom side is nearer y = 0
	path := detour(ob, pt{-5, 0}, pt{5, 0})
	want := []pt{{-5, 0}, {-1, 0}, {-1, -1}, {1, -1}, {1, 0}, {5, 0}}
	if len(path) != len(want) {
		t.Fatalf("detour = %v, want %v", path, want)
	}
	for i := range want {
		if path[i].dist(want[i]) > 1e-9 {
			t.Fatalf("detour = %v, want %v", path, want)
		}
	}
	if p := detour(ob, pt{-5, 5}, pt{5, 5}); len(p) != 2 {
		t.Errorf("a clear line should stay straight: %v", p)
	}
}

// Catmull-Rom passes through its two middle points.
func TestCatmullRomEnds(t *testing.T) {
	p0, p1, p2, p3 := pt{0, 0}, pt{1000, 500}, pt{3000, 400}, pt{4000, 0}
	if q := catmullRom(p0, p1, p2, p3, 0); q.dist(p1) > 1e-6 {
		t.Errorf("u=0 gives %v", q)
	}
	if q := catmullRom(p0, p1, p2, p3, 1); q.dist(p2) > 1e-6 {
		t.Errorf("u=1 gives %v", q)
	}
}

// shape keeps the ends free and vanishes with zero amplitude.
func TestShapeStraightWhenFlat(t *testing.T) {
	r := stream("test", "shape")
	mid := shape([]pt{{0, 0}, {1000, 0}}, style{Spacing: 100, AmpFrac: 0.1, AmpMax: 50, Jitter: 5}, r, 0)
	if len(mid) != 9 {
		t.Fatalf("%d interior vertices for 1 km at 100 m, want 9", len(mid))
	}
	for i, p := range mid {
		if math.Abs(p.Y) > 1e-9 || math.Abs(p.X-float64(i+1)*100) > 1e-9 {
			t.Errorf("vertex %d = %v", i, p)
		}
	}
}

// Least-squares placement, by hand: P has A (known, at the origin) to its
// north and B (known, at (20 km, 0)) to its east, both with area 100 km2, P
// with 100 km2: s = 0.4*(10+10) = 8 km. Equations: A - P = (0, 8 km) -> P =
// (0, -8 km); B - P = (8 km, 0) -> P = (12 km, 0). Average: (6 km, -4 km).
func TestPlaceSeatsLeastSquares(t *testing.T) {
	a := &township{Code: "a", SeatKnown: true, AreaTarget: 100}
	b := &township{Code: "b", SeatKnown: true, AreaTarget: 100}
	p := &township{Code: "p", AreaTarget: 100}
	a.SeatLon, a.SeatLat = unproject(pt{0, 0})
	b.SeatLon, b.SeatLat = unproject(pt{20000, 0})
	err := placeSeats([]*township{a, b, p}, []relation{{"p", "a", "N", ""}, {"p", "b", "E", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Seat.dist(pt{6000, -4000}) > 1e-6 {
		t.Errorf("placed at %v, want (6000, -4000)", p.Seat)
	}
}

// Township polygons tile the outline: each ring is simple, sample points lie
// in at most one polygon, and the outline's area is the county's.
func TestPolygonsTile(t *testing.T) {
	ts := features(t, "ningxiang/townships.geojson")
	var rings [][][2]float64
	lo, hi := [2]float64{999, 999}, [2]float64{-999, -999}
	for _, f := range ts {
		var r [][2]float64
		for _, c := range f.ring(t) {
			k := xyKm(c)
			r = append(r, k)
			lo = [2]float64{math.Min(lo[0], k[0]), math.Min(lo[1], k[1])}
			hi = [2]float64{math.Max(hi[0], k[0]), math.Max(hi[1], k[1])}
		}
		for i := 0; i+1 < len(r); i++ {
			for j := i + 2; j+1 < len(r); j++ {
				if i == 0 && j == len(r)-2 {
					continue
				}
				if crosses(r[i], r[i+1], r[j], r[j+1]) {
					t.Errorf("%s: border crosses itself", f.str("name_en"))
				}
			}
		}
		rings = append(rings, r)
	}
	in, n := 0, 0
	for x := lo[0]; x < hi[0]; x += 0.7 {
		for y := lo[1]; y < hi[1]; y += 0.7 {
			k := 0
			for _, r := range rings {
				if pip(r, [2]float64{x, y}) {
					k++
				}
			}
			if k > 1 {
				t.Fatalf("point (%.1f, %.1f) km lies in %d townships", x, y, k)
			}
			in += k
			n++
		}
	}
	// Sampled area (0.49 km2 per point) within 2% of 2,906 km2.
	if a := float64(in) * 0.49; math.Abs(a-countyAreaKm2) > 0.02*countyAreaKm2 {
		t.Errorf("sampled area %.0f km2", a)
	}
}
