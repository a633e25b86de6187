package sim

import (
	"math"
	"testing"

	"github.com/emsplan/sim/sim/dist"
)

// TestSamplerMatchesDist: the engine's own samplers draw bit for bit what
// dist's samplers draw from the same stream, for every family (fixed and
// exponential are drawn in sim; the others go through dist).
func TestSamplerMatchesDist(t *testing.T) {
	must := func(s dist.Spec, err error) dist.Spec {
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	specs := []dist.Spec{
		must(dist.Fixed(0)), must(dist.Fixed(90)), must(dist.Exponential(3600)), must(dist.Exponential(0.25)),
		must(dist.LogNormalP90(600, 1200)), must(dist.GammaMeanSD(900, 300)),
	}
	for _, s := range specs {
		want, err := s.New(NewStream(7, 3, "x"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := newSampler(s, NewStream(7, 3, "x"))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 10000; i++ {
			if a, b := got.rand(), want.Rand(); math.Float64bits(a) != math.Float64bits(b) {
				t.Fatalf("%v %g %g: draw %d is %v, dist draws %v", s.Kind, s.A, s.B, i, a, b)
			}
		}
	}
	if _, err := newSampler(dist.Spec{Kind: dist.KindExponential, A: -1}, NewStream(1, 0, "x")); err == nil {
		t.Error("an exponential with a negative mean was accepted")
	}
}
