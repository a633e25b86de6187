package figures

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
)

// Bands are travel-time classes in minutes: the increasing upper bounds of
// every class but the last, which is open. Bands{5, 10, 15, 30} makes five
// classes: <= 5, (5, 10], (10, 15], (15, 30] and > 30 (which holds the
// unreachable points, time +Inf).
type Bands []float64

// DefaultBands are the classes planners use: 0-5, 5-10, 10-15, 15-30 and
// over 30 minutes.
var DefaultBands = Bands{5, 10, 15, 30}

// N returns the number of classes, len(b)+1.
func (b Bands) N() int { return len(b) + 1 }

// Class returns the index of v's class: the first i with v <= b[i], or
// len(b) when v is above every bound (including +Inf). O(log len(b)) would
// not pay for five bounds: it is a linear scan.
func (b Bands) Class(v float64) int {
	for i, e := range b {
		if v <= e {
			return i
		}
	}
	return len(b)
}

// Count returns the number of values in each class and, when weights is not
// nil (same length as values), the summed weight in each class.
func (b Bands) Count(values, weights []float64) (n []int, w []float64) {
	n = make([]int, b.N())
	w = make([]float64, b.N())
	for i, v := range values {
		k := b.Class(v)
		n[k]++
		if weights != nil {
			w[k] += weights[i]
		}
	}
	return n, w
}

// Labels returns the legend text of each class: "0-5", "5-10", ..., "> 30"
// (with an en dash).
func (b Bands) Labels() []string {
	out := make([]string, b.N())
	lo := "0"
	for i, e := range b {
		hi := strconv.FormatFloat(e, 'f', -1, 64)
		out[i] = lo + "–" + hi
		lo = hi
	}
	out[len(b)] = "> " + lo
	return out
}

// check reports whether the bounds are finite, non-negative and increasing.
func (b Bands) check() error {
	for i, e := range b {
		if math.IsNaN(e) || math.IsInf(e, 0) || e < 0 || (i > 0 && e <= b[i-1]) {
			return fmt.Errorf("%w: Bands[%d] = %v (bounds must be finite, >= 0 and increasing)", ErrBadValue, i, e)
		}
	}
	return nil
}

// ylOrRd are anchors of ColorBrewer's YlOrRd ramp (colour-blind safe,
// sequential), without its palest end so that the best class stays visible
// on white paper.
var ylOrRd = []color.RGBA{
	{0xfe, 0xd9, 0x76, 0xff},
	{0xfe, 0xb2, 0x4c, 0xff},
	{0xfd, 0x8d, 0x3c, 0xff},
	{0xe3, 0x1a, 0x1c, 0xff},
	{0x80, 0x00, 0x26, 0xff},
}

// sequential returns n colours from light (good) to dark (bad) along the
// YlOrRd ramp.
func sequential(n int) []color.RGBA {
	out := make([]color.RGBA, n)
	for i := range out {
		t := 0.0
		if n > 1 {
			t = float64(i) / float64(n-1)
		}
		out[i] = ramp(ylOrRd, t)
	}
	return out
}

// ramp interpolates linearly between anchors at t in [0, 1].
func ramp(anchors []color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	f := t * float64(len(anchors)-1)
	i := int(f)
	if i >= len(anchors)-1 {
		return anchors[len(anchors)-1]
	}
	a, b, u := anchors[i], anchors[i+1], f-float64(i)
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-u) + float64(y)*u)) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
