package figures

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BoxSeries is one group of boxes, e.g. the 5G units, with one sample of
// minutes per category.
type BoxSeries struct {
	Name, NameEn string
	Values       [][]float64 // per category, minutes
}

// TreatmentChart compares time to treatment (or any minutes) between
// series (5G vs conventional) in each category (all calls, stroke, chest
// pain...): grouped boxes with the quartiles, whiskers from P10 to P90 and
// the median, with the median written above each box.
type TreatmentChart struct {
	Frame
	Categories []string // with CategoriesEn for Latin-only output
	// CategoriesEn are the Latin names of the categories (optional).
	CategoriesEn []string
	Series       []BoxSeries
	YLabel       string // "": "Time to treatment (minutes)"
}

// BoxStats are the numbers behind one box.
type BoxStats struct {
	N                        int
	P10, Q1, Median, Q3, P90 float64
}

// Stats returns the box numbers of a sample (type 7 quantiles).
func Stats(values []float64) BoxStats {
	s := sortedCopy(values)
	return BoxStats{N: len(s), P10: Quantile(s, 0.1), Q1: Quantile(s, 0.25), Median: Quantile(s, 0.5), Q3: Quantile(s, 0.75), P90: Quantile(s, 0.9)}
}

// Figure checks the input and draws the chart.
func (m *TreatmentChart) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	n := 0
	for i, s := range m.Series {
		if len(s.Values) != len(m.Categories) {
			ck.fail("Series[%d] has %d samples for %d categories", i, len(s.Values), len(m.Categories))
		}
		for _, vs := range s.Values {
			for _, v := range vs {
				ck.nonNeg("Series.Values", i, v)
				n++
			}
		}
	}
	if len(m.CategoriesEn) != 0 && len(m.CategoriesEn) != len(m.Categories) {
		ck.fail("CategoriesEn has %d names for %d categories", len(m.CategoriesEn), len(m.Categories))
	}
	if ck.err != nil {
		return nil, ck.err
	}
	if n == 0 {
		return buildChart(m.Frame, t, t.chartH, nil), nil
	}
	stats := make([][]BoxStats, len(m.Series))
	ymax := 0.0
	for i, s := range m.Series {
		stats[i] = make([]BoxStats, len(m.Categories))
		for k, vs := range s.Values {
			stats[i][k] = Stats(vs)
			if stats[i][k].N > 0 {
				ymax = math.Max(ymax, stats[i][k].P90)
			}
		}
	}
	body := func(c draw.Canvas) {
		p := t.newPlot()
		grid(p, false, true)
		names := make([]string, len(m.Categories))
		for k, zh := range m.Categories {
			en := ""
			if k < len(m.CategoriesEn) {
				en = m.CategoriesEn[k]
			}
			names[k] = t.label(zh, en)
		}
		p.NominalX(names...)
		p.X.Min, p.X.Max = -0.6, float64(len(names))-0.4
		p.Y.Min, p.Y.Max = 0, ymax*1.12+1
		p.Y.Label.Text = m.YLabel
		if p.Y.Label.Text == "" {
			p.Y.Label.Text = t.tr(wTimeToTreatment)
		}
		p.Add(boxes{t: t, stats: stats})
		for i, s := range m.Series {
			col := seriesColour(i)
			p.Legend.Add(t.label(s.Name, s.NameEn), swatch{col})
		}
		p.Legend.Top, p.Legend.Left = true, true
		p.Legend.XOffs = 4
		p.Draw(c)
		cv := canvas{Canvas: c, t: t}
		cv.text(vg.Point{X: c.Max.X - 2, Y: c.Max.Y - 2}, t.tr(wBoxNote), t.font(sizeSource), colMuted, -1, -1)
	}
	return buildChart(m.Frame, t, t.chartH, body), nil
}

// boxes draws the grouped boxes.
type boxes struct {
	t     theme
	stats [][]BoxStats // [series][category]
}

// Plot implements plot.Plotter.
func (b boxes) Plot(c draw.Canvas, p *plot.Plot) {
	cv := canvas{Canvas: c, t: b.t}
	ns := len(b.stats)
	slot := 0.8 / float64(ns)
	f := b.t.font(sizeLabel)
	for i, row := range b.stats {
		col := seriesColour(i)
		light := color.NRGBA{col.R, col.G, col.B, 0x70}
		for k, s := range row {
			if s.N == 0 {
				continue
			}
			xc := float64(k) - 0.4 + slot*(float64(i)+0.5)
			x0, x1 := c.X(p.X.Norm(xc-slot*0.38)), c.X(p.X.Norm(xc+slot*0.38))
			xm := c.X(p.X.Norm(xc))
			y := func(v float64) vg.Length { return c.Y(p.Y.Norm(v)) }
			ws := draw.LineStyle{Color: col, Width: 0.9}
			c.StrokeLine2(ws, xm, y(s.P10), xm, y(s.Q1))
			c.StrokeLine2(ws, xm, y(s.Q3), xm, y(s.P90))
			cap := (x1 - x0) * 0.25
			c.StrokeLine2(ws, xm-cap, y(s.P10), xm+cap, y(s.P10))
			c.StrokeLine2(ws, xm-cap, y(s.P90), xm+cap, y(s.P90))
			cv.fillStroke(rectPath(vg.Rectangle{Min: vg.Point{X: x0, Y: y(s.Q1)}, Max: vg.Point{X: x1, Y: y(s.Q3)}}), light, col, 0.9)
			c.StrokeLine2(draw.LineStyle{Color: colBlack, Width: 1.4}, x0, y(s.Median), x1, y(s.Median))
			cv.text(vg.Point{X: xm, Y: y(s.P90) + 2}, trimValue(s.Median), f, colText, -0.5, 0)
		}
	}
}

// swatch is a legend thumbnail: a filled square.
type swatch struct{ col color.RGBA }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	c.SetColor(color.NRGBA{s.col.R, s.col.G, s.col.B, 0x90})
	c.Fill(c.Rectangle.Path())
}
