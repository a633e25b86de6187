package report

import (
	"io"
	"math"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/compare"
	"github.com/emsplan/sim/sim/coverage"
)

// CompareSummary is compare/summary.json: for every variant, the headline
// differences against the baseline (paired 95% intervals for simulated
// figures, exact differences for static ones).
type CompareSummary struct {
	Scenario ScenarioInfo  `json:"scenario"`
	Run      Run           `json:"run"`
	Baseline string        `json:"baseline"`
	Variants []VariantJSON `json:"variants"`
	Warnings []string      `json:"warnings"`
	Notes    string        `json:"notes"`
}

// VariantJSON is one variant's comparison with the baseline.
type VariantJSON struct {
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	TitleEn     string     `json:"title_en"`
	Dynamic     []DiffJSON `json:"dynamic"` // headline simulated figures
	Static      []DiffJSON `json:"static"`  // static coverage, exact
	Significant []DiffJSON `json:"townships_changed"`
	// Changes are the demand points that enter or leave their target
	// (static), for the gain and loss map.
	Changes []ChangeJSON `json:"changes"`
	// CDF is the variant's mean response CDF per zone class.
	CDF []CurveJSON `json:"response_cdf"`
	// Stations are the variant's ambulance bases.
	Stations []StationJSON `json:"stations"`
}

// StationJSON is an ambulance base of a deployment.
type StationJSON struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	NameEn     string `json:"name_en"`
	Lon        Num    `json:"lon"`
	Lat        Num    `json:"lat"`
	Ambulances int    `json:"ambulances"`
	FiveG      int    `json:"five_g"`
}

// ChangeJSON is a demand point whose static response crosses its target.
type ChangeJSON struct {
	ID         string `json:"id"`
	Village    string `json:"village"`
	VillageEn  string `json:"village_en"`
	Lon        Num    `json:"lon"`
	Lat        Num    `json:"lat"`
	Population Num    `json:"population"`
	BeforeMin  Num    `json:"before_min"`
	AfterMin   Num    `json:"after_min"`
	TargetMin  Num    `json:"target_min"`
}

// DiffJSON is one figure of a comparison.
type DiffJSON struct {
	Key         string `json:"key"`
	By          string `json:"by,omitempty"`
	Name        string `json:"name,omitempty"`
	Unit        string `json:"unit"`
	Baseline    Num    `json:"baseline"`
	Variant     Num    `json:"variant"`
	Difference  Num    `json:"difference"`
	Lo          Num    `json:"lo"`
	Hi          Num    `json:"hi"`
	UnpairedLo  Num    `json:"unpaired_lo"`
	UnpairedHi  Num    `json:"unpaired_hi"`
	Significant bool   `json:"significant"`
	Identical   bool   `json:"identical,omitempty"` // the same value in every replication
	Exact       bool   `json:"exact,omitempty"`
}

// headlineKeys are the simulated figures the comparison leads with.
var headlineKeys = map[string]bool{sim.FigCompliance: true, sim.FigResponseMean: true, sim.FigResponseP90: true,
	sim.FigTreatmentMean: true, sim.FigUtilisation: true, sim.FigQueueProb: true, sim.FigMeanWait: true,
	sim.FigLostShare: true, sim.FigCapableCentre: true}

// scale converts an engine value of figure key to output units.
func scale(key string, v float64) Num {
	switch {
	case isTime(key):
		return Minutes(v)
	case isShare(key):
		return Share(v)
	}
	return N(v, 2)
}

func diffJSON(r *compare.Result, k int, d, u sim.Difference) DiffJSON {
	e := r.Outcomes[k+1].Engine
	return DiffJSON{Key: d.Key, By: d.By, Name: figureName(e, d.By, d.Index), Unit: unitOf(d.Key),
		Baseline: scale(d.Key, d.Base), Variant: scale(d.Key, d.Variant), Difference: scale(d.Key, d.Mean),
		Lo: scale(d.Key, d.Lo), Hi: scale(d.Key, d.Hi), UnpairedLo: scale(d.Key, u.Lo), UnpairedHi: scale(d.Key, u.Hi),
		Significant: d.Significant, Identical: d.Mean == 0 && d.Half == 0}
}

