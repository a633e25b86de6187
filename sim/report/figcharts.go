package report

import (
	"math"

	"github.com/emsplan/sim/sim/report/figures"
)

// cdfChart draws the mean cumulative distribution of each zone class with
// its target and compliance (mean and 95% CI across replications).
func (d *RunData) cdfChart(f figures.Frame) figures.Drawer {
	c := &figures.CDFChart{Frame: f}
	for i, cv := range d.Sim.CDF {
		s := figures.CDFSeries{Target: cv.TargetMin.V}
		s.Name, s.NameEn = both(cv.Class)
		for k, y := range cv.Share {
			s.Curve = append(s.Curve, [2]float64{float64(k+1) * cv.StepMin.V, y.V})
		}
		if i < len(d.Sim.Headline.ByClass) {
			e := d.Sim.Headline.ByClass[i].Compliance
			if !math.IsNaN(e.Lo.V) {
				s.Compliance = &figures.Estimate{Value: e.Mean.V, Lo: e.Lo.V, Hi: e.Hi.V}
			}
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// responseHist draws the response times of the calls in calls.csv.
func (d *RunData) responseHist(f figures.Frame) figures.Drawer {
	calls := d.Table("sim/calls.csv")
	h := &figures.Histogram{Frame: f}
	for r := range calls.Rows {
		if calls.Str(r, "replication") == "0" {
			h.Values = append(h.Values, calls.Float(r, "response_min")) // empty (lost): +Inf
		}
	}
	for _, cv := range d.Sim.CDF {
		h.Targets = append(h.Targets, cv.TargetMin.V)
	}
	return h
}

// townshipBars draws a share per township, worst first, from table name
// (column col, with its interval when the table has one).
func (d *RunData) townshipBars(f figures.Frame, name, col, axisKey, lang string) figures.Drawer {
	t := d.Table(name)
	b := &figures.BarChart{Frame: f, Order: figures.Ascending, Percent: true, Axis: word(axisKey, lang), Highlight: 0.9}
	for r := range t.Rows {
		v := t.Float(r, col)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		bar := figures.Bar{Name: t.Str(r, "township"), NameEn: t.Str(r, "township_en"), Value: v}
		bar.Lo, bar.Hi = interval(t, r, col)
		b.Bars = append(b.Bars, bar)
	}
	return b
}

func (d *RunData) hourly(f figures.Frame) figures.Drawer {
	h := &figures.HourlyChart{Frame: f, Units: d.Sim.Units}
	for k := 0; k < 24 && k < len(d.Sim.ByHour.Calls); k++ {
		h.Calls[k], h.Busy[k] = d.Sim.ByHour.Calls[k].V, d.Sim.ByHour.Busy[k].V
	}
	return h
}

func (d *RunData) unitBars(f figures.Frame, lang string) figures.Drawer {
	t := d.Table("sim/units.csv")
	b := &figures.BarChart{Frame: f, Order: figures.Descending, Percent: true, Axis: word("utilisation", lang)}
	for r := range t.Rows {
		lo, hi := interval(t, r, "utilisation")
		b.Bars = append(b.Bars, figures.Bar{Name: t.Str(r, "unit"), NameEn: t.Str(r, "unit"),
			Value: t.Float(r, "utilisation"), Lo: lo, Hi: hi})
	}
	return b
}

// treatment compares the time from call to treatment of conveyed patients
// served by 5G and by conventional units, for all calls and per condition.
func (d *RunData) treatment(f figures.Frame) figures.Drawer {
	calls := d.Table("sim/calls.csv")
	conds := []string{"all_calls"}
	for _, c := range d.Study.Scenario.Simulation.Conditions {
		conds = append(conds, c.Name)
	}
	series := [2][][]float64{make([][]float64, len(conds)), make([][]float64, len(conds))}
	for r := range calls.Rows {
		if calls.Str(r, "replication") != "0" || !calls.Bool(r, "conveyed") {
			continue
		}
		k := 0
		if calls.Bool(r, "five_g") {
			k = 1
		}
		v := calls.Float(r, "treatment_min")
		series[k][0] = append(series[k][0], v)
		for i, c := range conds {
			if c == calls.Str(r, "condition") {
				series[k][i] = append(series[k][i], v)
			}
		}
	}
	t := &figures.TreatmentChart{Frame: f}
	for _, c := range conds {
		zh, en := both(c)
		t.Categories, t.CategoriesEn = append(t.Categories, zh), append(t.CategoriesEn, en)
	}
	for k, key := range []string{"conventional", "five_g"} {
		if len(series[k][0]) == 0 {
			continue // a fleet without this kind of unit
		}
		zh, en := both(key)
		t.Series = append(t.Series, figures.BoxSeries{Name: zh, NameEn: en, Values: series[k]})
	}
	return t
}

// interval returns the 95% interval of column col in row r (columns col_lo
// and col_hi), or 0, 0 (no whisker) when the table has none or it is
// undefined (fewer than two replications with a value).
func interval(t *Table, r int, col string) (lo, hi float64) {
	lo, hi = t.Float(r, col+"_lo"), t.Float(r, col+"_hi")
	if math.IsNaN(lo) || math.IsInf(lo, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) {
		return 0, 0
	}
	return lo, hi
}
