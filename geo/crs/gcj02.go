package crs

import "math"

// Krasovsky 1940 ellipsoid, used by the GCJ-02 formula.
const (
	gcjA  = 6378245.0
	gcjEE = 0.00669342162296594323
)

// OutOfChina reports whether a point lies outside the rectangle where
// GCJ-02 applies (longitude 72.004..137.8347, latitude 0.8293..55.8271).
func OutOfChina(lon, lat float64) bool {
	return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
}

func gcjDelta(lon, lat float64) (dlon, dlat float64) {
	x, y := lon-105, lat-35
	dlat = -100 + 2*x + 3*y + 0.2*y*y + 0.1*x*y + 0.2*math.Sqrt(math.Abs(x))
	dlat += (20*math.Sin(6*x*math.Pi) + 20*math.Sin(2*x*math.Pi)) * 2 / 3
	dlat += (20*math.Sin(y*math.Pi) + 40*math.Sin(y/3*math.Pi)) * 2 / 3
	dlat += (160*math.Sin(y/12*math.Pi) + 320*math.Sin(y*math.Pi/30)) * 2 / 3
	dlon = 300 + x + 2*y + 0.1*x*x + 0.1*x*y + 0.1*math.Sqrt(math.Abs(x))
	dlon += (20*math.Sin(6*x*math.Pi) + 20*math.Sin(2*x*math.Pi)) * 2 / 3
	dlon += (20*math.Sin(x*math.Pi) + 40*math.Sin(x/3*math.Pi)) * 2 / 3
	dlon += (150*math.Sin(x/12*math.Pi) + 300*math.Sin(x/30*math.Pi)) * 2 / 3
	rad := lat / 180 * math.Pi
	magic := 1 - gcjEE*math.Sin(rad)*math.Sin(rad)
	sq := math.Sqrt(magic)
	dlat = dlat * 180 / ((gcjA * (1 - gcjEE)) / (magic * sq) * math.Pi)
	dlon = dlon * 180 / (gcjA / sq * math.Cos(rad) * math.Pi)
	return dlon, dlat
}

// WGS84ToGCJ02 converts WGS-84 to GCJ-02 (identity outside China).
func WGS84ToGCJ02(lon, lat float64) (float64, float64) {
	if OutOfChina(lon, lat) {
		return lon, lat
	}
	dlon, dlat := gcjDelta(lon, lat)
	return lon + dlon, lat + dlat
}

// GCJ02ToWGS84 converts GCJ-02 to WGS-84 by iterating the forward formula
// until it maps the result back to the input within 1e-9 degree (0.1 mm).
func GCJ02ToWGS84(lon, lat float64) (float64, float64) {
	if OutOfChina(lon, lat) {
		return lon, lat
	}
	return invert(lon, lat, WGS84ToGCJ02)
}

// invert solves f(x, y) = (lon, lat) by fixed-point iteration from (lon, lat);
// f must be close to a translation, as both datum shifts are.
func invert(lon, lat float64, f func(float64, float64) (float64, float64)) (float64, float64) {
	x, y := lon, lat
	for i := 0; i < 30; i++ {
		fx, fy := f(x, y)
		dx, dy := fx-lon, fy-lat
		x, y = x-dx, y-dy
		if math.Abs(dx) < 1e-10 && math.Abs(dy) < 1e-10 {
			break
		}
	}
	return x, y
}
