package sim

import (
	"errors"
	"fmt"
	"math"
)

// Matrix is a Travel (and Tracker) on an explicit n x n matrix of driving
// times, one band, for tests and small studies: Time(a, b) = T[a*N+b].
//
// A returning unit is placed by linear interpolation: a unit that left from
// towards to elapsed seconds ago, a fraction f = elapsed/T(from, to) of the
// way, is (1-f)*T(from, dest) + f*T(to, dest) from dest. LowerBound is 0.
// If T obeys the triangle inequality, so do these interpolated times.
type Matrix struct {
	N int
	T []float64
}

// NewMatrix checks t (n*n times >= 0, NaN rejected, +Inf allowed) and returns the matrix.
func NewMatrix(n int, t []float64) (*Matrix, error) {
	if n <= 0 || len(t) != n*n {
		return nil, errors.New("sim: matrix needs n*n times")
	}
	for i, x := range t {
		if math.IsNaN(x) || x < 0 {
			return nil, fmt.Errorf("sim: matrix time [%d][%d] = %g, must be >= 0", i/n, i%n, x)
		}
	}
	return &Matrix{N: n, T: t}, nil
}

// Band is always 0.
func (m *Matrix) Band(float64) int { return 0 }

// Time returns T[a][b].
func (m *Matrix) Time(a, b LocID, _ int) float64 { return m.T[int(a)*m.N+int(b)] }

// EnRoute interpolates linearly between the two ends of the trip.
func (m *Matrix) EnRoute(from, to LocID, elapsed float64, dest LocID, band int, bound float64) float64 {
	trip := m.Time(from, to, band)
	var t float64
	switch {
	case elapsed <= 0 || trip == 0:
		t = m.Time(from, dest, band)
		if elapsed > 0 {
			t = m.Time(to, dest, band)
		}
	case elapsed >= trip:
		t = m.Time(to, dest, band)
	default:
		f := elapsed / trip
		t = (1-f)*m.Time(from, dest, band) + f*m.Time(to, dest, band)
	}
	if t > bound {
		return math.Inf(1)
	}
	return t
}

// LowerBound is 0: the matrix knows no geometry.
func (m *Matrix) LowerBound(a, b LocID) float64 { return 0 }
