package report

import (
	"io"
	"sort"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// Options control how result files are written.
type Options struct {
	BOM bool // start CSV files with a UTF-8 byte-order mark (Excel)
}

// CoverageSummary is coverage/summary.json.
type CoverageSummary struct {
	Scenario     ScenarioInfo `json:"scenario"`
	Network      NetworkInfo  `json:"network"`
	StaticClock  StaticClock  `json:"static_clock"`
	Response     []GroupJSON  `json:"response"` // "all", then each zone class
	HealthCircle HealthJSON   `json:"health_circle"`
	Tiers        []CutJSON    `json:"tiers"`
	Townships    []GroupJSON  `json:"townships"`
	Villages     VillagesJSON `json:"villages"`
	Gaps         []GapJSON    `json:"data_gaps"`
	Warnings     []string     `json:"warnings"`
}

// StaticClock says what the static response time counts.
type StaticClock struct {
	DispatchMin     Num    `json:"dispatch_delay_min"`
	TurnoutMin      Num    `json:"turnout_min"`
	EmergencyFactor Num    `json:"emergency_factor"`
	UrbanFactor     Num    `json:"urban_factor"`
	Band            string `json:"band"`
	BandFactor      Num    `json:"band_factor"`
	OffroadKmh      Num    `json:"offroad_kmh"`
}

// GroupJSON is a coverage.Group in output units.
type GroupJSON struct {
	Key          string `json:"key"`
	Name         string `json:"name"`
	NameEn       string `json:"name_en"`
	Points       int    `json:"points"`
	Population   Num    `json:"population"`
	TargetMin    Num    `json:"target_min,omitempty"`
	WithinTarget Num    `json:"within_target"`
	ShareWithin  Num    `json:"share_within_target"`
	MeanMin      Num    `json:"mean_response_min"`
	P90Min       Num    `json:"p90_response_min"`
	MaxMin       Num    `json:"max_response_min"`
	Unreached    Num    `json:"unreached"`
	WithinHealth Num    `json:"within_health_circle"`
	ShareHealth  Num    `json:"share_health_circle"`
}

// HealthJSON is the 15-minute circle's rule and result.
type HealthJSON struct {
	Minutes Num               `json:"minutes"`
	Mode    map[string]string `json:"mode"`
	WalkKmh Num               `json:"walk_kmh"`
	Share   Num               `json:"share"`
	Within  Num               `json:"within"`
}

// CutJSON is the time to the nearest facility of a tier or better.
type CutJSON struct {
	Tier        string `json:"tier_or_better"`
	Exists      bool   `json:"exists"`
	MeanMin     Num    `json:"mean_min"`
	WithinShare Num    `json:"share_within_circle"`
}

// VillagesJSON counts the village-level units outside their target.
type VillagesJSON struct {
	Count             int `json:"count"`
	Outside           int `json:"with_residents_outside_target"`
	MostlyOutside     int `json:"mostly_outside_target"` // more than half of the residents
	PopulationOutside Num `json:"population_outside_target"`
}

// GapJSON is a data gap.
type GapJSON struct {
	Kind       string `json:"kind"`
	Count      int    `json:"count"`
	Population Num    `json:"population"`
	Detail     string `json:"detail"`
}

func groupJSON(g *coverage.Group) GroupJSON {
	return GroupJSON{Key: g.Key, Name: g.Name, NameEn: g.NameEn, Points: g.Points, Population: N(g.Population, 0),
		TargetMin: Minutes(g.Target), WithinTarget: N(g.Covered, 0), ShareWithin: Share(g.Share()),
		MeanMin: Minutes(g.MeanTime), P90Min: Minutes(g.P90Time), MaxMin: Minutes(g.MaxTime), Unreached: N(g.Unreached, 0),
		WithinHealth: N(g.Healthy, 0), ShareHealth: Share(g.HealthShare())}
}

// NewCoverageSummary gathers the headline figures of a coverage result.
func NewCoverageSummary(st *model.Study, r *coverage.Result) *CoverageSummary {
	s := st.Scenario
	nw := &s.Network
	band := nw.Bands[nw.StaticBand]
	cs := &CoverageSummary{
		Scenario: NewScenarioInfo(st), Network: NewNetworkInfo(st),
		StaticClock: StaticClock{DispatchMin: N(model.Median(s.Simulation.DispatchDelay), 2), TurnoutMin: N(model.Median(s.Simulation.Turnout), 2),
			EmergencyFactor: N(nw.EmergencyFactor, 2), UrbanFactor: N(nw.UrbanFactor, 2), Band: band.Name,
			BandFactor: N(band.Factor, 2), OffroadKmh: N(nw.OffroadKmh, 1)},
		HealthCircle: HealthJSON{Minutes: N(s.HealthCircle.Minutes, 1), Mode: s.HealthCircle.Mode, WalkKmh: N(s.HealthCircle.WalkKmh, 1),
			Share: Share(r.Total.HealthShare()), Within: N(r.Total.Healthy, 0)},
		Warnings: []string{},
	}
	cs.Response = append(cs.Response, groupJSON(&r.Total))
	for i := range r.Classes {
		cs.Response = append(cs.Response, groupJSON(&r.Classes[i]))
	}
	for _, c := range r.Cuts {
		cs.Tiers = append(cs.Tiers, CutJSON{Tier: string(c.Tier), Exists: c.Exists, MeanMin: Minutes(c.MeanTime),
			WithinShare: Share(c.Within / r.Total.Population)})
	}
	for i := range r.Townships {
		cs.Townships = append(cs.Townships, groupJSON(&r.Townships[i]))
	}
	cs.Villages.Count = len(r.Villages)
	out := 0.0
	for _, v := range r.Villages {
		if v.Outside() > 0 {
			cs.Villages.Outside++
			out += v.Outside()
		}
		if v.Outside() > v.Population/2 {
			cs.Villages.MostlyOutside++
		}
	}
	cs.Villages.PopulationOutside = N(out, 0)
	for _, g := range r.Gaps {
		cs.Gaps = append(cs.Gaps, GapJSON{g.Kind, g.Count, N(g.Population, 0), g.Detail})
	}
	if cs.Gaps == nil {
		cs.Gaps = []GapJSON{}
	}
	for _, p := range st.Problems.Warnings() {
		cs.Warnings = append(cs.Warnings, p.Error())
	}
	return cs
}

// SetCoverage puts a coverage result into d: its summary and its tables.
func (d *RunData) SetCoverage(r *coverage.Result) {
	st := d.Study
	d.Coverage = NewCoverageSummary(st, r)
	d.Tables["coverage/points.csv"] = pointsTable(st, r)
	d.Tables["coverage/villages.csv"] = villagesTable(st, r)
	d.Tables["coverage/townships.csv"] = townshipsTable(r)
}

// WriteData writes every table and summary of d into the staging folder,
// and coverage/points.geojson from the coverage result cov.
func (d *RunData) WriteData(stg *Staging, cov *coverage.Result, opt Options) error {
	for _, name := range d.tableNames() {
		t := d.Tables[name]
		if err := stg.Write(name, func(w io.Writer) error { return t.WriteCSV(w, opt.BOM) }); err != nil {
			return err
		}
	}
	if err := stg.Write("coverage/points.geojson", func(w io.Writer) error { return writePointsGeoJSON(w, d.Study, cov) }); err != nil {
		return err
	}
	if err := stg.Write("coverage/summary.json", func(w io.Writer) error { return WriteJSON(w, d.Coverage) }); err != nil {
		return err
	}
	if d.Sim != nil {
		if err := stg.Write("sim/summary.json", func(w io.Writer) error { return WriteJSON(w, d.Sim) }); err != nil {
			return err
		}
	}
	return d.writeCompare(stg)
}

// tableNames returns the names of d's tables, sorted.
func (d *RunData) tableNames() []string {
	names := make([]string, 0, len(d.Tables))
	for n := range d.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// facilityID returns the id and name of facility i, or empty strings.
func facilityID(s *scenario.Scenario, i int) (string, string) {
	if i < 0 {
		return "", ""
	}
	return s.Facilities[i].ID, s.Facilities[i].Name
}

// WorstTownships returns the townships sorted by share within target,
// lowest first (ties by code).
func WorstTownships(r *coverage.Result) []coverage.Group {
	out := append([]coverage.Group(nil), r.Townships...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Share() < out[j].Share() })
	return out
}
