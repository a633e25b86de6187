package crs_test

import (
	"fmt"

	"github.com/emsplan/sim/geo/crs"
)

func Example() {
	// A point in central Beijing as AMap (GCJ-02) gives it, back to WGS-84.
	lon, lat := crs.GCJ02ToWGS84(116.38404722455657, 39.91334545536069)
	fmt.Printf("%.5f %.5f\n", lon, lat)
	// Output: 116.37782 39.91195
}
