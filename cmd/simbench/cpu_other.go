//go:build !unix

package main

import "math"

// processCPU is not measured on this system: NaN.
func processCPU() float64 { return math.NaN() }
