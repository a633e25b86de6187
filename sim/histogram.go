package sim

import "math"

// HistogramWidth is the bin width of the response-time histograms: 6 s, so
// that targets in tenths of a minute fall on bin edges.
const HistogramWidth = 6.0

// histogramBins covers three hours; longer responses count in Over.
const histogramBins = 1800

// Histogram counts the response times of one zone class in a replication:
// Counts[k] holds the times t with k*Width < t <= (k+1)*Width (bin 0 also
// holds 0), Over the longer ones, Lost the calls never reached.
type Histogram struct {
	Width  float64
	Counts []int
	Over   int
	Lost   int
}

func newHistogram() Histogram {
	return Histogram{Width: HistogramWidth, Counts: make([]int, histogramBins)}
}

// add counts one response time (NaN or +Inf: a lost call).
func (h *Histogram) add(t float64) {
	switch {
	case math.IsNaN(t) || math.IsInf(t, 1):
		h.Lost++
	case t <= 0:
		h.Counts[0]++
	default:
		k := int(math.Ceil(t/h.Width)) - 1
		if k >= len(h.Counts) {
			h.Over++
		} else {
			h.Counts[k]++
		}
	}
}

// N returns the number of calls counted, lost ones included.
func (h *Histogram) N() int {
	n := h.Over + h.Lost
	for _, c := range h.Counts {
		n += c
	}
	return n
}

// CDF returns the share of the calls (lost ones included, never reached)
// reached within x seconds, exact when x is a multiple of Width (times
// beyond the last bin count only for x = +Inf); NaN when there are no calls.
func (h *Histogram) CDF(x float64) float64 {
	n := h.N()
	if n == 0 {
		return math.NaN()
	}
	k := len(h.Counts)
	if x < float64(k)*h.Width {
		k = int(math.Floor(x/h.Width + 1e-9))
	}
	within := 0
	for i := 0; i < k; i++ {
		within += h.Counts[i]
	}
	if math.IsInf(x, 1) {
		within += h.Over
	}
	return float64(within) / float64(n)
}

// MeanCDF returns, at x seconds, the mean over replications of their CDFs
// of zone class c: at a class's target this is the mean compliance of the
// class across replications (Summarise's estimate), when every call of the
// class has that target.
func MeanCDF(reps []Replication, c int, x float64) float64 {
	var sum float64
	n := 0
	for i := range reps {
		if v := reps[i].ResponseHist[c].CDF(x); !math.IsNaN(v) {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}
