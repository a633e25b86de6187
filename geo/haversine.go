package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// EarthRadius is the sphere radius used for every length, in metres (the
// IUGG mean radius, as the peers use).
const EarthRadius = 6371008.8

const degToRad = math.Pi / 180

// Haversine returns the great-circle distance between a and b in metres on a
// sphere of radius EarthRadius.
func Haversine(a, b orb.Point) float64 {
	return haversineRad(a[0]*degToRad, a[1]*degToRad, b[0]*degToRad, b[1]*degToRad)
}

func haversineRad(lon1, lat1, lon2, lat2 float64) float64 {
	sdlat := math.Sin((lat2 - lat1) / 2)
	sdlon := math.Sin((lon2 - lon1) / 2)
	h := sdlat*sdlat + math.Cos(lat1)*math.Cos(lat2)*sdlon*sdlon
	if h > 1 {
		h = 1
	}
	return 2 * EarthRadius * math.Asin(math.Sqrt(h))
}

// haversineE7 is Haversine on 1e-7 degree coordinates, with the differences
// taken exactly in integers (converting first would lose up to 1e-9 of the
// length of a segment of a few centimetres).
func haversineE7(x1, y1, x2, y2 int32) float64 {
	const k = degToRad / 1e7
	sdlat := math.Sin(float64(int64(y2)-int64(y1)) * k / 2)
	sdlon := math.Sin(float64(int64(x2)-int64(x1)) * k / 2)
	h := sdlat*sdlat + math.Cos(float64(y1)*k)*math.Cos(float64(y2)*k)*sdlon*sdlon
	return 2 * EarthRadius * math.Asin(math.Sqrt(min(h, 1)))
}

// OffroadSeconds returns the time in seconds to cover dist metres at kmh km/h
// (the leg between a point and its snapped position on the road). It returns
// +Inf if kmh <= 0.
func OffroadSeconds(dist, kmh float64) float64 {
	if !(kmh > 0) {
		return math.Inf(1)
	}
	return dist / (kmh / 3.6)
}
