package coverage

import (
	"math"
	"sort"

	"github.com/emsplan/sim/sim/model"
)

// sum fills the groups, the villages and the tier cuts from the points.
func (r *Result) sum(st *model.Study) {
	s := st.Scenario
	all := make([]int, len(r.Points))
	for i := range all {
		all[i] = i
	}
	r.Total = r.group(st, all)
	r.Total.Key, r.Total.Name, r.Total.NameEn = "all", s.Name, s.NameEn

	byClass := map[string][]int{}
	byTownship := map[string][]int{}
	byVillage := map[string][]int{}
	var villageOrder []string
	for i, p := range s.Demand.Points {
		byClass[p.Class] = append(byClass[p.Class], i)
		byTownship[p.TownshipCode] = append(byTownship[p.TownshipCode], i)
		key := p.VillageCode
		if key == "" {
			key = "point:" + p.ID
		}
		if _, seen := byVillage[key]; !seen {
			villageOrder = append(villageOrder, key)
		}
		byVillage[key] = append(byVillage[key], i)
	}
	for _, c := range s.Targets.Classes {
		if len(byClass[c]) == 0 {
			continue
		}
		g := r.group(st, byClass[c])
		g.Key, g.Name, g.NameEn, g.Target = c, c, c, 60*s.Targets.ByClass[c]
		r.Classes = append(r.Classes, g)
	}
	for _, t := range s.Townships {
		if len(byTownship[t.Code]) == 0 {
			continue
		}
		g := r.group(st, byTownship[t.Code])
		g.Key, g.Name, g.NameEn = t.Code, t.Name, t.NameEn
		r.Townships = append(r.Townships, g)
	}
	for _, key := range villageOrder {
		r.Villages = append(r.Villages, r.village(st, byVillage[key]))
	}
	for c := range r.Cuts {
		cut := &r.Cuts[c]
		var w, sum float64
		for i, p := range r.Points {
			pop := s.Demand.Points[i].Population
			if t := p.CutTime[c]; finite(t) {
				w, sum = w+pop, sum+pop*t
				if t <= 60*cut.Minutes {
					cut.Within += pop
				}
			}
		}
		cut.MeanTime = mean(sum, w)
	}
}

// group sums the points idx.
func (r *Result) group(st *model.Study, idx []int) Group {
	s := st.Scenario
	g := Group{Points: len(idx), MaxTime: math.Inf(-1)}
	var w, sum float64
	times := make([]weighted, 0, len(idx))
	for _, i := range idx {
		p, pop := &r.Points[i], s.Demand.Points[i].Population
		g.Population += pop
		if p.Within {
			g.Covered += pop
		}
		if p.HealthWithin {
			g.Healthy += pop
		}
		if finite(p.Response) {
			w, sum = w+pop, sum+pop*p.Response
		} else {
			g.Unreached += pop
		}
		g.MaxTime = math.Max(g.MaxTime, p.Response)
		times = append(times, weighted{p.Response, pop})
	}
	g.MeanTime = mean(sum, w)
	g.P90Time = quantile(times, 0.9)
	return g
}

func (r *Result) village(st *model.Study, idx []int) Village {
	s := st.Scenario
	first := &s.Demand.Points[idx[0]]
	v := Village{Code: first.VillageCode, Name: first.Village, NameEn: first.VillageEn, TownshipCode: first.TownshipCode,
		Township: first.Township, TownshipEn: first.TownshipEn}
	if v.Name == "" {
		v.Code, v.Name, v.NameEn = first.ID, first.Name, first.NameEn
	}
	g := r.group(st, idx)
	v.Population, v.Covered, v.Healthy, v.MeanTime, v.MaxTime = g.Population, g.Covered, g.Healthy, g.MeanTime, g.MaxTime
	classPop, stationPop, healthPop := map[string]float64{}, map[int]float64{}, map[int]float64{}
	var hw, hsum, lon, lat float64
	for _, i := range idx {
		p, d := &r.Points[i], &s.Demand.Points[i]
		pop := d.Population
		if finite(p.Health) {
			hw, hsum = hw+pop, hsum+pop*p.Health
		}
		classPop[d.Class] += pop
		stationPop[p.Station] += pop
		healthPop[p.HealthFacility] += pop
		lon, lat = lon+pop*d.Point[0], lat+pop*d.Point[1]
	}
	v.MeanHealth = mean(hsum, hw)
	v.Class = argmaxString(classPop)
	v.Station, v.HealthFacility = argmaxInt(stationPop), argmaxInt(healthPop)
	v.Target = 60 * s.Targets.ByClass[v.Class]
	if v.Population > 0 {
		v.Point = [2]float64{lon / v.Population, lat / v.Population}
	} else {
		v.Point = first.Point
	}
	return v
}

type weighted struct{ t, w float64 }

// quantile returns the population-weighted q-quantile of the times: the
// smallest time t such that the residents with time <= t are at least q of
// all (+Inf when more than 1-q are unreached).
func quantile(ts []weighted, q float64) float64 {
	sort.Slice(ts, func(i, j int) bool { return ts[i].t < ts[j].t })
	total := 0.0
	for _, x := range ts {
		total += x.w
	}
	if total <= 0 {
		return math.NaN()
	}
	acc := 0.0
	for _, x := range ts {
		acc += x.w
		if acc >= q*total*(1-1e-12) {
			return x.t
		}
	}
	return ts[len(ts)-1].t
}

func mean(sum, w float64) float64 {
	if w <= 0 {
		return math.NaN()
	}
	return sum / w
}

// argmaxString returns the key with the largest value, ties to the smallest key.
func argmaxString(m map[string]float64) string {
	best, bk := math.Inf(-1), ""
	for k, v := range m {
		if v > best || v == best && k < bk {
			best, bk = v, k
		}
	}
	return bk
}

func argmaxInt(m map[int]float64) int {
	best, bk := math.Inf(-1), -1
	for k, v := range m {
		if v > best || v == best && k < bk {
			best, bk = v, k
		}
	}
	return bk
}
