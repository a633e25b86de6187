package figures

import (
	"math"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// mapLayout places a map on the page: the projected extent, the panel it
// is drawn in and the scale (points of paper per km, equal in x and y).
type mapLayout struct {
	proj   Projection
	ext    extent       // km, padded
	panel  vg.Rectangle // the map's panel on the figure
	scale  float64      // vg points per km, the same east and north
	legend vg.Rectangle
	// legendBlock is the legend's column layout, legendAt where it goes.
	legendBlock legendBlock
	legendAt    int
	w, h        vg.Length // the figure's size
	header      vg.Length // height of title + subtitle
}

// xy returns p's position on the figure.
func (m *mapLayout) xy(p orb.Point) vg.Point {
	x, y := m.proj.Forward(p)
	return vg.Point{
		X: m.panel.Min.X + vg.Length((x-m.ext.minX)*m.scale),
		Y: m.panel.Min.Y + vg.Length((y-m.ext.minY)*m.scale),
	}
}

// inside reports whether q lies in the map panel.
func (m *mapLayout) inside(q vg.Point) bool {
	r := m.panel
	return q.X >= r.Min.X && q.X <= r.Max.X && q.Y >= r.Min.Y && q.Y <= r.Max.Y
}

// km returns a length on paper for d km.
func (m *mapLayout) km(d float64) vg.Length { return vg.Length(d * m.scale) }

const (
	legendRight = iota
	legendBelow
)

const (
	margin    = 0.3 * vg.Centimeter
	gapLegend = 0.35 * vg.Centimeter
	minSpanKm = 2.0
)

// newMapLayout fits the bound b (lon/lat) in a figure no wider than t.width
// and no taller than t.maxHeight, under a header and above a footer, with
// the legend either at the right (one column) or below the map (in
// columns), whichever leaves the larger map.
func newMapLayout(b orb.Bound, t theme, items []legendItem, header, footer vg.Length) *mapLayout {
	c := b.Center()
	m := &mapLayout{proj: NewProjection(c[0], c[1]), header: header}
	e := emptyExtent()
	for _, p := range []orb.Point{b.Min, b.Max, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}} {
		e.add(m.proj.Forward(p))
	}
	// Pad by 3% and to at least minSpanKm.
	padX := math.Max(math.Max(e.dx()*0.03, (minSpanKm-e.dx())/2), 0.2)
	padY := math.Max(math.Max(e.dy()*0.03, (minSpanKm-e.dy())/2), 0.2)
	e = extent{e.minX - padX, e.minY - padY, e.maxX + padX, e.maxY + padY}
	m.ext = e
	aspect := e.dy() / e.dx()
	availH := t.maxHeight - 2*margin - header - footer
	fit := func(w, h vg.Length) (vg.Length, vg.Length) {
		mw, mh := w, vg.Length(float64(w)*aspect)
		if mh > h {
			mh, mw = h, vg.Length(float64(h)/aspect)
		}
		return mw, mh
	}
	right := layoutLegend(items, t, 0)
	rw, rh := fit(t.width-2*margin-gapLegend-right.w, availH)
	below := wideLegend(items, t, t.width-2*margin)
	bw, bh := fit(t.width-2*margin, availH-gapLegend-below.h)
	top := func(h vg.Length) vg.Length { return h - margin - header }
	if len(items) == 0 || rw >= bw {
		m.legendBlock, m.legendAt = right, legendRight
		m.w = 2*margin + rw + gapLegend + right.w
		m.h = 2*margin + header + max(rh, right.h) + footer
		y := top(m.h)
		m.panel = vg.Rectangle{Min: vg.Point{X: margin, Y: y - rh}, Max: vg.Point{X: margin + rw, Y: y}}
		m.legend = vg.Rectangle{Min: vg.Point{X: margin + rw + gapLegend, Y: y - right.h}, Max: vg.Point{X: margin + rw + gapLegend + right.w, Y: y}}
	} else {
		m.legendBlock, m.legendAt = below, legendBelow
		m.w = 2*margin + max(bw, below.w)
		m.h = 2*margin + header + bh + gapLegend + below.h + footer
		y := top(m.h)
		m.panel = vg.Rectangle{Min: vg.Point{X: margin, Y: y - bh}, Max: vg.Point{X: margin + bw, Y: y}}
		ly := y - bh - gapLegend
		m.legend = vg.Rectangle{Min: vg.Point{X: margin, Y: ly - below.h}, Max: vg.Point{X: margin + below.w, Y: ly}}
	}
	m.scale = float64(m.panel.Max.X-m.panel.Min.X) / e.dx()
	return m
}

// panelCanvas returns a canvas restricted to the map panel, for clipping.
func (m *mapLayout) panelCanvas(c canvas) canvas {
	return canvas{Canvas: draw.Canvas{Canvas: c.Canvas.Canvas, Rectangle: m.panel}, t: c.t}
}

// niceLength returns the largest 1, 2 or 5 x 10^k not above x (x > 0).
func niceLength(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= x*(1+1e-12) {
			return f * p
		}
	}
	return p
}
