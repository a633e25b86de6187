package compare

import (
	"math"

	"github.com/emsplan/sim/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Unpaired returns variant minus base for every headline figure with the
// Welch 95% interval: the interval two independent sets of replications
// would give. Figures are matched by position (Replication.Figures), as
// sim.Compare matches them.
func Unpaired(base, variant []sim.Replication) []sim.Difference {
	if len(base) == 0 || len(variant) == 0 {
		return nil
	}
	fb, fv := base[0].Figures(), variant[0].Figures()
	cb, cv := columns(base), columns(variant)
	index := map[[3]any]int{}
	for j, f := range fv {
		index[[3]any{f.Key, f.By, f.Index}] = j
	}
	var out []sim.Difference
	for j, f := range fb {
		k, ok := index[[3]any{f.Key, f.By, f.Index}]
		if !ok {
			continue
		}
		a, b := cb[j], cv[k]
		d := sim.Difference{Key: f.Key, By: f.By, Index: f.Index, N: min(len(a), len(b))}
		d.Base, d.Variant = stat.Mean(a, nil), stat.Mean(b, nil)
		d.Mean = d.Variant - d.Base
		d.Half = welch(a, b)
		d.Lo, d.Hi = d.Mean-d.Half, d.Mean+d.Half
		d.Significant = d.Lo > 0 || d.Hi < 0
		out = append(out, d)
	}
	return out
}

// columns returns, for each figure j, its value in every replication, NaNs
// left out.
func columns(reps []sim.Replication) [][]float64 {
	var cols [][]float64
	for i := range reps {
		fs := reps[i].Figures()
		if cols == nil {
			cols = make([][]float64, len(fs))
		}
		for j, f := range fs {
			if !math.IsNaN(f.Value) {
				cols[j] = append(cols[j], f.Value)
			}
		}
	}
	return cols
}

// welch returns the half-width of the 95% Welch interval of mean(b)-mean(a).
func welch(a, b []float64) float64 {
	if len(a) < 2 || len(b) < 2 {
		return math.NaN()
	}
	va, vb := stat.Variance(a, nil)/float64(len(a)), stat.Variance(b, nil)/float64(len(b))
	se := math.Sqrt(va + vb)
	if se == 0 {
		return 0
	}
	df := (va + vb) * (va + vb) / (va*va/float64(len(a)-1) + vb*vb/float64(len(b)-1))
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(0.975) * se
}
