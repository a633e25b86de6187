package figures

import (
	"math"

	"github.com/paulmach/orb"
)

// earthRadiusKm is orb's Earth radius (WGS-84 semi-major axis) in km, so that
// the map's km agree with the distances orb/geo (and so sim's network) compute.
const earthRadiusKm = orb.EarthRadius / 1000

// Projection is a local equirectangular projection: x is km east and y km
// north of the origin (Lon0, Lat0), with x scaled by cos(Lat0) so that one km
// east and one km north have the same length. Over a county (< 200 km) the
// distortion is under 1%.
type Projection struct {
	Lon0, Lat0 float64 // origin in degrees
	kx, ky     float64 // km per degree of longitude and latitude
}

// NewProjection returns the projection centred on (lon0, lat0) in degrees.
func NewProjection(lon0, lat0 float64) Projection {
	ky := earthRadiusKm * math.Pi / 180
	return Projection{Lon0: lon0, Lat0: lat0, ky: ky, kx: ky * math.Cos(lat0*math.Pi/180)}
}

// Forward returns p's position in km east and north of the origin.
func (pr Projection) Forward(p orb.Point) (x, y float64) {
	return (p[0] - pr.Lon0) * pr.kx, (p[1] - pr.Lat0) * pr.ky
}

// Inverse returns the lon/lat of the point x km east and y km north of the
// origin.
func (pr Projection) Inverse(x, y float64) orb.Point {
	return orb.Point{pr.Lon0 + x/pr.kx, pr.Lat0 + y/pr.ky}
}

// extent is a box in projected km.
type extent struct{ minX, minY, maxX, maxY float64 }

func emptyExtent() extent {
	return extent{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
}

func (e *extent) add(x, y float64) {
	e.minX, e.maxX = math.Min(e.minX, x), math.Max(e.maxX, x)
	e.minY, e.maxY = math.Min(e.minY, y), math.Max(e.maxY, y)
}

func (e extent) empty() bool { return !(e.minX <= e.maxX) }

func (e extent) dx() float64 { return e.maxX - e.minX }
func (e extent) dy() float64 { return e.maxY - e.minY }

// lonLatBounds collects the bounds of every point given to it.
type lonLatBounds struct {
	b  orb.Bound
	ok bool
}

func (l *lonLatBounds) add(p orb.Point) {
	if !l.ok {
		l.b, l.ok = orb.Bound{Min: p, Max: p}, true
		return
	}
	l.b = l.b.Extend(p)
}
