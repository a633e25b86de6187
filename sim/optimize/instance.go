package optimize

import (
	"fmt"
	"math"
	"slices"
)

// Matrix is a dense candidates x demand table of travel times in seconds:
// Data[j*Cols+i] is the time from candidate site j to demand point i.
// +Inf means unreachable. Rows are candidate sites, columns demand points,
// the orientation of one-to-all searches from each site.
type Matrix struct {
	Rows, Cols int
	Data       []float64
}

// At returns the time from site j to demand i.
func (m Matrix) At(j, i int) float64 { return m.Data[j*m.Cols+i] }

// Problem is the plain data every model reads.
type Problem struct {
	// Times is the candidates x demand travel-time matrix (seconds, +Inf unreachable).
	Times Matrix
	// Weight is the demand weight of each demand point (population), >= 0 and
	// finite. Points of weight 0 are ignored by every model.
	Weight []float64
	// Target is the coverage threshold of each demand point in seconds:
	// demand i is covered by site j when Times.At(j, i) <= Target[i].
	// Needed by LSCP, MCLP and MEXCLP; may be nil for p-median and p-center.
	Target []float64
	// Fixed lists candidate sites that are already open and stay open in every
	// model (each holds at least one unit in MEXCLP). Counted in p.
	Fixed []int
}

// Instance is a validated Problem with its coverage sets, computed once and
// shared by every model. It is read-only after NewInstance and safe for
// concurrent use by several models. It keeps (does not copy) the Times,
// Weight and Target slices: they must not change afterwards. Two instances
// (say the 10/30-minute targets and the 15-minute circle) may share one
// Times matrix.
type Instance struct {
	times  Matrix
	weight []float64
	target []float64
	fixed  []int // sorted, unique
	isFix  []bool
	total  float64 // sum of weights

	// Coverage sets in compressed form (nil when Target is nil).
	covStart []int32 // site j covers covIdx[covStart[j]:covStart[j+1]]
	covIdx   []int32
	byStart  []int32 // demand i is covered by byIdx[byStart[i]:byStart[i+1]]
	byIdx    []int32
}

// NewInstance checks p once and precomputes the coverage sets, in
// O(sites x demand) time. Bad input is returned as an error that names the
// field and index; NewInstance never panics.
func NewInstance(p Problem) (*Instance, error) {
	m, n := p.Times.Rows, p.Times.Cols
	if m <= 0 || n <= 0 || len(p.Times.Data) != m*n {
		return nil, fmt.Errorf("optimize: Times is %dx%d with %d values: %w", m, n, len(p.Times.Data), ErrShape)
	}
	if len(p.Weight) != n {
		return nil, fmt.Errorf("optimize: Weight has %d values for %d demand points: %w", len(p.Weight), n, ErrShape)
	}
	if p.Target != nil && len(p.Target) != n {
		return nil, fmt.Errorf("optimize: Target has %d values for %d demand points: %w", len(p.Target), n, ErrShape)
	}
	for k, v := range p.Times.Data {
		if math.IsNaN(v) || v < 0 {
			return nil, fmt.Errorf("optimize: Times[site %d, demand %d] = %v: %w", k/n, k%n, v, ErrTime)
		}
	}
	in := &Instance{times: p.Times, weight: p.Weight, target: p.Target, isFix: make([]bool, m)}
	for i, w := range p.Weight {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return nil, fmt.Errorf("optimize: Weight[%d] = %v: %w", i, w, ErrWeight)
		}
		in.total += w
	}
	for i, t := range p.Target {
		if math.IsNaN(t) || t < 0 {
			return nil, fmt.Errorf("optimize: Target[%d] = %v: %w", i, t, ErrTarget)
		}
	}
	for k, j := range p.Fixed {
		if j < 0 || j >= m {
			return nil, fmt.Errorf("optimize: Fixed[%d] = %d, want 0..%d: %w", k, j, m-1, ErrSite)
		}
		if in.isFix[j] {
			return nil, fmt.Errorf("optimize: Fixed[%d] = %d listed twice: %w", k, j, ErrSite)
		}
		in.isFix[j] = true
	}
	in.fixed = slices.Clone(p.Fixed)
	slices.Sort(in.fixed)
	if p.Target != nil {
		in.covStart, in.covIdx, in.byStart, in.byIdx = coverage(p.Times, func(i int) float64 { return p.Target[i] })
	}
	return in, nil
}

// coverage builds both compressed coverage sets for the thresholds thr.
func coverage(t Matrix, thr func(i int) float64) (cs, ci, bs, bi []int32) {
	m, n := t.Rows, t.Cols
	cs = make([]int32, m+1)
	bs = make([]int32, n+1)
	th := make([]float64, n)
	for i := range th {
		th[i] = thr(i)
	}
	for j := 0; j < m; j++ {
		row := t.Data[j*n : (j+1)*n]
		for i, v := range row {
			if v <= th[i] {
				cs[j+1]++
				bs[i+1]++
			}
		}
	}
	for j := 0; j < m; j++ {
		cs[j+1] += cs[j]
	}
	for i := 0; i < n; i++ {
		bs[i+1] += bs[i]
	}
	ci = make([]int32, cs[m])
	bi = make([]int32, bs[n])
	next := slices.Clone(bs[:n])
	for j := 0; j < m; j++ {
		row := t.Data[j*n : (j+1)*n]
		k := cs[j]
		for i, v := range row {
			if v <= th[i] {
				ci[k] = int32(i)
				k++
				bi[next[i]] = int32(j)
				next[i]++
			}
		}
	}
	return cs, ci, bs, bi
}

// Sites returns the number of candidate sites.
func (in *Instance) Sites() int { return in.times.Rows }

// Demands returns the number of demand points.
func (in *Instance) Demands() int { return in.times.Cols }

// TotalWeight returns the sum of the demand weights.
func (in *Instance) TotalWeight() float64 { return in.total }

// Fixed returns the fixed sites in increasing order.
func (in *Instance) Fixed() []int { return slices.Clone(in.fixed) }

// Covers returns the demand points that site j covers, in increasing order
// (nil without targets). The slice must not be modified.
func (in *Instance) Covers(j int) []int32 {
	if in.covStart == nil {
		return nil
	}
	return in.covIdx[in.covStart[j]:in.covStart[j+1]]
}

// CoveredBy returns the sites that cover demand point i, in increasing order
// (nil without targets). The slice must not be modified.
func (in *Instance) CoveredBy(i int) []int32 {
	if in.byStart == nil {
		return nil
	}
	return in.byIdx[in.byStart[i]:in.byStart[i+1]]
}
