package scenario

import (
	"github.com/emsplan/sim/geo/crs"
	"github.com/paulmach/orb"
)

// CRS is the coordinate system an input declares. Chinese planners' facility
// lists often come from AMap (GCJ-02) or Baidu (BD-09); sim converts them to
// WGS-84 on load.
type CRS = crs.System

func parseCRS(s string) (CRS, bool) {
	c, err := crs.Parse(s)
	return c, err == nil
}

// toWGS84 converts p from c to WGS-84.
func toWGS84(c CRS, p orb.Point) orb.Point {
	lon, lat := c.ToWGS84(p[0], p[1])
	return orb.Point{lon, lat}
}

// validLonLat reports the rule p breaks, or "" when it is a usable WGS-84
// longitude/latitude pair.
func validLonLat(p orb.Point) string {
	switch {
	case p[0] != p[0] || p[1] != p[1]:
		return "coordinates must be numbers, got NaN"
	case p[0] < -180 || p[0] > 180:
		return "longitude must be between -180 and 180"
	case p[1] < -90 || p[1] > 90:
		return "latitude must be between -90 and 90"
	}
	return ""
}
