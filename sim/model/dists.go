package model

import (
	"fmt"
	"strconv"

	"github.com/emsplan/sim/sim/dist"
	"github.com/emsplan/sim/sim/scenario"
)

// spec converts a scenario distribution (minutes) into an engine one (seconds).
func spec(d scenario.Dist) (dist.Spec, error) {
	var s dist.Spec
	var err error
	switch {
	case d.Kind == "fixed":
		s, err = dist.Fixed(d.Value)
	case d.Kind == "exponential":
		s, err = dist.Exponential(d.Mean)
	case d.Kind == "lognormal" && d.P90 > 0:
		s, err = dist.LogNormalP90(d.Median, d.P90)
	case d.Kind == "lognormal":
		s, err = dist.LogNormalMeanSD(d.Mean, d.SD)
	case d.Kind == "gamma" && d.Shape > 0:
		s, err = dist.GammaShapeScale(d.Shape, d.Scale)
	case d.Kind == "gamma":
		s, err = dist.GammaMeanSD(d.Mean, d.SD)
	default:
		return s, fmt.Errorf("model: unknown distribution %q", d.Kind)
	}
	if err != nil {
		return s, err
	}
	return s.Scaled(60), nil
}

// Median returns the median of d in minutes (0 for an unusable d, which the
// scenario loader has already rejected).
func Median(d scenario.Dist) float64 {
	s, err := spec(d)
	if err != nil {
		return 0
	}
	return s.Quantile(0.5) / 60
}

// Mean returns the mean of d in minutes (0 for an unusable d, which the
// scenario loader has already rejected).
func Mean(d scenario.Dist) float64 {
	s, err := spec(d)
	if err != nil {
		return 0
	}
	return s.Mean() / 60
}

func fmtFloat(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }
