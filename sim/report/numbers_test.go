package report

import (
	"math"
	"testing"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/report/figures"
	"github.com/emsplan/sim/sim/scenario"
)

// tinyRun runs the hand-checked tiny study (coverage and a short simulation)
// and returns what a run keeps for its figures.
func tinyRun(t *testing.T) *RunData {
	t.Helper()
	s, _, err := scenario.Load("../model/testdata/tiny/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := model.Build(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	cov := coverage.Compute(st)
	e, err := st.Engine()
	if err != nil {
		t.Fatal(err)
	}
	e.Model.Horizon = 60 * 86400
	res, err := sim.Run(e.Model, e.Travel, sim.Config{Replications: 5, Seed: 2, KeepCalls: 1})
	if err != nil {
		t.Fatal(err)
	}
	d := NewRunData(st)
	d.SetCoverage(cov)
	d.SetSim(e, res, cov, Run{Replications: 5, Days: 60, Seed: 2, Calls: "first"})
	return d
}

// The numbers behind the figures are the numbers of the files.
func TestFigureNumbers(t *testing.T) {
	d := tinyRun(t)
	figs := map[string]figures.Drawer{}
	for _, f := range d.Figures(FigureOptions{Lang: "en"}) {
		figs[f.Name] = f.Drawer
	}
	// The CDF at each class's target is the class's compliance in summary.json.
	cdf := figs["chart_response_cdf"].(*figures.CDFChart)
	for i, s := range cdf.Series {
		want := d.Sim.Headline.ByClass[i].Compliance.Mean.V
		at := 0.0
		for _, p := range s.Curve {
			if p[0] <= s.Target+1e-9 {
				at = p[1]
			}
		}
		if math.Abs(at-want) > 1e-4 || s.Target != d.Sim.Headline.ByClass[i].TargetMin.V {
			t.Errorf("%s: CDF at %v min is %v, compliance %v", s.NameEn, s.Target, at, want)
		}
	}
	// The coverage map's bands hold every point and every resident.
	n, pop := figs["map_coverage"].(*figures.CoverageMap).BandCounts()
	if sum(ints(n)) != 6 || math.Abs(sum(pop)-d.Coverage.Response[0].Population.V) > 1e-9 {
		t.Errorf("bands: %v points, %v residents", n, pop)
	}
	// The health map's split is the health circle of summary.json.
	within, outside := figs["map_health_circle"].(*figures.HealthCircleMap).Split()
	if within != d.Coverage.HealthCircle.Within.V || within+outside != 2150 {
		t.Errorf("health split %v / %v, summary %v", within, outside, d.Coverage.HealthCircle.Within.V)
	}
	// The compliance map shows sim/townships.csv.
	tw := d.Table("sim/townships.csv")
	for i, r := range figs["map_compliance"].(*figures.ComplianceMap).Townships {
		if r.Share.Value != tw.Float(i, "compliance") {
			t.Errorf("township %s: map %v, table %v", r.Name, r.Share.Value, tw.Float(i, "compliance"))
		}
	}
	// Calls by hour add up to the calls of a replication.
	h := figs["chart_hourly"].(*figures.HourlyChart)
	total := 0.0
	for _, c := range h.Calls {
		total += c
	}
	if math.Abs(total-d.Sim.Headline.Calls.Mean.V) > 0.15 || h.Units != 2 {
		t.Errorf("hourly calls %v, calls %v, units %d", total, d.Sim.Headline.Calls.Mean.V, h.Units)
	}
	// Each station's utilisation is the mean of its units'.
	units := d.Table("sim/units.csv")
	for _, st := range figs["map_utilisation"].(*figures.UtilisationMap).Stations {
		for r := range units.Rows {
			if units.Str(r, "station") == st.Name && units.Float(r, "utilisation") != st.Utilisation {
				t.Errorf("station %s: %v, unit %v", st.Name, st.Utilisation, units.Float(r, "utilisation"))
			}
		}
	}
}

func ints(v []int) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// A township with calls in fewer than two replications has no interval
// (empty cells): its bar is drawn without a whisker, not rejected.
func TestBarWithoutInterval(t *testing.T) {
	d := &RunData{Tables: map[string]*Table{"sim/townships.csv": {
		Header: []string{"township", "township_en", "compliance", "compliance_lo", "compliance_hi"},
		Rows:   [][]string{{"甲", "Jia", "0.9000", "0.8500", "0.9500"}, {"乙", "Yi", "1.0000", "", ""}},
	}}}
	b := d.townshipBars(figures.Frame{}, "sim/townships.csv", "compliance", "share_within", "en").(*figures.BarChart)
	if len(b.Bars) != 2 || b.Bars[0].Lo != 0.85 || b.Bars[1].Lo != 0 || b.Bars[1].Hi != 0 {
		t.Errorf("bars %+v", b.Bars)
	}
	if _, err := b.Figure(figures.Options{}); err != nil {
		t.Errorf("a bar without an interval was rejected: %v", err)
	}
}
