package figures

import (
	"math"
	"sort"
)

// ECDF returns the share of values <= x (the empirical distribution
// function); 0 for no values. O(n).
func ECDF(values []float64, x float64) float64 {
	if len(values) == 0 {
		return 0
	}
	n := 0
	for _, v := range values {
		if v <= x {
			n++
		}
	}
	return float64(n) / float64(len(values))
}

// Quantile returns the p-quantile of sorted (ascending) values with linear
// interpolation between order statistics (R type 7); NaN for no values.
func Quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := p * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	if lo < 0 {
		return sorted[0]
	}
	a, b := sorted[lo], sorted[lo+1]
	if math.IsInf(b, 1) {
		if h == float64(lo) {
			return a
		}
		return b
	}
	return a + (h-float64(lo))*(b-a)
}

func sortedCopy(v []float64) []float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s
}

// ecdfCurve returns the step curve of sorted values on [0, xmax], with at
// most about maxPts vertices: exact at every x in must (e.g. the targets)
// and on a regular grid elsewhere.
func ecdfCurve(sorted []float64, xmax float64, must []float64, maxPts int) (xs, ys []float64) {
	n := float64(len(sorted))
	grid := make([]float64, 0, maxPts+len(must)+1)
	for i := 0; i <= maxPts; i++ {
		grid = append(grid, xmax*float64(i)/float64(maxPts))
	}
	for _, m := range must {
		if m >= 0 && m <= xmax {
			grid = append(grid, m)
		}
	}
	sort.Float64s(grid)
	for _, x := range grid {
		k := sort.Search(len(sorted), func(i int) bool { return sorted[i] > x })
		xs, ys = append(xs, x), append(ys, float64(k)/n)
	}
	return xs, ys
}
