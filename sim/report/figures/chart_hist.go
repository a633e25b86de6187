package figures

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// Histogram draws the distribution of response times (or any minutes) in
// bins of equal width, with target lines.
type Histogram struct {
	Frame
	Values   []float64 // minutes (+Inf counted as above XMax)
	BinWidth float64   // minutes (0: 1 minute, or a round width giving at most 60 bins)
	Targets  []float64 // vertical lines, minutes
	XMax     float64   // 0: the 99.5th percentile rounded up to the bin width
	XLabel   string    // "": "Response time (minutes)"
}

// Bins returns the bin width, the bin counts on [0, XMax) and the number of
// values at or above XMax (written on the chart). The counts plus the
// overflow add up to len(Values).
func (h *Histogram) Bins() (width float64, counts []float64, over int) {
	s := sortedCopy(h.Values)
	xmax := h.XMax
	if xmax == 0 && len(s) > 0 {
		q := Quantile(s, 0.995)
		if math.IsInf(q, 0) {
			for i := len(s) - 1; i >= 0; i-- {
				if !math.IsInf(s[i], 0) {
					q = s[i]
					break
				}
			}
		}
		xmax = math.Max(q, 1)
	}
	width = h.BinWidth
	if width == 0 {
		width = 1
		for xmax/width > 60 {
			width = niceLength(width * 2.01)
		}
	}
	nb := int(math.Ceil(xmax / width))
	if h.XMax == 0 && float64(nb)*width <= xmax {
		nb++ // the maximum falls in the last bin
	}
	counts = make([]float64, max(nb, 1))
	for _, v := range s {
		k := int(math.Floor(v / width))
		k = max(k, 0)
		if math.IsInf(v, 1) || k >= len(counts) {
			over++
			continue
		}
		counts[k]++
	}
	return width, counts, over
}

// Figure checks the input and draws the chart.
func (h *Histogram) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	ck.nonNeg("BinWidth", -1, h.BinWidth)
	ck.nonNeg("XMax", -1, h.XMax)
	for i, v := range h.Values {
		ck.minutes("Values", i, v)
	}
	for i, v := range h.Targets {
		ck.nonNeg("Targets", i, v)
	}
	if ck.err != nil {
		return nil, ck.err
	}
	if len(h.Values) == 0 {
		return buildChart(h.Frame, t, t.chartH, nil), nil
	}
	width, counts, over := h.Bins()
	body := func(c draw.Canvas) {
		p := t.newPlot()
		grid(p, false, true)
		hist := make(plotter.XYs, len(counts))
		for i, n := range counts {
			hist[i].X, hist[i].Y = (float64(i)+0.5)*width, n
		}
		hh, err := plotter.NewHistogram(hist, len(counts))
		if err == nil {
			hh.Width = width
			hh.FillColor = seriesColour(0)
			hh.LineStyle.Color = colWhite
			hh.LineStyle.Width = 0.3
			p.Add(hh)
		}
		top := 0.0
		for _, n := range counts {
			top = math.Max(top, n)
		}
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, float64(len(counts))*width, 0, top*1.08+1
		p.X.Label.Text = h.XLabel
		if p.X.Label.Text == "" {
			p.X.Label.Text = t.tr(wResponseTime)
		}
		p.Y.Label.Text = fmt.Sprintf(t.tr(wCallsPerBin), trimFloat(width))
		for _, tg := range h.Targets {
			p.Add(vline{t: t, x: tg, label: trimFloat(tg) + " " + t.tr(wMin), col: colMuted})
		}
		lines := []string{fmt.Sprintf(t.tr(wNCalls), thousands(float64(len(h.Values))))}
		if over > 0 {
			lines = append(lines, fmt.Sprintf(t.tr(wOverflow), thousands(float64(over)), trimFloat(p.X.Max)))
		}
		p.Add(cornerText{t: t, lines: lines, right: true, top: true})
		p.Draw(c)
	}
	return buildChart(h.Frame, t, t.chartH, body), nil
}