// NewCompareSummary gathers the differences of every variant.
func NewCompareSummary(r *compare.Result, run Run) *CompareSummary {
	base := r.Outcomes[0]
	cs := &CompareSummary{Scenario: NewScenarioInfo(base.Study), Run: run, Baseline: base.Name, Warnings: r.Warnings,
		Notes: "dynamic: variant minus baseline over paired replications (same seed, same calls), 95% t interval of the mean difference; " +
			"unpaired: the Welch interval of independent runs, for reference; static: exact differences of residents' shares"}
	if cs.Warnings == nil {
		cs.Warnings = []string{}
	}
	for k, o := range r.Outcomes[1:] {
		v := VariantJSON{Name: o.Name, Title: o.Title, TitleEn: o.TitleEn}
		for j, d := range r.Diffs[k] {
			if math.IsNaN(d.Base) && math.IsNaN(d.Variant) {
				continue // undefined in both (e.g. a condition without a target)
			}
			dj := diffJSON(r, k, d, r.Unpaired[k][j])
			switch {
			case d.By == "township" && d.Key == sim.FigCompliance:
				if d.Significant {
					v.Significant = append(v.Significant, dj)
				}
			case headlineKeys[d.Key] && d.By != "township":
				v.Dynamic = append(v.Dynamic, dj)
			}
		}
		v.Static = staticDiffs(base.Coverage, o.Coverage)
		v.Changes = changes(base, o)
		v.CDF = responseCurves(o.Engine, o.Results)
		for _, f := range o.Study.Scenario.Facilities {
			if f.Ambulances > 0 {
				v.Stations = append(v.Stations, StationJSON{f.ID, f.Name, f.NameEn, N(f.Point[0], 7), N(f.Point[1], 7), f.Ambulances, f.FiveG})
			}
		}
		cs.Variants = append(cs.Variants, v)
	}
	return cs
}

// staticDiffs returns the exact differences of the static shares: within
// the response target and within the health circle, overall, by zone class
// and by township.
func staticDiffs(a, b *coverage.Result) []DiffJSON {
	var out []DiffJSON
	add := func(key, by, name string, x, y float64) {
		out = append(out, DiffJSON{Key: key, By: by, Name: name, Unit: "share", Baseline: Share(x), Variant: Share(y),
			Difference: Share(y - x), Lo: Share(y - x), Hi: Share(y - x), UnpairedLo: Share(math.NaN()), UnpairedHi: Share(math.NaN()),
			Significant: y != x, Exact: true})
	}
	groups := func(by string, ga, gb []coverage.Group) {
		for i := range ga {
			for j := range gb {
				if ga[i].Key == gb[j].Key {
					add("static_within_target", by, ga[i].Name, ga[i].Share(), gb[j].Share())
					if by != "township" {
						add("static_health_circle", by, ga[i].Name, ga[i].HealthShare(), gb[j].HealthShare())
					}
				}
			}
		}
	}
	ta, tb := a.Total, b.Total
	ta.Name, tb.Name = "", "" // the whole study
	groups("", []coverage.Group{ta}, []coverage.Group{tb})
	groups("class", a.Classes, b.Classes)
	groups("township", a.Townships, b.Townships)
	return out
}

// compareTable is compare/differences.csv: every comparable figure of every
// variant, paired and unpaired intervals, and the static differences.
func compareTable(cs *CompareSummary, r *compare.Result) *Table {
	t := &Table{Header: []string{"variant", "figure", "by", "name", "unit", "baseline", "variant_value", "difference",
		"lo", "hi", "unpaired_lo", "unpaired_hi", "significant", "exact"}}
	for k, v := range cs.Variants {
		for j, d := range r.Diffs[k] {
			dj := diffJSON(r, k, d, r.Unpaired[k][j])
			t.Add(v.Name, dj.Key, dj.By, dj.Name, dj.Unit, dj.Baseline, dj.Variant, dj.Difference, dj.Lo, dj.Hi,
				dj.UnpairedLo, dj.UnpairedHi, dj.Significant, false)
		}
		for _, dj := range v.Static {
			t.Add(v.Name, dj.Key, dj.By, dj.Name, dj.Unit, dj.Baseline, dj.Variant, dj.Difference, dj.Lo, dj.Hi,
				"", "", dj.Significant, true)
		}
	}
	return t
}

// changes lists the demand points whose static response crosses the
// target between the baseline and the variant.
func changes(base, o compare.Outcome) []ChangeJSON {
	out := []ChangeJSON{}
	s := base.Study.Scenario
	for i, p := range base.Coverage.Points {
		q := o.Coverage.Points[i]
		if p.Within == q.Within {
			continue
		}
		d := &s.Demand.Points[i]
		out = append(out, ChangeJSON{ID: d.ID, Village: d.Village, VillageEn: d.VillageEn, Lon: N(d.Point[0], 7), Lat: N(d.Point[1], 7),
			Population: N(d.Population, 0), BeforeMin: Minutes(p.Response), AfterMin: Minutes(q.Response), TargetMin: Minutes(p.Target)})
	}
	return out
}

// SetCompare puts a comparison into d (whose run is the baseline's).
func (d *RunData) SetCompare(r *compare.Result, run Run) {
	d.Compare = NewCompareSummary(r, run)
	d.Tables["compare/differences.csv"] = compareTable(d.Compare, r)
}

// writeCompare writes compare/summary.json.
func (d *RunData) writeCompare(stg *Staging) error {
	if d.Compare == nil {
		return nil
	}
	return stg.Write("compare/summary.json", func(w io.Writer) error { return WriteJSON(w, d.Compare) })
}
