package calibrate

import (
	"math"
	"sort"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/model"
)

// Stats are the response figures of a group of calls, minutes, with 95%
// intervals: distribution-free (binomial order statistics) for the median
// and p90, Wilson for the share within target.
type Stats struct {
	N                             int
	Median, MedLow, MedHigh       float64
	P90, P90Low, P90High          float64
	Within, WithinLow, WithinHigh float64 // share of calls within target
}

// Group compares observed and simulated response in a township or zone.
type Group struct {
	Kind      string // "zone" or "township"
	Key, Name string
	Obs, Sim  Stats
	// Disagree: the share within target or the median differ beyond both
	// intervals (the intervals do not overlap).
	Disagree bool
}

// BackTest is the calibrated scenario simulated beside the log.
type BackTest struct {
	Replications int
	All          Group
	Groups       []Group
	ObsSorted    []float64 // observed responses, sorted (for the CDF)
	SimSorted    []float64 // simulated responses, pooled over replications, sorted
}

// RunBackTest simulates the calibrated study and compares its response per
// zone class and township with the log's (received to at scene), each call
// judged against its zone's target. Simulated calls are pooled over the
// replications. O(simulation + calls log calls).
func RunBackTest(st *model.Study, f *Fit, reps, workers int) (*BackTest, error) {
	s := st.Scenario
	eng, err := st.Engine()
	if err != nil {
		return nil, err
	}
	res, err := sim.Run(eng.Model, eng.Travel, sim.Config{Replications: reps, Seed: s.Seed, Workers: workers, KeepCalls: -1})
	if err != nil {
		return nil, err
	}
	pts := s.Demand.Points
	type acc struct {
		name     string
		obs, sim []float64
		ow, sw   int
	}
	groups := map[string]*acc{}
	var keys []string
	add := func(key, name string, v float64, within, observed bool) {
		a := groups[key]
		if a == nil {
			a = &acc{name: name}
			groups[key] = a
			keys = append(keys, key)
		}
		w := 0
		if within {
			w = 1
		}
		if observed {
			a.obs, a.ow = append(a.obs, v), a.ow+w
		} else {
			a.sim, a.sw = append(a.sim, v), a.sw+w
		}
	}
	bt := &BackTest{Replications: reps}
	for i := range f.Log.Calls {
		c := &f.Log.Calls[i]
		p := f.point[i]
		at, ok := c.Time(AtScene)
		if p < 0 || !ok {
			continue
		}
		d := pts[p]
		rec, _ := c.Time(Received)
		v := at - rec
		within := v <= s.Targets.For(d.Class, d.TargetMin, c.Priority)
		add("", "all", v, within, true)
		add("zone "+d.Class, d.Class, v, within, true)
		add("township "+d.TownshipCode, d.Township, v, within, true)
	}
	for _, calls := range res.Calls {
		for _, r := range calls {
			if r.Lost || r.Point < 0 || int(r.Point) >= len(pts) || math.IsNaN(r.OnScene) {
				continue
			}
			d := pts[r.Point]
			v := (r.OnScene - r.Received) / 60
			within := r.OnScene-r.Received <= r.Target
			add("", "all", v, within, false)
			add("zone "+d.Class, d.Class, v, within, false)
			add("township "+d.TownshipCode, d.Township, v, within, false)
		}
	}
	for _, k := range keys {
		a := groups[k]
		g := Group{Key: k, Name: a.name, Obs: stats(a.obs, a.ow), Sim: stats(a.sim, a.sw)}
		g.Disagree = g.Obs.N >= 30 && g.Sim.N >= 30 && (g.Obs.WithinHigh < g.Sim.WithinLow || g.Sim.WithinHigh < g.Obs.WithinLow ||
			g.Obs.MedHigh < g.Sim.MedLow || g.Sim.MedHigh < g.Obs.MedLow)
		switch {
		case k == "":
			g.Kind = "all"
			bt.All = g
			bt.ObsSorted, bt.SimSorted = sorted(a.obs), sorted(a.sim)
			continue
		case k[:4] == "zone":
			g.Kind = "zone"
		default:
			g.Kind = "township"
		}
		bt.Groups = append(bt.Groups, g)
	}
	sort.SliceStable(bt.Groups, func(i, j int) bool {
		if bt.Groups[i].Kind != bt.Groups[j].Kind {
			return bt.Groups[i].Kind == "zone"
		}
		return bt.Groups[i].Key < bt.Groups[j].Key
	})
	return bt, nil
}

func sorted(v []float64) []float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s
}

func stats(v []float64, within int) Stats {
	s := Stats{N: len(v)}
	nan := math.NaN()
	s.Median, s.MedLow, s.MedHigh, s.P90, s.P90Low, s.P90High = nan, nan, nan, nan, nan, nan
	s.Within, s.WithinLow, s.WithinHigh = nan, nan, nan
	if len(v) == 0 {
		return s
	}
	x := sorted(v)
	s.Median, s.MedLow, s.MedHigh = orderCI(x, 0.5)
	s.P90, s.P90Low, s.P90High = orderCI(x, 0.9)
	s.Within = float64(within) / float64(len(v))
	s.WithinLow, s.WithinHigh = wilson(within, len(v))
	return s
}

// orderCI is the p-quantile of sorted x with its distribution-free 95%
// interval: the order statistics at n p -/+ 1.96 sqrt(n p (1-p)).
func orderCI(x []float64, p float64) (q, lo, hi float64) {
	n := float64(len(x))
	h := 1.959963984540054 * math.Sqrt(n*p*(1-p))
	at := func(k float64) float64 { return x[min(max(int(k), 0), len(x)-1)] }
	return quantile(x, p), at(math.Floor(n*p - h)), at(math.Ceil(n*p + h))
}
