package main

import (
	"fmt"
	"math"
	"sort"
)

// spacingPerSqrtKm2 turns two areas into a typical distance between their
// seats: s = k (sqrt(A1) + sqrt(A2)) km. k = 0.40 is the median of the ratio
// over known neighbouring pairs (Huaminglou-Donghutang 0.43, Hengshi-Laoliangcang
// 0.40, Huangcai-Hengshi 0.37, Meitanba-Dachengqiao 0.40).
const spacingPerSqrtKm2 = 0.40

// minSpacing: a placed seat keeps at least this fraction of s from every other seat.
const minSpacing = 0.8

// notePopulations are the figures the facts give only in their notes, from a
// non-Wikipedia listing (bk5.cn), marked unverified there.
var notePopulations = map[string]float64{
	"430182002": 18470, // Baimaqiao
	"430182003": 33754, // Lijingpu
}

// hillTownships are the western hills (Xuefeng spur) around Weishan,
// Xiangzikou, the Huangcai Reservoir and Shatian, plus Longtian between them.
var hillTownships = map[string]bool{
	"430182218": true, // Weishan
	"430182113": true, // Xiangzikou
	"430182118": true, // Huangcai
	"430182213": true, // Shatian
	"430182114": true, // Longtian
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// fillAreas sets AreaTarget: the page's area, else a share of what the known
// areas leave of the county's 2,906 km2, in proportion to the median known area
// of units of the same kind.
func fillAreas(ts []*township) {
	known := 0.0
	byKind := map[string][]float64{}
	for _, t := range ts {
		if t.AreaFact > 0 {
			known += t.AreaFact
			byKind[t.Kind] = append(byKind[t.Kind], t.AreaFact)
		}
	}
	rest := countyAreaKm2 - known
	wsum := 0.0
	for _, t := range ts {
		if t.AreaFact == 0 {
			wsum += median(byKind[t.Kind])
		}
	}
	for _, t := range ts {
		if t.AreaFact > 0 {
			t.AreaTarget = t.AreaFact
		} else {
			t.AreaTarget = rest * median(byKind[t.Kind]) / wsum
			t.AreaFilled = true
		}
	}
}

// fillPopulations sets PopRaw (the page's figure, else the noted listing, else
// area x the median density of known units of the same kind) and scales all 29
// to the 2020 census total with largest remainders, so they add up exactly.
func fillPopulations(ts []*township) {
	dens := map[string][]float64{}
	for _, t := range ts {
		if t.PopFact > 0 && t.AreaFact > 0 {
			dens[t.Kind] = append(dens[t.Kind], t.PopFact/t.AreaFact)
		}
	}
	for _, t := range ts {
		switch {
		case t.PopFact > 0:
			t.PopRaw = t.PopFact
			t.PopRule = "facts: " + t.PopYear
		case notePopulations[t.Code] > 0:
			t.PopRaw = notePopulations[t.Code]
			t.PopFilled = true
			t.PopRule = "filled: non-Wikipedia listing in the facts' notes (unverified)"
		default:
			d := median(dens[t.Kind])
			t.PopRaw = math.Round(t.AreaTarget * d)
			t.PopFilled = true
			t.PopRule = fmt.Sprintf("filled: %.1f km2 x median %s density %.0f/km2", t.AreaTarget, t.Kind, d)
		}
	}
	raw := make([]float64, len(ts))
	for i, t := range ts {
		raw[i] = t.PopRaw
	}
	for i, p := range apportion(countyPopulation2020, raw) {
		ts[i].Pop = p
	}
}

// apportion splits total into integers proportional to w (largest remainder,
// ties to the lower index). The parts add up to total exactly.
func apportion(total int, w []float64) []int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	out := make([]int, len(w))
	if sum <= 0 || len(w) == 0 {
		if len(w) > 0 {
			out[0] = total
		}
		return out
	}
	type rem struct {
		i int
		r float64
	}
	rs := make([]rem, len(w))
	given := 0
	for i, x := range w {
		q := float64(total) * x / sum
		out[i] = int(math.Floor(q))
		given += out[i]
		rs[i] = rem{i, q - math.Floor(q)}
	}
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].r > rs[b].r })
	for k := 0; given < total; k++ {
		out[rs[k%len(rs)].i]++
		given++
	}
	return out
}

// placeSeats projects the known seats and places the unknown ones: every
// neighbour relation "N lies in direction d of P" gives the equation
// N - P = s u_d (s from spacingPerSqrtKm2); all equations are solved together
// by least squares, so relations between two placed units count too.
func placeSeats(ts []*township, rels []relation) error {
	idx := map[string]int{}
	var unknown []*township
	for _, t := range ts {
		if t.SeatKnown {
			t.Seat = project(t.SeatLon, t.SeatLat)
		} else {
			idx[t.Code] = len(unknown)
			unknown = append(unknown, t)
		}
	}
	byCode := map[string]*township{}
	for _, t := range ts {
		byCode[t.Code] = t
	}
	n := len(unknown)
	ata := make([][]float64, n)
	for i := range ata {
		ata[i] = make([]float64, n)
	}
	bx, by := make([]float64, n), make([]float64, n)
	for _, r := range rels {
		p, q := byCode[r.Placed], byCode[r.Neighbour]
		i, ok := idx[p.Code]
		if !ok {
			return fmt.Errorf("gen: relations.csv: %s has a known seat", p.Code)
		}
		s := spacingPerSqrtKm2 * (math.Sqrt(p.AreaTarget) + math.Sqrt(q.AreaTarget)) * 1000
		off := compass[r.Dir].mul(s) // q - p = off
		if j, placed := idx[q.Code]; placed {
			// row: x_j - x_i = off
			ata[i][i]++
			ata[j][j]++
			ata[i][j]--
			ata[j][i]--
			bx[j] += off.X
			by[j] += off.Y
			bx[i] -= off.X
			by[i] -= off.Y
		} else {
			// row: x_i = q - off
			ata[i][i]++
			bx[i] += q.Seat.X - off.X
			by[i] += q.Seat.Y - off.Y
		}
	}
	xs, err := solve(ata, bx)
	if err != nil {
		return err
	}
	ys, err := solve(ata, by)
	if err != nil {
		return err
	}
	for i, t := range unknown {
		t.Seat = pt{xs[i], ys[i]}
	}
	// A placed seat closer to another seat than minSpacing s is pushed straight
	// away from it to that distance (a few rounds, in code order).
	for round := 0; round < 10; round++ {
		moved := false
		for _, t := range unknown {
			for _, q := range ts {
				if q == t {
					continue
				}
				s := minSpacing * spacingPerSqrtKm2 * (math.Sqrt(t.AreaTarget) + math.Sqrt(q.AreaTarget)) * 1000
				if d := t.Seat.dist(q.Seat); d < s-1 {
					t.Seat = q.Seat.add(t.Seat.sub(q.Seat).unit().mul(s))
					moved = true
				}
			}
		}
		if !moved {
			break
		}
	}
	for _, t := range unknown {
		t.SeatLon, t.SeatLat = unproject(t.Seat)
	}
	return nil
}

// solve solves a small dense system by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, fmt.Errorf("gen: seat placement: singular system (a placed unit has no relation)")
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x, nil
}
