package calibrate

import (
	"math"
	"sort"

	"github.com/emsplan/sim/sim/scenario"
)

// TownshipRate compares a township's calls with what its population gives
// at the county-wide rate.
type TownshipRate struct {
	Code, Name string
	Population float64
	Calls      int
	Expected   float64 // calls at the county-wide rate
	Ratio      float64 // Calls / Expected
	Low, High  float64 // exact Poisson 95% interval of the ratio
	Differs    bool    // the interval excludes 1
}

// Part is one part of the response as 120 centres measure it.
type Part struct {
	Name, Zh    string
	From, To    string
	N           int
	Median, P90 float64 // minutes, of the log
}

// Fit is what a log says about the scenario's parameters.
type Fit struct {
	Log         *Log
	Days        float64 // from the first to the last call
	Population  float64 // the scenario's residents (growth applied)
	Located     int     // calls placed at a demand point (by position or township)
	RatePer1000 float64 // calls per 1,000 residents per year
	RateLow     float64
	RateHigh    float64
	Townships   []TownshipRate
	Urban       Share   // observed share of calls in the urban zone
	UrbanPop    float64 // urban share of the population
	Hourly      [24]float64
	Weekly      [7]float64
	WeeklyFit   bool // the log covers at least two whole weeks
	Priorities  []Share
	Conditions  []Share
	Durations   []Lognormal
	Conveyance  Share // calls with an at-hospital time among calls with an at-scene time
	Parts       []Part
	point       []int // demand point of each call (-1: none)
	// Speeds compares the log's drives with the network's (nil when the log
	// has too few drives from a known base); ApplySpeeds writes its overall
	// factor into the fragment as the emergency factor.
	Speeds      *SpeedFit
	ApplySpeeds bool
}

// parts are the response's parts as 120 centres report them.
var parts = []Part{
	{Name: "received to dispatched", Zh: "受理至派车", From: Received, To: Dispatched},
	{Name: "call handling", Zh: "受理", From: Received, To: Handled},
	{Name: "transfer", Zh: "信息传递", From: Handled, To: Dispatched},
	{Name: "turnout", Zh: "出车", From: Dispatched, To: EnRoute},
	{Name: "driving", Zh: "道路行驶", From: EnRoute, To: AtScene},
	{Name: "response", Zh: "反应时间", From: Received, To: AtScene},
}

