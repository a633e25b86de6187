package figures

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HourlyChart draws, in two panels sharing the hour axis, the calls per
// hour of day (bars) and the units busy (line) against the fleet size.
type HourlyChart struct {
	Frame
	Calls [24]float64 // mean calls in each hour of the day (0-1h, 1-2h...)
	Busy  [24]float64 // mean number of units busy in each hour
	Units int         // fleet size (a dashed line in the lower panel; 0: none)
}

// Figure checks the input and draws the chart.
func (h *HourlyChart) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	total := 0.0
	for i := range 24 {
		ck.nonNeg("Calls", i, h.Calls[i])
		ck.nonNeg("Busy", i, h.Busy[i])
		total += h.Calls[i] + h.Busy[i]
	}
	if h.Units < 0 {
		ck.fail("Units is %d, want >= 0", h.Units)
	}
	if ck.err != nil {
		return nil, ck.err
	}
	if total == 0 {
		return buildChart(h.Frame, t, t.chartH, nil), nil
	}
	body := func(c draw.Canvas) {
		top, bot := t.newPlot(), t.newPlot()
		grid(top, false, true)
		grid(bot, false, true)
		bars := make(plotter.Values, 24)
		busy := make(plotter.XYs, 25)
		for i := range 24 {
			bars[i] = h.Calls[i]
			busy[i].X, busy[i].Y = float64(i), h.Busy[i]
		}
		busy[24].X, busy[24].Y = 24, h.Busy[23] // close the last hour's step
		if b, err := plotter.NewBarChart(bars, vg.Points(1)); err == nil {
			b.Color, b.LineStyle.Width = seriesColour(0), 0
			b.Offset = 0
			top.Add(hourBars{b})
		}
		if l, err := plotter.NewLine(busy); err == nil {
			l.StepStyle = plotter.PostStep
			l.Color, l.Width = seriesColour(1), 1.6
			bot.Add(l)
		}
		if h.Units > 0 {
			fleet := plotter.XYs{{X: 0, Y: float64(h.Units)}, {X: 24, Y: float64(h.Units)}}
			if l, err := plotter.NewLine(fleet); err == nil {
				l.Color, l.Dashes, l.Width = colMuted, []vg.Length{4, 2}, 0.9
				bot.Add(l)
				bot.Legend.Add(t.tr(wFleet), l)
			}
		}
		top.Y.Label.Text = t.tr(wCallsPerHour)
		bot.Y.Label.Text = t.tr(wUnitsBusy)
		bot.X.Label.Text = t.tr(wHourOfDay)
		for _, p := range []*plot.Plot{top, bot} {
			p.X.Min, p.X.Max, p.Y.Min = 0, 24, 0
			p.X.Tick.Marker = hourTicks{}
		}
		bot.Legend.Top, bot.Legend.XOffs, bot.Legend.YOffs = true, -12, -4
		top.X.Tick.Label.Color = colWhite // shared axis: labels on the lower panel only
		top.X.Tick.Label.Font.Size = 1
		plots := [][]*plot.Plot{{top}, {bot}}
		canvases := plot.Align(plots, draw.Tiles{Rows: 2, Cols: 1, PadY: 6}, c)
		top.Draw(canvases[0][0])
		bot.Draw(canvases[1][0])
	}
	return buildChart(h.Frame, t, t.chartH*1.15, body), nil
}

// hourBars draws a bar chart whose bar i spans the hour [i, i+1).
type hourBars struct{ *plotter.BarChart }

// Plot implements plot.Plotter.
func (hb hourBars) Plot(c draw.Canvas, p *plot.Plot) {
	for i, v := range hb.Values {
		x0, x1 := c.X(p.X.Norm(float64(i)+0.08)), c.X(p.X.Norm(float64(i)+0.92))
		y0, y1 := c.Y(p.Y.Norm(0)), c.Y(p.Y.Norm(v))
		c.SetColor(hb.Color)
		c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}))
	}
}

// DataRange implements plot.DataRanger.
func (hb hourBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, v := range hb.Values {
		ymax = max(ymax, v)
	}
	return 0, 24, 0, ymax
}

// hourTicks labels every third hour.
type hourTicks struct{}

// Ticks implements plot.Ticker.
func (hourTicks) Ticks(_, _ float64) []plot.Tick {
	var out []plot.Tick
	for h := 0; h <= 24; h++ {
		lab := ""
		if h%3 == 0 {
			lab = trimFloat(float64(h))
		}
		out = append(out, plot.Tick{Value: float64(h), Label: lab})
	}
	return out
}
