package sim

import (
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestTimesMatchesGonum: the selection-based quantiles equal gonum's
// Empirical quantiles of the sorted sample, on random samples with many ties.
func TestTimesMatchesGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + r.IntN(300)
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64(r.IntN(20)) // ties
			if trial%2 == 1 {
				xs[i] = r.NormFloat64()
			}
		}
		sorted := append([]float64(nil), xs...)
		sort.Float64s(sorted)
		got := times(xs)
		for _, c := range []struct {
			p   float64
			got float64
		}{{0.5, got.Median}, {0.9, got.P90}, {0.95, got.P95}} {
			if want := stat.Quantile(c.p, stat.Empirical, sorted, nil); c.got != want {
				t.Fatalf("n=%d p=%g: got %g, want %g", n, c.p, c.got, want)
			}
		}
	}
}
