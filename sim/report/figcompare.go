package report

import (
	"github.com/emsplan/sim/sim/report/figures"
	"github.com/paulmach/orb"
)

// compareCDF overlays the response CDFs of the baseline and every variant
// for zone class c, each with its compliance at the class's target.
func (d *RunData) compareCDF(f figures.Frame, c int, lang string) figures.Drawer {
	ch := &figures.CDFChart{Frame: f}
	add := func(name, nameEn string, cv CurveJSON) {
		s := figures.CDFSeries{Name: name, NameEn: nameEn, Target: cv.TargetMin.V}
		for k, y := range cv.Share {
			s.Curve = append(s.Curve, [2]float64{float64(k+1) * cv.StepMin.V, y.V})
		}
		ch.Series = append(ch.Series, s)
	}
	base := tr(lang, "现状", "baseline")
	add(base, base, d.Sim.CDF[c])
	for _, v := range d.Compare.Variants {
		if c < len(v.CDF) {
			add(v.Title, v.TitleEn, v.CDF[c])
		}
	}
	return ch
}

// gainLoss maps the points entering (green) or leaving (red) their target
// with variant k, and the townships whose simulated compliance changed
// significantly.
func (d *RunData) gainLoss(f figures.Frame, k int) figures.Drawer {
	v := d.Compare.Variants[k]
	m := &figures.GainLossMap{Frame: f, Basemap: d.basemap(false)}
	changed := map[string]ChangeJSON{}
	for _, c := range v.Changes {
		changed[c.ID] = c
	}
	pts := d.Table("coverage/points.csv")
	for r := range pts.Rows {
		c := figures.Change{P: orb.Point{pts.Float(r, "lon"), pts.Float(r, "lat")}, Name: pts.Str(r, "village"),
			NameEn: pts.Str(r, "village_en"), Weight: pts.Float(r, "population"), Before: pts.Float(r, "response_min"),
			Target: pts.Float(r, "target_min")}
		c.After = c.Before
		if ch, ok := changed[pts.Str(r, "id")]; ok {
			c.After = ch.AfterMin.V
		}
		m.Points = append(m.Points, c)
	}
	for _, t := range v.Significant {
		for _, tw := range d.Study.Scenario.Townships {
			if tw.Name == t.Name {
				seat, _ := d.seat(tw.Code)
				m.Townships = append(m.Townships, figures.TownshipDelta{Name: tw.Name, NameEn: tw.NameEn, Seat: seat,
					Delta: figures.Estimate{Value: t.Difference.V, Lo: t.Lo.V, Hi: t.Hi.V}})
			}
		}
	}
	for _, s := range v.Stations {
		m.Stations = append(m.Stations, figures.Station{P: orb.Point{s.Lon.V, s.Lat.V}, Name: s.Name, NameEn: s.NameEn,
			Units: s.Ambulances, FiveG: s.FiveG})
	}
	return m
}
