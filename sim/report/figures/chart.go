package figures

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// newPlot returns a plot whose every text element uses the theme's font.
func (t theme) newPlot() *plot.Plot {
	p := plot.New()
	p.TextHandler = textHandler
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = t.font(sizeAxis)
		a.Label.TextStyle.Handler = textHandler
		a.Label.TextStyle.Color = colText
		a.Tick.Label.Font = t.font(sizeTick)
		a.Tick.Label.Handler = textHandler
		a.Tick.Label.Color = colText
		a.LineStyle.Color = colMuted
		a.Tick.LineStyle.Color = colMuted
		a.Padding = 2
		a.Tick.Marker = niceTicks{}
	}
	p.Legend.TextStyle.Font = t.font(sizeLegend)
	p.Legend.TextStyle.Handler = textHandler
	p.Legend.Top = true
	p.Legend.Left = false
	p.Title.TextStyle.Handler = textHandler
	return p
}

// grid adds light grid lines.
func grid(p *plot.Plot, vertical, horizontal bool) {
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = color.Gray{0xe4}, color.Gray{0xe4}
	if !vertical {
		g.Vertical.Width = 0
	}
	if !horizontal {
		g.Horizontal.Width = 0
	}
	p.Add(g)
}

// buildChart returns a figure of width t.width and height h: the frame's
// title and subtitle on top, its source at the bottom, body in between (or
// the words "no data" when body is nil).
func buildChart(fr Frame, t theme, h vg.Length, body func(c draw.Canvas)) *Figure {
	f := &Figure{w: t.width, h: h, dpi: t.dpi, t: t}
	f.draw = func(c canvas) {
		drawHeader(c, fr, margin, h-margin)
		drawFooter(c, fr, margin, margin)
		r := vg.Rectangle{
			Min: vg.Point{X: margin, Y: margin + footerHeight(fr)},
			Max: vg.Point{X: t.width - margin, Y: h - margin - headerHeight(fr, t)},
		}
		if body == nil {
			mid := vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}
			c.fillStroke(rectPath(r), nil, colLight, 0.5)
			c.text(mid, t.tr(wNoData), t.font(sizeTitle), colMuted, -0.5, -0.5)
			return
		}
		body(draw.Canvas{Canvas: c.Canvas.Canvas, Rectangle: r})
	}
	return f
}

// cornerText is a plotter that writes lines of text in the upper left (or
// lower right) corner of the data area over a white box.
type cornerText struct {
	t      theme
	lines  []string
	colors []color.Color
	right  bool // right instead of left
	top    bool // with right: upper right
}

// Plot implements plot.Plotter.
func (ct cornerText) Plot(c draw.Canvas, _ *plot.Plot) {
	if len(ct.lines) == 0 {
		return
	}
	cv := canvas{Canvas: c, t: ct.t}
	f := ct.t.font(sizeLegend)
	lh := vg.Length(sizeLegend * 1.5)
	w := vg.Length(0)
	for _, l := range ct.lines {
		w = max(w, textWidth(f, l))
	}
	h := lh * vg.Length(len(ct.lines))
	x, y := c.Min.X+6, c.Max.Y-6
	if ct.right {
		x, y = c.Max.X-6-w, c.Min.Y+6+h
		if ct.top {
			y = c.Max.Y - 6
		}
	}
	cv.fillStroke(rectPath(vg.Rectangle{Min: vg.Point{X: x - 3, Y: y - h - 2}, Max: vg.Point{X: x + w + 3, Y: y + 2}}), color.NRGBA{0xff, 0xff, 0xff, 0xe0}, colLight, 0.4)
	for i, l := range ct.lines {
		col := color.Color(colText)
		if i < len(ct.colors) && ct.colors[i] != nil {
			col = ct.colors[i]
		}
		cv.text(vg.Point{X: x, Y: y - lh*vg.Length(i) - lh/2}, l, f, col, 0, -0.5)
	}
}

// vline is a plotter drawing a dashed vertical line at x with a label at
// the top of the data area.
type vline struct {
	t     theme
	x     float64
	label string
	col   color.Color
}

// Plot implements plot.Plotter.
func (v vline) Plot(c draw.Canvas, p *plot.Plot) {
	x := c.X(p.X.Norm(v.x))
	if x < c.Min.X || x > c.Max.X {
		return
	}
	c.StrokeLine2(draw.LineStyle{Color: v.col, Width: 0.9, Dashes: []vg.Length{4, 2}}, x, c.Min.Y, x, c.Max.Y)
	cv := canvas{Canvas: c, t: v.t}
	cv.text(vg.Point{X: x + 2, Y: c.Max.Y - 2}, v.label, v.t.font(sizeLabel), v.col, 0, -1)
}

// seriesColours are Okabe-Ito colours (distinct for colour-blind readers).
var seriesColours = []color.RGBA{
	{0x00, 0x72, 0xb2, 0xff}, // blue
	{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	{0x00, 0x9e, 0x73, 0xff}, // green
	{0xcc, 0x79, 0xa7, 0xff}, // purple
	{0xe6, 0x9f, 0x00, 0xff}, // orange
	{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	{0x00, 0x00, 0x00, 0xff}, // black
}

func seriesColour(i int) color.RGBA { return seriesColours[i%len(seriesColours)] }

// label is name, trimmed: the label of a named thing.
func (t theme) label(zh, en string) string {
	s := t.name(zh, en)
	return strings.TrimSpace(s)
}

// percentTicks labels a [0, 1] axis in percent every 10% (labels every 20%).
type percentTicks struct{}

// Ticks implements plot.Ticker.
func (percentTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for i := 0; i <= 10; i++ {
		v := float64(i) / 10
		if v < min-1e-9 || v > max+1e-9 {
			continue
		}
		lab := ""
		if i%2 == 0 {
			lab = strconv.Itoa(i*10) + "%"
		}
		out = append(out, plot.Tick{Value: v, Label: lab})
	}
	return out
}

// niceTicks places about five to eight labelled ticks at round steps (1, 2
// or 5 x 10^k) and labels them without trailing zeros.
type niceTicks struct{}

// Ticks implements plot.Ticker.
func (niceTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) {
		return []plot.Tick{{Value: min, Label: trimValue(min)}}
	}
	step := niceLength((max - min) / 5)
	if (max-min)/step > 8 {
		step = niceLength(step * 2.01)
	}
	var out []plot.Tick
	for v := math.Ceil(min/step-1e-9) * step; v <= max+step*1e-9; v += step {
		out = append(out, plot.Tick{Value: v, Label: trimValue(math.Round(v/step)*step + 0)})
	}
	return out
}
