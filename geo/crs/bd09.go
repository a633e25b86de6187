package crs

import (
	"fmt"
	"math"
	"strings"
)

const bdXPi = math.Pi * 3000 / 180

// GCJ02ToBD09 converts GCJ-02 to Baidu's BD-09.
func GCJ02ToBD09(lon, lat float64) (float64, float64) {
	z := math.Sqrt(lon*lon+lat*lat) + 0.00002*math.Sin(lat*bdXPi)
	theta := math.Atan2(lat, lon) + 0.000003*math.Cos(lon*bdXPi)
	return z*math.Cos(theta) + 0.0065, z*math.Sin(theta) + 0.006
}

// BD09ToGCJ02 converts BD-09 to GCJ-02, exactly inverting GCJ02ToBD09.
func BD09ToGCJ02(lon, lat float64) (float64, float64) {
	x, y := lon-0.0065, lat-0.006 // the usual closed-form approximation, then refined
	z := math.Sqrt(x*x+y*y) - 0.00002*math.Sin(y*bdXPi)
	theta := math.Atan2(y, x) - 0.000003*math.Cos(x*bdXPi)
	gx, gy := z*math.Cos(theta), z*math.Sin(theta)
	for i := 0; i < 30; i++ {
		fx, fy := GCJ02ToBD09(gx, gy)
		dx, dy := fx-lon, fy-lat
		gx, gy = gx-dx, gy-dy
		if math.Abs(dx) < 1e-10 && math.Abs(dy) < 1e-10 {
			break
		}
	}
	return gx, gy
}

// WGS84ToBD09 converts WGS-84 to BD-09 (through GCJ-02).
func WGS84ToBD09(lon, lat float64) (float64, float64) {
	return GCJ02ToBD09(WGS84ToGCJ02(lon, lat))
}

// BD09ToWGS84 converts BD-09 to WGS-84 (through GCJ-02).
func BD09ToWGS84(lon, lat float64) (float64, float64) {
	return GCJ02ToWGS84(BD09ToGCJ02(lon, lat))
}

// System is a coordinate system a planner's file may use.
type System uint8

const (
	WGS84 System = iota // GPS, OpenStreetMap, sim's own
	GCJ02               // AMap/Gaode, Tencent
	BD09                // Baidu
)

func (s System) String() string {
	switch s {
	case GCJ02:
		return "gcj02"
	case BD09:
		return "bd09"
	}
	return "wgs84"
}

// Parse reads a system name as scenarios write it: wgs84, gcj02 or bd09
// (case and '-' / '_' ignored, so "WGS-84" and "GCJ_02" work; "" is wgs84).
func Parse(name string) (System, error) {
	n := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(name))
	switch n {
	case "", "wgs84", "epsg4326", "4326":
		return WGS84, nil
	case "gcj02", "amap", "gaode":
		return GCJ02, nil
	case "bd09", "baidu", "bd09ll":
		return BD09, nil
	}
	return WGS84, fmt.Errorf("crs: unknown coordinate system %q (want wgs84, gcj02 or bd09)", name)
}

// ToWGS84 converts a point in s to WGS-84.
func (s System) ToWGS84(lon, lat float64) (float64, float64) {
	switch s {
	case GCJ02:
		return GCJ02ToWGS84(lon, lat)
	case BD09:
		return BD09ToWGS84(lon, lat)
	}
	return lon, lat
}

// FromWGS84 converts a WGS-84 point to s.
func (s System) FromWGS84(lon, lat float64) (float64, float64) {
	switch s {
	case GCJ02:
		return WGS84ToGCJ02(lon, lat)
	case BD09:
		return WGS84ToBD09(lon, lat)
	}
	return lon, lat
}
