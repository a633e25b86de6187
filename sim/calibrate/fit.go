package calibrate

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Lognormal is a duration fitted by maximum likelihood: log x ~ N(Mu, Sigma).
type Lognormal struct {
	Name              string  // dispatch_delay, turnout, travel, on_scene, transport, handover
	From, To          string  // the log fields it runs between
	N                 int     // calls with both times and a positive duration
	Mu, Sigma         float64 // of log minutes
	Median, P90       float64 // of the fit, minutes
	EmpMedian, EmpP90 float64 // of the data, minutes
	KS                float64 // Kolmogorov-Smirnov distance between the data and the fit
	sorted            []float64
}

// durations are the parts fitted: the scenario's four and the two the
// network times (travel, transport), for the report.
var durations = []struct{ name, from, to string }{
	{"dispatch_delay", Received, Dispatched},
	{"turnout", Dispatched, EnRoute},
	{"travel", EnRoute, AtScene},
	{"on_scene", AtScene, LeftScene},
	{"transport", LeftScene, AtHospital},
	{"handover", AtHospital, Clear},
}

// maxDurationMin drops durations longer than a day: a clerical error, not
// an operation (counted in N only if kept).
const maxDurationMin = 1440

// fitLognormal fits the positive values of xs (minutes). O(n log n).
func fitLognormal(name, from, to string, xs []float64) Lognormal {
	f := Lognormal{Name: name, From: from, To: to, Mu: math.NaN(), Sigma: math.NaN(), Median: math.NaN(), P90: math.NaN(),
		EmpMedian: math.NaN(), EmpP90: math.NaN(), KS: math.NaN()}
	var v []float64
	for _, x := range xs {
		if x > 0 && x <= maxDurationMin {
			v = append(v, x)
		}
	}
	f.N = len(v)
	if f.N < 2 {
		return f
	}
	sort.Float64s(v)
	f.sorted = v
	s, s2 := 0.0, 0.0
	for _, x := range v {
		l := math.Log(x)
		s += l
		s2 += l * l
	}
	n := float64(len(v))
	f.Mu = s / n
	f.Sigma = math.Sqrt(math.Max(s2/n-f.Mu*f.Mu, 0)) // the MLE divides by n
	f.Median = math.Exp(f.Mu)
	f.P90 = math.Exp(f.Mu + 1.2815515655446004*f.Sigma)
	f.EmpMedian, f.EmpP90 = quantile(v, 0.5), quantile(v, 0.9)
	if f.Sigma > 0 {
		f.KS = 0
		d := distuv.LogNormal{Mu: f.Mu, Sigma: f.Sigma}
		for i, x := range v {
			c := d.CDF(x)
			f.KS = math.Max(f.KS, math.Max(math.Abs(float64(i+1)/n-c), math.Abs(c-float64(i)/n)))
		}
	}
	return f
}

// quantile is the type-7 sample quantile of sorted data.
func quantile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	h := p * float64(len(sorted)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

// Share is a category's share of the calls with its Wilson 95% interval.
type Share struct {
	Name      string
	Count     int
	Share     float64
	Low, High float64
}

func shares(counts map[string]int) []Share {
	total := 0
	for _, c := range counts {
		total += c
	}
	var out []Share
	for k, c := range counts {
		lo, hi := wilson(c, total)
		out = append(out, Share{Name: k, Count: c, Share: float64(c) / float64(total), Low: lo, High: hi})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// wilson is the Wilson score 95% interval of k successes in n, within [0, 1].
func wilson(k, n int) (float64, float64) {
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	const z = 1.959963984540054
	p, nn := float64(k)/float64(n), float64(n)
	den := 1 + z*z/nn
	c := (p + z*z/(2*nn)) / den
	h := z * math.Sqrt(p*(1-p)/nn+z*z/(4*nn*nn)) / den
	return math.Max(0, c-h), math.Min(1, c+h)
}

// poissonCI is the exact (Garwood) 95% interval of a Poisson count k.
func poissonCI(k int) (float64, float64) {
	lo := 0.0
	if k > 0 {
		lo = distuv.ChiSquared{K: 2 * float64(k)}.Quantile(0.025) / 2
	}
	hi := distuv.ChiSquared{K: 2 * float64(k+1)}.Quantile(0.975) / 2
	return lo, hi
}
