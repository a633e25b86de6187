package dist

import (
	"errors"
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

func mustSpec(t *testing.T, s Spec, err error) Spec {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestMoments draws 200,000 values of each family and checks the sample mean
// and median against the closed forms, within a few standard errors.
func TestMoments(t *testing.T) {
	cases := []struct {
		name         string
		spec         Spec
		err          error
		mean, median float64
	}{}
	add := func(name string, mean, median float64) func(Spec, error) {
		return func(s Spec, err error) {
			cases = append(cases, struct {
				name         string
				spec         Spec
				err          error
				mean, median float64
			}{name, s, err, mean, median})
		}
	}
	add("fixed", 3, 3)(Fixed(3))
	add("exp", 10, 10*math.Ln2)(Exponential(10))
	// lognormal median 15, p90 30: sigma = ln2/z90; mean = 15*exp(sigma^2/2).
	sig := math.Ln2 / z90
	add("lognormal p90", 15*math.Exp(sig*sig/2), 15)(LogNormalP90(15, 30))
	// lognormal mean 12, sd 6: sigma^2 = ln(1.25), median = 12/sqrt(1.25).
	add("lognormal meansd", 12, 12/math.Sqrt(1.25))(LogNormalMeanSD(12, 6))
	// gamma shape 1 scale 5 is exponential mean 5.
	add("gamma shape1", 5, 5*math.Ln2)(GammaShapeScale(1, 5))
	add("gamma meansd", 20, math.NaN())(GammaMeanSD(20, 8))
	for _, c := range cases {
		s := mustSpec(t, c.spec, c.err)
		if got := s.Mean(); math.Abs(got-c.mean) > 1e-9*c.mean {
			t.Errorf("%s: Mean() = %g, want %g", c.name, got, c.mean)
		}
		smp, err := s.New(rand.NewPCG(1, 2))
		if err != nil {
			t.Fatal(err)
		}
		const n = 200000
		xs := make([]float64, n)
		var sum, sum2 float64
		for i := range xs {
			x := smp.Rand()
			xs[i] = x
			sum += x
			sum2 += x * x
		}
		m := sum / n
		sd := math.Sqrt(math.Max(sum2/n-m*m, 0))
		if se := sd / math.Sqrt(n); math.Abs(m-c.mean) > 4*se+1e-12 {
			t.Errorf("%s: sample mean %g, want %g (se %g)", c.name, m, c.mean, se)
		}
		sort.Float64s(xs)
		if !math.IsNaN(c.median) {
			if med := xs[n/2]; math.Abs(med-c.median) > 0.01*c.median {
				t.Errorf("%s: sample median %g, want %g", c.name, med, c.median)
			}
		}
		if q := s.Quantile(0.5); !math.IsNaN(c.median) && math.Abs(q-c.median) > 1e-9*c.median {
			t.Errorf("%s: Quantile(0.5) = %g, want %g", c.name, q, c.median)
		}
	}
}

func TestP90(t *testing.T) {
	s, err := LogNormalP90(1.5, 3)
	if err != nil {
		t.Fatal(err)
	}
	if q := s.Quantile(0.9); math.Abs(q-3) > 1e-9 {
		t.Errorf("Quantile(0.9) = %g, want 3", q)
	}
	// Scaling minutes to seconds scales every quantile.
	if q := s.Scaled(60).Quantile(0.9); math.Abs(q-180) > 1e-7 {
		t.Errorf("scaled Quantile(0.9) = %g, want 180", q)
	}
	g, err := GammaMeanSD(10, 5)
	if err != nil {
		t.Fatal(err)
	}
	g = g.Scaled(60)
	if m := g.Mean(); math.Abs(m-600) > 1e-9 {
		t.Errorf("scaled gamma mean = %g, want 600", m)
	}
}

func TestErrors(t *testing.T) {
	nan := math.NaN()
	for i, f := range []func() (Spec, error){
		func() (Spec, error) { return Fixed(-1) },
		func() (Spec, error) { return Fixed(nan) },
		func() (Spec, error) { return Exponential(0) },
		func() (Spec, error) { return Exponential(math.Inf(1)) },
		func() (Spec, error) { return LogNormalP90(2, 2) },
		func() (Spec, error) { return LogNormalP90(0, 2) },
		func() (Spec, error) { return LogNormalMeanSD(1, 0) },
		func() (Spec, error) { return GammaMeanSD(-1, 1) },
		func() (Spec, error) { return GammaShapeScale(1, nan) },
	} {
		if _, err := f(); !errors.Is(err, ErrParam) {
			t.Errorf("case %d: err = %v, want ErrParam", i, err)
		}
	}
	if _, err := (Spec{}).New(rand.NewPCG(1, 1)); !errors.Is(err, ErrParam) {
		t.Errorf("zero Spec: err = %v, want ErrParam", err)
	}
	if err := (Spec{Kind: KindGamma, A: 1, B: -1}).Validate(); !errors.Is(err, ErrParam) {
		t.Errorf("bad gamma: err = %v, want ErrParam", err)
	}
}
