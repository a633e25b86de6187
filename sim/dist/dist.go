package dist

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// ErrParam is wrapped by every parameter error.
var ErrParam = errors.New("dist: invalid parameter")

// Kind names a distribution family.
type Kind uint8

// The distribution families.
const (
	KindNone        Kind = iota // the zero Spec: invalid
	KindFixed                   // always A
	KindExponential             // mean A
	KindLogNormal               // log-mean A (mu), log-sd B (sigma)
	KindGamma                   // shape A (alpha), rate B (beta)
)

var kindNames = [...]string{"none", "fixed", "exponential", "lognormal", "gamma"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// z90 is the 90th percentile of the standard normal distribution.
const z90 = 1.2815515655446004

// Spec is a distribution in canonical parameters. Build it with the
// constructors; the zero value is invalid.
type Spec struct {
	Kind Kind
	A, B float64 // see the Kind constants
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func bad(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrParam}, a...)...)
}

// Fixed is the constant v (v >= 0).
func Fixed(v float64) (Spec, error) {
	if !finite(v) || v < 0 {
		return Spec{}, bad("fixed value must be a finite number >= 0, got %g", v)
	}
	return Spec{Kind: KindFixed, A: v}, nil
}

// Exponential has the given mean (> 0).
func Exponential(mean float64) (Spec, error) {
	if !finite(mean) || mean <= 0 {
		return Spec{}, bad("exponential mean must be > 0, got %g", mean)
	}
	return Spec{Kind: KindExponential, A: mean}, nil
}

// LogNormalP90 is the lognormal with the given median and 90th percentile
// (0 < median < p90).
func LogNormalP90(median, p90 float64) (Spec, error) {
	if !finite(median) || median <= 0 {
		return Spec{}, bad("lognormal median must be > 0, got %g", median)
	}
	if !finite(p90) || p90 <= median {
		return Spec{}, bad("lognormal p90 (%g) must be greater than the median (%g)", p90, median)
	}
	return Spec{Kind: KindLogNormal, A: math.Log(median), B: math.Log(p90/median) / z90}, nil
}

// LogNormalMeanSD is the lognormal with the given mean and standard deviation (both > 0).
func LogNormalMeanSD(mean, sd float64) (Spec, error) {
	if !finite(mean) || mean <= 0 || !finite(sd) || sd <= 0 {
		return Spec{}, bad("lognormal mean and sd must be > 0, got mean %g, sd %g", mean, sd)
	}
	s2 := math.Log1p(sd * sd / (mean * mean))
	return Spec{Kind: KindLogNormal, A: math.Log(mean) - s2/2, B: math.Sqrt(s2)}, nil
}

// GammaMeanSD is the gamma distribution with the given mean and standard deviation (both > 0).
func GammaMeanSD(mean, sd float64) (Spec, error) {
	if !finite(mean) || mean <= 0 || !finite(sd) || sd <= 0 {
		return Spec{}, bad("gamma mean and sd must be > 0, got mean %g, sd %g", mean, sd)
	}
	shape := mean * mean / (sd * sd)
	return Spec{Kind: KindGamma, A: shape, B: shape / mean}, nil
}

// GammaShapeScale is the gamma distribution with the given shape and scale (both > 0).
func GammaShapeScale(shape, scale float64) (Spec, error) {
	if !finite(shape) || shape <= 0 || !finite(scale) || scale <= 0 {
		return Spec{}, bad("gamma shape and scale must be > 0, got shape %g, scale %g", shape, scale)
	}
	return Spec{Kind: KindGamma, A: shape, B: 1 / scale}, nil
}

// Validate reports whether s is a usable distribution (built by a
// constructor, or the equivalent by hand).
func (s Spec) Validate() error {
	switch s.Kind {
	case KindFixed:
		if finite(s.A) && s.A >= 0 {
			return nil
		}
	case KindExponential:
		if finite(s.A) && s.A > 0 {
			return nil
		}
	case KindLogNormal:
		if finite(s.A) && finite(s.B) && s.B > 0 {
			return nil
		}
	case KindGamma:
		if finite(s.A) && finite(s.B) && s.A > 0 && s.B > 0 {
			return nil
		}
	default:
		return bad("no distribution given (kind %v)", s.Kind)
	}
	return bad("%v parameters out of range: %g, %g", s.Kind, s.A, s.B)
}

// Mean returns the mean of the distribution.
func (s Spec) Mean() float64 {
	switch s.Kind {
	case KindFixed, KindExponential:
		return s.A
	case KindLogNormal:
		return math.Exp(s.A + s.B*s.B/2)
	case KindGamma:
		return s.A / s.B
	}
	return math.NaN()
}

// Quantile returns the p-quantile (0 < p < 1) of the distribution.
func (s Spec) Quantile(p float64) float64 {
	switch s.Kind {
	case KindFixed:
		return s.A
	case KindExponential:
		return -s.A * math.Log1p(-p)
	case KindLogNormal:
		return distuv.LogNormal{Mu: s.A, Sigma: s.B}.Quantile(p)
	case KindGamma:
		return distuv.Gamma{Alpha: s.A, Beta: s.B}.Quantile(p)
	}
	return math.NaN()
}

// Scaled returns the distribution of k*X (k > 0), e.g. Scaled(60) turns
// minutes into seconds.
func (s Spec) Scaled(k float64) Spec {
	switch s.Kind {
	case KindFixed, KindExponential:
		s.A *= k
	case KindLogNormal:
		s.A += math.Log(k)
	case KindGamma:
		s.B /= k
	}
	return s
}

// Sampler draws from one distribution with its own random source.
type Sampler interface {
	Rand() float64
}

// New returns a sampler of s drawing from src. It returns an error if s is
// invalid.
func (s Spec) New(src rand.Source) (Sampler, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	switch s.Kind {
	case KindFixed:
		return fixed(s.A), nil
	case KindExponential:
		return distuv.Exponential{Rate: 1 / s.A, Src: src}, nil
	case KindLogNormal:
		return distuv.LogNormal{Mu: s.A, Sigma: s.B, Src: src}, nil
	default:
		return distuv.Gamma{Alpha: s.A, Beta: s.B, Src: src}, nil
	}
}

type fixed float64

func (f fixed) Rand() float64 { return float64(f) }
