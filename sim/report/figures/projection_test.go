package figures

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

func TestProjectionKmSteps(t *testing.T) {
	for _, lat := range []float64{0, 28.25, 45, 60} {
		pr := NewProjection(112.5, lat)
		// One km east and one km north of the origin, found by the inverse.
		e, n := pr.Inverse(1, 0), pr.Inverse(0, 1)
		ex, ey := pr.Forward(e)
		nx, ny := pr.Forward(n)
		if math.Abs(ex-1) > 1e-12 || math.Abs(ey) > 1e-12 || math.Abs(nx) > 1e-12 || math.Abs(ny-1) > 1e-12 {
			t.Errorf("lat %v: east (%v, %v), north (%v, %v)", lat, ex, ey, nx, ny)
		}
		// Cross-check against orb's haversine distance: both steps are 1 km
		// on the ground (to 1e-6).
		o := orb.Point{112.5, lat}
		for _, q := range []orb.Point{e, n} {
			if d := orbgeo.DistanceHaversine(o, q) / 1000; math.Abs(d-1) > 1e-6 {
				t.Errorf("lat %v: step to %v is %v km on the ground", lat, q, d)
			}
		}
		// A degree of longitude is cos(lat) times a degree of latitude.
		x, _ := pr.Forward(orb.Point{113.5, lat})
		_, y := pr.Forward(orb.Point{112.5, lat + 1})
		if want := math.Cos(lat * math.Pi / 180); math.Abs(x/y-want) > 1e-12 {
			t.Errorf("lat %v: lon/lat degree ratio %v, want %v", lat, x/y, want)
		}
	}
}

func TestMapLayoutEqualScale(t *testing.T) {
	th := Options{}.theme()
	b := orb.Bound{Min: orb.Point{111.9, 27.95}, Max: orb.Point{112.8, 28.45}}
	m := newMapLayout(b, th, []legendItem{header("x"), entry("y", nil)}, 20, 10)
	// 1 km east and 1 km north of the map's centre have the same length on
	// paper, and that length is the layout's scale.
	c := m.proj.Inverse(0, 0)
	o := m.xy(c)
	e, n := m.xy(m.proj.Inverse(1, 0)), m.xy(m.proj.Inverse(0, 1))
	dx, dy := float64(e.X-o.X), float64(n.Y-o.Y)
	if math.Abs(dx-dy) > 1e-9 || math.Abs(dx-m.scale) > 1e-9 || float64(e.Y-o.Y) != 0 {
		t.Errorf("1 km east = %v pt, 1 km north = %v pt, scale %v", dx, dy, m.scale)
	}
	// The panel has the data's aspect.
	pw, ph := float64(m.panel.Max.X-m.panel.Min.X), float64(m.panel.Max.Y-m.panel.Min.Y)
	if math.Abs(pw/ph-m.ext.dx()/m.ext.dy()) > 1e-9 {
		t.Errorf("panel aspect %v, extent aspect %v", pw/ph, m.ext.dx()/m.ext.dy())
	}
	// It fits in the page limits.
	if m.w > th.width+1e-9 || m.h > th.maxHeight+1e-9 {
		t.Errorf("figure %v x %v exceeds %v x %v", m.w, m.h, th.width, th.maxHeight)
	}
	// The scale bar's paper length is its km label times the scale, i.e.
	// the distance between two points that far apart on the ground.
	km, l := scaleBar(m)
	a, z := m.xy(m.proj.Inverse(-km/2, 0)), m.xy(m.proj.Inverse(km/2, 0))
	if math.Abs(float64(z.X-a.X-l)) > 1e-9 {
		t.Errorf("scale bar %v km drawn %v pt, ground distance %v pt", km, l, z.X-a.X)
	}
	if km != niceLength(km) || km < m.ext.dx()/10 || km > m.ext.dx()/5 {
		t.Errorf("scale bar %v km for a map %v km wide", km, m.ext.dx())
	}
}

func TestTallDataLimitedByHeight(t *testing.T) {
	th := Options{}.theme()
	// A north-south strip: the height limit binds and the width shrinks.
	b := orb.Bound{Min: orb.Point{112, 27}, Max: orb.Point{112.1, 29}}
	m := newMapLayout(b, th, nil, 0, 0)
	ph := m.panel.Max.Y - m.panel.Min.Y
	if math.Abs(float64(ph-(th.maxHeight-2*margin))) > 1e-9 {
		t.Errorf("panel height %v, want the limit %v", ph, th.maxHeight-2*margin)
	}
	if m.w >= th.width/2 {
		t.Errorf("figure width %v should shrink with the aspect", m.w)
	}
}

func TestNiceLength(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{1, 1}, {1.9, 1}, {2, 2}, {4.99, 2}, {5, 5}, {9.9, 5}, {10, 10}, {18, 10}, {23, 20}, {0.37, 0.2}, {730, 500},
	} {
		if got := niceLength(c.in); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("niceLength(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
