package calibrate

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim/model"
	"github.com/paulmach/orb"
)

// ClassSpeed is the correction of one road class's emergency drive times:
// Factor > 1 means the log's drives on it are faster than the network says.
type ClassSpeed struct {
	Class     string
	Calls     int     // drives that use the class
	PredMin   float64 // predicted minutes on the class, summed over the drives
	Factor    float64 // speed factor: network time / observed time on the class
	Low, High float64 // 95% bootstrap interval
}

// SpeedFit compares the log's drives (en route to at scene) from a known
// base with the network's quickest drives in the same time band.
type SpeedFit struct {
	Drives  int     // drives used
	Overall float64 // sum of predicted / sum of observed minutes: one factor for every class
	Low     float64 // its 95% bootstrap interval
	High    float64
	Classes []ClassSpeed
}

// drive is one drive's observed minutes and predicted minutes by class.
type drive struct {
	obs, off float64
	byClass  []float64
}

// FitSpeeds predicts each logged drive from its base (the station column,
// a facility id or name) to the call on the emergency network of its time
// band, splits the prediction by road class, and fits per-class factors by
// non-negative least squares (observed = off-road + sum of class minutes /
// factor), with 95% intervals from 200 bootstrap resamples (fixed seed).
// Drives with no base, no turnout (a unit already on the road) or no
// position are left out. nil when fewer than 30 drives remain.
func FitSpeeds(st *model.Study, lg *Log) *SpeedFit {
	s := st.Scenario
	byName := map[string]int{}
	for i, f := range s.Facilities {
		byName[f.ID], byName[f.Name] = i, i
	}
	type key struct{ fac, band int }
	groups := map[key][]int{}
	for i := range lg.Calls {
		c := &lg.Calls[i]
		fi, ok := byName[c.Station]
		en, ok1 := c.Time(EnRoute)
		_, ok2 := c.Time(AtScene)
		d, ok3 := c.Time(Dispatched)
		if !ok || !ok1 || !ok2 || math.IsNaN(c.Lon) || ok3 && en <= d {
			continue
		}
		band := s.Network.BandAt(math.Mod(en, 1440))
		groups[key{fi, band}] = append(groups[key{fi, band}], i)
	}
	keys := make([]key, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].fac != keys[b].fac {
			return keys[a].fac < keys[b].fac
		}
		return keys[a].band < keys[b].band
	})
	g0 := st.Net.Emergency[0]
	nc := len(g0.Classes())
	offKmh := s.Network.OffroadKmh
	var drives []drive
	search := geo.NewSearch(g0)
	for _, k := range keys {
		g := st.Net.Emergency[k.band]
		from := st.Facilities[k.fac]
		if !from.OK {
			continue
		}
		search.Use(g)
		search.Run(g.Departures(from.Snap, 0), geo.Query{Paths: true})
		for _, i := range groups[k] {
			c := &lg.Calls[i]
			sn, ok := g.Snap(orb.Point{c.Lon, c.Lat})
			if !ok {
				continue
			}
			best, bestT := geo.NodeID(-1), math.Inf(1)
			var bestExtra float64
			for _, a := range g.Arrivals(sn, 0) {
				if t := search.Time(a.Node) + a.Time; t < bestT {
					best, bestT, bestExtra = a.Node, t, a.Time
				}
			}
			if best < 0 || math.IsInf(bestT, 1) {
				continue
			}
			dv := drive{byClass: make([]float64, nc), off: (from.Offroad + geo.OffroadSeconds(sn.Dist, offKmh)) / 60}
			en, _ := c.Time(EnRoute)
			at, _ := c.Time(AtScene)
			dv.obs = at - en
			road := 0.0
			for _, e := range search.Path(best) {
				dv.byClass[g.Class(e)] += g.Time(e) / 60
				road += g.Time(e)
			}
			// the partial edges at both ends, by the class of their edge
			dv.byClass[g.Class(sn.Edge)] += bestExtra / 60
			if rest := bestT - bestExtra - road; rest > 0 {
				dv.byClass[g.Class(from.Snap.Edge)] += rest / 60
			}
			drives = append(drives, dv)
		}
	}
	if len(drives) < 30 {
		return nil
	}
	sf := &SpeedFit{Drives: len(drives)}
	x := nnls(drives, nc)
	boots := make([][]float64, 200)
	overall := make([]float64, 200)
	rng := rand.New(rand.NewPCG(1, 7))
	sample := make([]drive, len(drives))
	for b := range boots {
		for i := range sample {
			sample[i] = drives[rng.IntN(len(drives))]
		}
		boots[b] = nnls(sample, nc)
		overall[b] = ratio(sample)
	}
	sf.Overall = ratio(drives)
	sort.Float64s(overall)
	sf.Low, sf.High = overall[4], overall[194]
	for c := 0; c < nc; c++ {
		cs := ClassSpeed{Class: g0.ClassName(geo.Class(c)), Factor: math.NaN(), Low: math.NaN(), High: math.NaN()}
		for _, d := range drives {
			if d.byClass[c] > 0 {
				cs.Calls++
				cs.PredMin += d.byClass[c]
			}
		}
		if cs.Calls < 30 {
			continue
		}
		cs.Factor = inv(x[c])
		var fs []float64
		for _, bx := range boots {
			fs = append(fs, inv(bx[c]))
		}
		sort.Float64s(fs)
		cs.Low, cs.High = fs[4], fs[194]
		sf.Classes = append(sf.Classes, cs)
	}
	return sf
}

func inv(x float64) float64 {
	if x <= 0 {
		return math.Inf(1)
	}
	return 1 / x
}

// ratio is predicted road minutes over observed road minutes, summed.
func ratio(ds []drive) float64 {
	p, o := 0.0, 0.0
	for _, d := range ds {
		for _, v := range d.byClass {
			p += v
		}
		o += d.obs - d.off
	}
	return p / o
}

// nnls solves min |y - A x|^2 with x >= 0 for y = observed - off-road and
// A the predicted minutes by class, by coordinate descent on the normal
// equations (k x k, k the classes). Classes no drive uses keep x = 1.
func nnls(ds []drive, k int) []float64 {
	G := make([]float64, k*k)
	b := make([]float64, k)
	for _, d := range ds {
		y := d.obs - d.off
		for i, a := range d.byClass {
			if a == 0 {
				continue
			}
			b[i] += a * y
			for j, c := range d.byClass {
				G[i*k+j] += a * c
			}
		}
	}
	x := make([]float64, k)
	for i := range x {
		x[i] = 1
	}
	for it := 0; it < 500; it++ {
		moved := 0.0
		for i := 0; i < k; i++ {
			if G[i*k+i] == 0 {
				continue
			}
			r := b[i]
			for j := 0; j < k; j++ {
				if j != i {
					r -= G[i*k+j] * x[j]
				}
			}
			v := math.Max(0, r/G[i*k+i])
			moved = math.Max(moved, math.Abs(v-x[i]))
			x[i] = v
		}
		if moved < 1e-9 {
			break
		}
	}
	return x
}
