package optimize

import (
	"math"
	"math/rand/v2"
)

// syntheticCounty builds the seeded benchmark instance described in
// BENCHMARKS.md ("Location models"): a 60 x 50 km county with a county seat
// and 29 township towns, nDem demand points with lognormal integer
// populations, nCand candidate sites, travel time = 120 s (dispatch and
// turnout) + 1.3 x straight-line distance at 25 km/h to urban points and
// 50 km/h to rural ones, targets 10 min urban (within 6 km of the seat) and
// 30 min rural.
func syntheticCounty(seed uint64, nDem, nCand int) Problem {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	type pt struct{ x, y float64 } // km
	const W, H = 60.0, 50.0
	clamp := func(p pt) pt { return pt{min(max(p.x, 0), W), min(max(p.y, 0), H)} }
	seat := pt{W / 2, H / 2}
	towns := []pt{seat}
	for len(towns) < 30 {
		towns = append(towns, pt{2 + (W-4)*rng.Float64(), 2 + (H-4)*rng.Float64()})
	}
	dem := make([]pt, nDem)
	urban := make([]bool, nDem)
	p := Problem{Weight: make([]float64, nDem), Target: make([]float64, nDem)}
	for i := range dem {
		switch u := rng.Float64(); {
		case u < 0.20: // county seat
			dem[i] = clamp(pt{seat.x + 3*rng.NormFloat64(), seat.y + 3*rng.NormFloat64()})
		case u < 0.70: // around a township town
			t := towns[1+rng.IntN(len(towns)-1)]
			dem[i] = clamp(pt{t.x + 2.5*rng.NormFloat64(), t.y + 2.5*rng.NormFloat64()})
		default: // scattered villages
			dem[i] = pt{W * rng.Float64(), H * rng.Float64()}
		}
		urban[i] = math.Hypot(dem[i].x-seat.x, dem[i].y-seat.y) <= 6
		p.Weight[i] = max(1, math.Round(math.Exp(math.Log(126)-0.5+rng.NormFloat64())))
		p.Target[i] = 1800
		if urban[i] {
			p.Target[i] = 600
		}
	}
	cand := append([]pt(nil), towns...)
	for len(cand) < nCand {
		if len(cand)%2 == 0 {
			cand = append(cand, dem[rng.IntN(nDem)])
		} else {
			cand = append(cand, pt{W * rng.Float64(), H * rng.Float64()})
		}
	}
	cand = cand[:nCand]
	p.Times = Matrix{Rows: nCand, Cols: nDem, Data: make([]float64, nCand*nDem)}
	for j, c := range cand {
		for i, d := range dem {
			v := 25.0
			if urban[i] {
				v = 15
			}
			p.Times.Data[j*nDem+i] = 240 + 1.5*math.Hypot(c.x-d.x, c.y-d.y)/v*3600
		}
	}
	return p
}