// Compute fits the scenario's parameters to the log. Calls are placed at
// the nearest demand point (or the township named in the log) for the
// township and zone figures. O(calls x log(demand points)).
func Compute(lg *Log, s *scenario.Scenario) *Fit {
	f := &Fit{Log: lg}
	pts := s.Demand.Points
	growth := s.Demand.Growth
	if growth <= 0 {
		growth = 1
	}
	byTown := map[string]*TownshipRate{}
	var order []string
	urbanPop := 0.0
	for _, p := range pts {
		f.Population += p.Population * growth
		if p.Class == "urban" {
			urbanPop += p.Population * growth
		}
		t := byTown[p.TownshipCode]
		if t == nil {
			t = &TownshipRate{Code: p.TownshipCode, Name: p.Township}
			byTown[p.TownshipCode] = t
			order = append(order, p.TownshipCode)
		}
		t.Population += p.Population * growth
	}
	if f.Population > 0 {
		f.UrbanPop = urbanPop / f.Population
	}
	idx := newNearest(pts)
	first, last := math.Inf(1), math.Inf(-1)
	hours := [24]float64{}
	days := [7]float64{}
	prio, cond := map[string]int{}, map[string]int{}
	urban, located := 0, 0
	for i := range lg.Calls {
		c := &lg.Calls[i]
		t, _ := c.Time(Received)
		first, last = math.Min(first, t), math.Max(last, t)
		hours[int(math.Mod(t, 1440)/60)]++
		days[int(math.Mod(t, 10080)/1440)]++
		if c.Priority != "" {
			prio[c.Priority]++
		}
		if c.Condition != "" {
			cond[c.Condition]++
		}
		p := -1
		if !math.IsNaN(c.Lon) {
			p = idx.nearest(c.Lon, c.Lat)
		}
		f.point = append(f.point, p)
		var town *TownshipRate
		if p >= 0 {
			town = byTown[pts[p].TownshipCode]
			if pts[p].Class == "urban" {
				urban++
			}
		} else if c.Township != "" {
			town = byTown[c.Township]
			if town == nil {
				for _, x := range byTown {
					if x.Name == c.Township {
						town = x
					}
				}
			}
		}
		if town != nil {
			town.Calls++
			located++
		}
	}
	f.Located = located
	f.Days = math.Max((last-first)/1440, 1)
	n := len(lg.Calls)
	years := f.Days / 365
	if f.Population > 0 {
		lo, hi := poissonCI(n)
		k := 1000 / f.Population / years
		f.RatePer1000, f.RateLow, f.RateHigh = float64(n)*k, lo*k, hi*k
	}
	for _, code := range order {
		t := byTown[code]
		t.Expected = float64(located) * t.Population / f.Population
		if t.Expected > 0 {
			lo, hi := poissonCI(t.Calls)
			t.Ratio, t.Low, t.High = float64(t.Calls)/t.Expected, lo/t.Expected, hi/t.Expected
			t.Differs = t.Low > 1 || t.High < 1
		}
		f.Townships = append(f.Townships, *t)
	}
	sort.SliceStable(f.Townships, func(i, j int) bool { return f.Townships[i].Ratio > f.Townships[j].Ratio })
	lo, hi := wilson(urban, located)
	f.Urban = Share{Name: "urban", Count: urban, Low: lo, High: hi}
	if located > 0 {
		f.Urban.Share = float64(urban) / float64(located)
	}
	f.Hourly = normalise(hours[:], exposureHours(first, last))
	f.WeeklyFit = f.Days >= 14
	f.Weekly = [7]float64{1, 1, 1, 1, 1, 1, 1}
	if f.WeeklyFit {
		w := normalise(days[:], exposureDays(first, last))
		copy(f.Weekly[:], w[:7])
	}
	f.Priorities, f.Conditions = shares(prio), shares(cond)
	for _, d := range durations {
		var xs []float64
		for i := range lg.Calls {
			c := &lg.Calls[i]
			if a, ok := c.Time(d.from); ok {
				if b, ok := c.Time(d.to); ok {
					if d.name == "dispatch_delay" {
						a += c.Wait // the wait for a free unit is the queue's, not the dispatcher's
					}
					xs = append(xs, b-a)
				}
			}
		}
		f.Durations = append(f.Durations, fitLognormal(d.name, d.from, d.to, xs))
	}
	scene, conveyed := 0, 0
	for i := range lg.Calls {
		if lg.Calls[i].Has(AtScene) {
			scene++
			if lg.Calls[i].Has(AtHospital) {
				conveyed++
			}
		}
	}
	lo, hi = wilson(conveyed, scene)
	f.Conveyance = Share{Name: "conveyed", Count: conveyed, Low: lo, High: hi, Share: math.NaN()}
	if scene > 0 && lg.Columns[AtHospital] >= 0 {
		f.Conveyance.Share = float64(conveyed) / float64(scene)
	}
	for _, p := range parts {
		var xs []float64
		for i := range lg.Calls {
			c := &lg.Calls[i]
			a, ok1 := c.Time(p.From)
			b, ok2 := c.Time(p.To)
			if ok1 && ok2 && b-a >= 0 && b-a <= maxDurationMin {
				xs = append(xs, b-a)
			}
		}
		sort.Float64s(xs)
		p.N, p.Median, p.P90 = len(xs), quantile(xs, 0.5), quantile(xs, 0.9)
		f.Parts = append(f.Parts, p)
	}
	return f
}

// normalise divides counts by exposure and scales them to mean 1.
func normalise(counts, exposure []float64) [24]float64 {
	var out [24]float64
	sum, k := 0.0, 0
	for i := range counts {
		if exposure[i] > 0 {
			out[i] = counts[i] / exposure[i]
			sum += out[i]
			k++
		}
	}
	if sum == 0 {
		for i := range counts {
			out[i] = 1
		}
		return out
	}
	for i := range counts {
		out[i] *= float64(k) / sum
	}
	return out
}

// exposureHours counts how many times each hour of the day occurs between
// two clock minutes; exposureDays each weekday.
func exposureHours(first, last float64) []float64 {
	e := make([]float64, 24)
	for h := math.Floor(first / 60); h <= math.Floor(last/60); h++ {
		e[int(math.Mod(h, 24))]++
	}
	return e
}

func exposureDays(first, last float64) []float64 {
	e := make([]float64, 7)
	for d := math.Floor(first / 1440); d <= math.Floor(last/1440); d++ {
		e[int(math.Mod(d, 7))]++
	}
	return e
}
