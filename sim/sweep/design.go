package sweep

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/scenario"
)

// Design is how the points of a sweep are chosen.
type Design struct {
	Kind string // "oat", "grid" or "lhs"
	N    int    // points of a Latin hypercube
}

// maxPoints bounds a sweep: each point is a simulation.
const maxPoints = 10000

// ParseDesign reads oat, grid or lhs:N.
func ParseDesign(s string) (Design, error) {
	switch {
	case s == "oat" || s == "grid":
		return Design{Kind: s}, nil
	case strings.HasPrefix(s, "lhs:"):
		n, err := strconv.Atoi(s[4:])
		if err != nil || n < 2 || n > maxPoints {
			return Design{}, fmt.Errorf("%w: lhs:N wants N from 2 to %d, got %q", ErrParam, maxPoints, s[4:])
		}
		return Design{Kind: "lhs", N: n}, nil
	}
	return Design{}, fmt.Errorf("%w: design: oat, grid or lhs:N, got %q", ErrParam, s)
}

// Point is one setting of the parameters.
type Point struct {
	Index  int
	Values []float64 // one per parameter, in order
	Moved  int       // one at a time: the parameter moved from the baseline; -1 otherwise
}

// Points lists the points of the design; point 0 is always the baseline.
// One at a time: each parameter over its values with the others at the
// baseline's. Grid: every combination. Latin hypercube: N points, each
// parameter's range (its smallest to largest value) cut into N strata taken
// once each, in an order drawn from the scenario's seed.
func Points(base *scenario.Scenario, params []Param, d Design) ([]Point, error) {
	if len(params) == 0 {
		return nil, fmt.Errorf("%w: give at least one --vary", ErrParam)
	}
	bv := make([]float64, len(params))
	for i, p := range params {
		k, err := lookup(p.Key)
		if err != nil {
			return nil, err
		}
		bv[i] = k.get(base)
	}
	pts := []Point{{Index: 0, Values: bv, Moved: -1}}
	add := func(v []float64, moved int) {
		pts = append(pts, Point{Index: len(pts), Values: v, Moved: moved})
	}
	switch d.Kind {
	case "oat":
		for i, p := range params {
			for _, v := range p.Values {
				if v == bv[i] {
					continue
				}
				x := slices.Clone(bv)
				x[i] = v
				add(x, i)
			}
		}
	case "grid":
		n := 1
		for _, p := range params {
			n *= len(p.Values)
			if n > maxPoints {
				return nil, fmt.Errorf("%w: the grid has more than %d points: use lhs:N", ErrParam, maxPoints)
			}
		}
		idx := make([]int, len(params))
		for {
			x := make([]float64, len(params))
			for i, p := range params {
				x[i] = p.Values[idx[i]]
			}
			add(x, -1)
			i := 0
			for ; i < len(idx); i++ {
				if idx[i]++; idx[i] < len(params[i].Values) {
					break
				}
				idx[i] = 0
			}
			if i == len(idx) {
				break
			}
		}
	case "lhs":
		h := fnv.New64a()
		h.Write([]byte("sweep-lhs"))
		rng := rand.New(rand.NewPCG(base.Seed, h.Sum64()))
		cols := make([][]float64, len(params))
		for i, p := range params {
			lo, hi := slices.Min(p.Values), slices.Max(p.Values)
			perm := rng.Perm(d.N)
			cols[i] = make([]float64, d.N)
			for j := 0; j < d.N; j++ {
				u := (float64(perm[j]) + rng.Float64()) / float64(d.N)
				cols[i][j] = lo + u*(hi-lo)
			}
		}
		for j := 0; j < d.N; j++ {
			x := make([]float64, len(params))
			for i := range params {
				x[i] = cols[i][j]
			}
			add(x, -1)
		}
	default:
		return nil, fmt.Errorf("%w: unknown design %q", ErrParam, d.Kind)
	}
	if len(pts) > maxPoints+1 {
		return nil, fmt.Errorf("%w: %d points, more than %d", ErrParam, len(pts), maxPoints)
	}
	return pts, nil
}

// Scenario returns a copy of base with the point's values set.
func Scenario(base *scenario.Scenario, params []Param, p Point) (*scenario.Scenario, error) {
	c := *base
	c.Variants = nil
	var parts []string
	for i, q := range params {
		k, err := lookup(q.Key)
		if err != nil {
			return nil, err
		}
		if err := k.set(&c, p.Values[i]); err != nil {
			return nil, err
		}
		if p.Values[i] != k.get(base) {
			parts = append(parts, q.Key+"="+strconv.FormatFloat(p.Values[i], 'g', 6, 64))
		}
	}
	if len(parts) > 0 {
		c.Name, c.NameEn = base.Name+" · "+strings.Join(parts, ", "), base.NameEn+" · "+strings.Join(parts, ", ")
	}
	if math.IsNaN(p.Values[0]) {
		return nil, fmt.Errorf("%w: NaN value", ErrParam)
	}
	return &c, nil
}
