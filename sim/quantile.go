package sim

import (
	"math"

	"gonum.org/v1/gonum/stat"
)

// times summarises xs (reordering it). The quantiles are those of
// stat.Quantile(p, stat.Empirical, ...) on the sorted sample, found by
// selection in O(n) instead of sorting.
func times(xs []float64) Times {
	n := len(xs)
	if n == 0 {
		nan := math.NaN()
		return Times{Mean: nan, Median: nan, P90: nan, P95: nan}
	}
	out := Times{N: n, Mean: stat.Mean(xs, nil)}
	k95, k90, k50 := empiricalIndex(0.95, n), empiricalIndex(0.9, n), empiricalIndex(0.5, n)
	out.P95 = selectK(xs, k95)
	out.P90 = selectK(xs[:k95+1], k90)
	out.Median = selectK(xs[:k90+1], k50)
	return out
}

// empiricalIndex is the index in the sorted sample of the p-quantile by
// the inverse of the empirical CDF: the first i with i+1 >= p*n.
func empiricalIndex(p float64, n int) int {
	return max(int(math.Ceil(p*float64(n)))-1, 0)
}

// selectK reorders a so that a[k] is its k-th smallest element, everything
// before it no larger and everything after no smaller, and returns a[k]
// (Hoare's quickselect, median-of-three pivots; expected O(len(a))).
func selectK(a []float64, k int) float64 {
	lo, hi := 0, len(a)-1
	for lo < hi {
		x, y, z := a[lo], a[lo+(hi-lo)/2], a[hi]
		p := math.Max(math.Min(x, y), math.Min(math.Max(x, y), z))
		i, j := lo, hi
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return a[k]
		}
	}
	return a[k]
}

// hourExposure returns how many seconds of [a, b) fall in each hour of day.
func hourExposure(a, b float64) [24]float64 {
	var e [24]float64
	for a < b {
		hr := math.Floor(a/3600) + 1
		end := math.Min(b, hr*3600)
		e[int(hr-1)%24] += end - a
		a = end
	}
	return e
}
