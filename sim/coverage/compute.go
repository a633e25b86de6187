package coverage

import (
	"math"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// cutTiers are the "or better" thresholds reported: county hospital,
// sub-centre or better, township centre or better.
var cutTiers = []scenario.Tier{scenario.CountyHospital, scenario.SubCentre, scenario.TownshipCentre}

// Compute returns the static coverage of st: each demand point's static
// response time from the nearest ambulance base (emergency speeds, static
// band, dispatch delay and turnout medians first), its time to the nearest
// health facility by its class's mode, and the driving time to the nearest
// facility of a tier or better;
// then the sums by zone class, township, village and for the whole study.
// A handful of multi-source searches: O(k (V + E) log V).
func Compute(st *model.Study) *Result {
	s := st.Scenario
	r := &Result{StaticStart: st.StaticStart(), Points: make([]Point, len(s.Demand.Points))}

	// Response from the ambulance bases.
	bases := pick(s, func(f *scenario.Facility) bool { return f.Ambulances > 0 })
	resp := st.Reach(model.Emergency, places(st.FacilityPlaces(model.Emergency), bases), r.StaticStart)
	for i := range r.Points {
		p := &r.Points[i]
		p.Response, p.Station = resp.To(&st.Demand[i])
		p.Station = index(bases, p.Station)
		p.Target = target(s, i)
		p.Within = p.Response <= p.Target
	}

	// The health circle, by each class's mode.
	hc := &s.HealthCircle
	health := pick(s, func(f *scenario.Facility) bool { return contains(hc.Tiers, f.Tier) })
	reaches := map[model.Profile]*model.Reach{}
	for i := range r.Points {
		p := &r.Points[i]
		prof, mode := healthProfile(st, s.Demand.Points[i].Class)
		rs, ok := reaches[prof]
		if !ok {
			rs = st.Reach(prof, places(st.FacilityPlaces(prof), health), 0)
			reaches[prof] = rs
		}
		p.HealthMode = mode
		t, k := rs.To(&st.DemandPlaces(prof)[i])
		p.Health, p.HealthFacility = t, index(health, k)
		p.HealthWithin = p.Health <= 60*hc.Minutes
	}

	// The tier thresholds, driving at normal speeds.
	for _, tier := range cutTiers {
		cut := pick(s, func(f *scenario.Facility) bool { return f.Tier.IsHealth() && f.Tier.Rank() <= tier.Rank() })
		r.Cuts = append(r.Cuts, Cut{Tier: tier, Minutes: hc.Minutes, Exists: len(cut) > 0})
		rs := st.Reach(model.Drive, places(st.Facilities, cut), 0)
		for i := range r.Points {
			t, k := rs.To(&st.Demand[i])
			r.Points[i].CutTime = append(r.Points[i].CutTime, t)
			r.Points[i].CutFacility = append(r.Points[i].CutFacility, index(cut, k))
		}
	}
	r.sum(st)
	r.gaps(st)
	return r
}

// pick returns the indices of the facilities for which keep is true.
func pick(s *scenario.Scenario, keep func(*scenario.Facility) bool) []int {
	var out []int
	for i := range s.Facilities {
		if keep(&s.Facilities[i]) {
			out = append(out, i)
		}
	}
	return out
}

// places returns the places of the facilities idx.
func places(all []model.Place, idx []int) []model.Place {
	out := make([]model.Place, len(idx))
	for k, i := range idx {
		out[k] = all[i]
	}
	return out
}

// index maps a source index k of a subset back to the facility index.
func index(subset []int, k int) int {
	if k < 0 {
		return -1
	}
	return subset[k]
}

func contains(tiers []scenario.Tier, t scenario.Tier) bool {
	for _, x := range tiers {
		if x == t {
			return true
		}
	}
	return false
}

// finite reports whether x is a finite number.
func finite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }
