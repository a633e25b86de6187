package sim

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Estimate is a figure's mean across replications with its t-based 95%
// confidence interval. Replications where the figure is NaN are left out
// (N counts the others); with N < 2 the interval is NaN.
type Estimate struct {
	Key   string
	By    string
	Index int
	N     int
	Mean  float64
	SD    float64 // across replications
	Half  float64 // half-width of the 95% interval
	Lo    float64
	Hi    float64
}

// meanCI returns the mean, standard deviation and 95% half-width of the
// non-NaN values in xs, and how many there were.
func meanCI(xs []float64) (n int, mean, sd, half float64) {
	v := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	n = len(v)
	if n == 0 {
		return 0, math.NaN(), math.NaN(), math.NaN()
	}
	mean = stat.Mean(v, nil)
	if n < 2 {
		return n, mean, math.NaN(), math.NaN()
	}
	sd = stat.StdDev(v, nil)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
	return n, mean, sd, t * sd / math.Sqrt(float64(n))
}

// Summarise returns an Estimate for every headline figure (Replication.Figures)
// across the replications, in the order of Figures.
func Summarise(reps []Replication) []Estimate {
	if len(reps) == 0 {
		return nil
	}
	cols := columns(reps)
	first := reps[0].Figures()
	out := make([]Estimate, len(first))
	for j, f := range first {
		n, mean, sd, half := meanCI(cols[j])
		out[j] = Estimate{Key: f.Key, By: f.By, Index: f.Index, N: n, Mean: mean, SD: sd,
			Half: half, Lo: mean - half, Hi: mean + half}
	}
	return out
}

// columns returns, for each figure j, its value in every replication.
func columns(reps []Replication) [][]float64 {
	var cols [][]float64
	for i := range reps {
		fs := reps[i].Figures()
		if cols == nil {
			cols = make([][]float64, len(fs))
		}
		for j := range cols {
			cols[j] = append(cols[j], fs[j].Value)
		}
	}
	return cols
}

// Difference is variant minus baseline for one figure, from paired
// replications (same seed and index, hence the same calls), with the t-based
// 95% interval of the mean difference.
type Difference struct {
	Key     string
	By      string
	Index   int
	N       int     // pairs where both values are defined
	Base    float64 // mean of the baseline over those pairs
	Variant float64 // mean of the variant over those pairs
	Mean    float64 // mean difference, Variant - Base
	Half    float64
	Lo, Hi  float64
	// Significant is true when the interval excludes 0 (N >= 2).
	Significant bool
}

// ErrPairing is returned by Compare when the result sets cannot be paired.
var ErrPairing = errors.New("sim: replications cannot be paired")

// Compare pairs replication i of base with replication i of variant (both
// must come from the same Config.Seed and count) and returns the difference
// of every figure present in both, matched by (Key, By, Index), in the order
// of the baseline's figures. Per-unit figures pair units by index.
func Compare(base, variant []Replication) ([]Difference, error) {
	if len(base) != len(variant) || len(base) == 0 {
		return nil, fmt.Errorf("%w: %d and %d replications", ErrPairing, len(base), len(variant))
	}
	for i := range base {
		if base[i].Index != variant[i].Index {
			return nil, fmt.Errorf("%w: position %d holds replications %d and %d", ErrPairing, i, base[i].Index, variant[i].Index)
		}
	}
	type key struct {
		k, by string
		i     int
	}
	bf, vf := base[0].Figures(), variant[0].Figures()
	pos := make(map[key]int, len(vf))
	for j, f := range vf {
		pos[key{f.Key, f.By, f.Index}] = j
	}
	bc, vc := columns(base), columns(variant)
	var out []Difference
	for j, f := range bf {
		jv, ok := pos[key{f.Key, f.By, f.Index}]
		if !ok {
			continue
		}
		var b, v, d []float64
		for i := range base {
			x, y := bc[j][i], vc[jv][i]
			if math.IsNaN(x) || math.IsNaN(y) {
				continue
			}
			b, v, d = append(b, x), append(v, y), append(d, y-x)
		}
		n, mean, _, half := meanCI(d)
		_, mb, _, _ := meanCI(b)
		_, mv, _, _ := meanCI(v)
		out = append(out, Difference{Key: f.Key, By: f.By, Index: f.Index, N: n, Base: mb, Variant: mv,
			Mean: mean, Half: half, Lo: mean - half, Hi: mean + half,
			Significant: n >= 2 && (mean-half > 0 || mean+half < 0)})
	}
	return out, nil
}
