package figures

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bar is one bar: a township's compliance, a unit's utilisation.
type Bar struct {
	Name, NameEn string
	Value        float64
	// Lo and Hi are the 95% CI drawn as a whisker; both 0: no whisker.
	Lo, Hi float64
}

// Order is the order of bars.
type Order int

// The orders.
const (
	Ascending  Order = iota // smallest first, at the top: the worst compliance first
	Descending              // largest first: the busiest unit first
	AsGiven
)

// BarChart draws horizontal bars, one per name, sorted, with CI whiskers
// and reference lines (e.g. a compliance goal). Its height grows with the
// number of bars.
type BarChart struct {
	Frame
	Bars      []Bar
	Order     Order
	Percent   bool      // values are shares in [0, 1], shown in %
	Reference []float64 // vertical reference lines
	Axis      string    // the value axis label
	// Highlight colours the bars below it (with Ascending; above it with
	// Descending) in the alert colour; 0: none.
	Highlight float64
}

// Sorted returns the bars in drawing order, top first. Ties keep the given
// order.
func (b *BarChart) Sorted() []Bar {
	out := append([]Bar(nil), b.Bars...)
	switch b.Order {
	case Ascending:
		sort.SliceStable(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	case Descending:
		sort.SliceStable(out, func(i, j int) bool { return out[i].Value > out[j].Value })
	}
	return out
}

// Figure checks the input and draws the chart.
func (b *BarChart) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	for i, v := range b.Bars {
		ck.finite("Bars.Value", i, v.Value)
		ck.finite("Bars.Lo", i, v.Lo)
		ck.finite("Bars.Hi", i, v.Hi)
		if b.Percent {
			ck.share("Bars.Value", i, v.Value)
		}
	}
	for i, r := range b.Reference {
		ck.finite("Reference", i, r)
	}
	if ck.err != nil {
		return nil, ck.err
	}
	if len(b.Bars) == 0 {
		return buildChart(b.Frame, t, t.chartH, nil), nil
	}
	bars := b.Sorted()
	h := max(t.chartH*0.6, vg.Length(len(bars))*0.42*vg.Centimeter+3*vg.Centimeter)
	body := func(c draw.Canvas) {
		p := t.newPlot()
		grid(p, true, false)
		names := make([]string, len(bars))
		for i, br := range bars {
			names[len(bars)-1-i] = t.label(br.Name, br.NameEn) // first bar at the top
		}
		p.NominalY(names...)
		p.Y.Tick.Label.Font = t.font(sizeTick)
		hi := 0.0
		for _, br := range bars {
			hi = math.Max(hi, math.Max(br.Value, br.Hi))
		}
		for _, r := range b.Reference {
			hi = math.Max(hi, r)
		}
		p.X.Min, p.X.Max = 0, hi*1.08
		if b.Percent {
			p.X.Max = 1.12 // room for the value labels; ticks stop at 100%
			p.X.Tick.Marker = percentTicks{}
		}
		if hi == 0 {
			p.X.Max = 1
		}
		p.Y.Min, p.Y.Max = -0.7, float64(len(bars))-0.3
		p.X.Label.Text = b.Axis
		p.Add(hbars{t: t, bars: bars, percent: b.Percent, highlight: b.Highlight, order: b.Order})
		for _, r := range b.Reference {
			lab := trimFloat(r)
			if b.Percent {
				lab = pctAuto(r)
			}
			p.Add(vline{t: t, x: r, label: lab, col: colLoss})
		}
		p.Draw(c)
	}
	return buildChart(b.Frame, t, h, body), nil
}

// hbars draws the bars at y = n-1-i, their whiskers and value labels.
type hbars struct {
	t         theme
	bars      []Bar
	percent   bool
	highlight float64
	order     Order
}

// Plot implements plot.Plotter.
func (hb hbars) Plot(c draw.Canvas, p *plot.Plot) {
	cv := canvas{Canvas: c, t: hb.t}
	n := len(hb.bars)
	f := hb.t.font(sizeLabel)
	for i, br := range hb.bars {
		y := c.Y(p.Y.Norm(float64(n - 1 - i)))
		half := vg.Length(math.Min(5.5, float64(c.Y(p.Y.Norm(1))-c.Y(p.Y.Norm(0)))*0.34))
		x0, x1 := c.X(p.X.Norm(0)), c.X(p.X.Norm(br.Value))
		col := color.Color(seriesColour(0))
		if hb.highlight > 0 && ((hb.order != Descending && br.Value < hb.highlight) || (hb.order == Descending && br.Value > hb.highlight)) {
			col = colLoss
		}
		cv.fillStroke(rectPath(vg.Rectangle{Min: vg.Point{X: x0, Y: y - half}, Max: vg.Point{X: x1, Y: y + half}}), col, nil, 0)
		end := x1
		if br.Lo != 0 || br.Hi != 0 {
			lo, hi := c.X(p.X.Norm(br.Lo)), c.X(p.X.Norm(br.Hi))
			ws := draw.LineStyle{Color: colBlack, Width: 0.7}
			c.StrokeLine2(ws, lo, y, hi, y)
			c.StrokeLine2(ws, lo, y-half*0.6, lo, y+half*0.6)
			c.StrokeLine2(ws, hi, y-half*0.6, hi, y+half*0.6)
			end = max(end, hi)
		}
		lab := trimValue(br.Value)
		if hb.percent {
			lab = pct(br.Value)
		}
		cv.text(vg.Point{X: end + 3, Y: y}, lab, f, colText, 0, -0.5)
	}
}

// trimValue formats a value with up to two significant decimals.
func trimValue(v float64) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	switch a := math.Abs(v); {
	case a >= 100:
		return thousands(v)
	case a >= 10:
		return trimFloat(math.Round(v*10) / 10)
	}
	return trimFloat(math.Round(v*100) / 100)
}
