package coverage

import (
	"math"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// Result is the static coverage of a study. Times are in seconds; +Inf
// means unreachable.
type Result struct {
	StaticStart float64 // dispatch delay + turnout medians, counted before the drive
	Points      []Point // one per demand point, in scenario order
	Total       Group
	Classes     []Group // one per zone class, in the targets' order
	Townships   []Group // one per township, in code order
	Villages    []Village
	Cuts        []Cut // time to the nearest facility of a tier or better
	Gaps        []Gap
}

// Point is the static coverage of one demand point.
type Point struct {
	Response float64 // static response time from the nearest ambulance base
	Station  int     // scenario facility index of that base; -1 if none reaches
	Target   float64 // response-time target
	Within   bool    // Response <= Target

	HealthMode     string  // "walk" or "drive"
	Health         float64 // time to the nearest health facility
	HealthFacility int     // scenario facility index; -1 if none reaches
	HealthWithin   bool    // Health <= the circle's threshold

	CutTime     []float64 // per Cut: driving time to the nearest facility of that tier or better
	CutFacility []int     // per Cut: its facility index, -1 if none
}

// Group sums the points of a zone class, a township or the whole study.
type Group struct {
	Key        string // class name, township code, or "all"
	Name       string
	NameEn     string
	Points     int
	Population float64
	Covered    float64 // population within its response target
	Healthy    float64 // population within the health circle
	Unreached  float64 // population no ambulance base reaches
	MeanTime   float64 // population-weighted mean static response over reached points
	P90Time    float64 // population-weighted 90th percentile static response (+Inf if > 10% unreached)
	MaxTime    float64 // worst static response
	Target     float64 // the class target (classes only; 0 otherwise)
}

// Share returns the share of the population within its response target.
func (g *Group) Share() float64 { return ratio(g.Covered, g.Population) }

// HealthShare returns the share of the population within the health circle.
func (g *Group) HealthShare() float64 { return ratio(g.Healthy, g.Population) }

func ratio(a, b float64) float64 {
	if b <= 0 {
		return math.NaN()
	}
	return a / b
}

// Village sums the demand points of one village-level unit.
type Village struct {
	Code, Name, NameEn     string
	TownshipCode, Township string
	TownshipEn             string
	Class                  string // the class of most of its residents
	Population             float64
	Covered                float64 // population within its response target
	Healthy                float64 // population within the health circle
	MeanTime, MaxTime      float64 // static response, population-weighted mean and worst
	Target                 float64 // target of its class
	Station                int     // base serving most of its residents (facility index)
	MeanHealth             float64 // population-weighted mean time to a health facility
	HealthFacility         int     // facility nearest to most of its residents
	Point                  [2]float64
}

// Outside returns the population outside its response target.
func (v *Village) Outside() float64 { return v.Population - v.Covered }

// Cut is a tier threshold: facilities of Tier or a higher tier, reached by
// car at normal speeds.
type Cut struct {
	Tier     scenario.Tier
	Minutes  float64 // the circle's threshold, for Within
	Within   float64 // population within Minutes of such a facility
	MeanTime float64 // population-weighted mean time over reached points
	Exists   bool    // false when the scenario has no facility of the tier or better
}

// Gap is a data problem to look at before trusting the figures.
type Gap struct {
	Kind       string // "far_from_road", "unreachable", "facility_far_from_road", "network_dropped"
	Count      int
	Population float64
	Detail     string
}

// target returns the response target of demand point i in seconds: its
// class (or zone) target for the most urgent priority.
func target(s *scenario.Scenario, i int) float64 {
	p := &s.Demand.Points[i]
	prio := ""
	if len(s.Simulation.Priorities) > 0 {
		prio = s.Simulation.Priorities[0].Name
	}
	return 60 * s.Targets.For(p.Class, p.TargetMin, prio)
}

// healthProfile returns how residents of class travel to health facilities.
func healthProfile(st *model.Study, class string) (model.Profile, string) {
	if st.Scenario.HealthCircle.Mode[class] == "walk" && st.Net.Walk != nil {
		return model.Walk, "walk"
	}
	return model.Drive, "drive"
}
