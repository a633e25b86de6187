package figures

import (
	"image/color"
	"strconv"

	"gonum.org/v1/plot/vg"
)

// scaleBar returns the bar's length in km (a round 1, 2 or 5 x 10^k about
// a fifth of the map's width) and on paper.
func scaleBar(m *mapLayout) (km float64, length vg.Length) {
	km = niceLength(m.ext.dx() / 5)
	return km, m.km(km)
}

// drawScaleBar draws a two-segment bar, "0" and "L km", at the lower left
// of the map over a light box.
func drawScaleBar(c canvas, m *mapLayout) {
	km, l := scaleBar(m)
	f := c.t.font(sizeLabel)
	unit := strconv.FormatFloat(km, 'f', -1, 64) + " " + c.t.tr(wKm)
	x0, y0 := m.panel.Min.X+8, m.panel.Min.Y+8
	box := scaleBarBox(m, c.t)
	c.fillStroke(rectPath(box), color.NRGBA{0xff, 0xff, 0xff, 0xc8}, nil, 0)
	h := vg.Length(3)
	for i := 0; i < 2; i++ {
		r := vg.Rectangle{Min: vg.Point{X: x0 + l*vg.Length(i)/2, Y: y0}, Max: vg.Point{X: x0 + l*vg.Length(i+1)/2, Y: y0 + h}}
		fill := color.Color(colBlack)
		if i == 1 {
			fill = colWhite
		}
		c.fillStroke(rectPath(r), fill, colBlack, 0.5)
	}
	c.text(vg.Point{X: x0, Y: y0 + h + 1.5}, "0", f, colText, -0.5, 0)
	c.text(vg.Point{X: x0 + l, Y: y0 + h + 1.5}, unit, f, colText, -0.5, 0)
}

// scaleBarBox is the area the scale bar covers (kept free of labels).
func scaleBarBox(m *mapLayout, t theme) vg.Rectangle {
	km, l := scaleBar(m)
	unit := strconv.FormatFloat(km, 'f', -1, 64) + " " + t.tr(wKm)
	x0, y0 := m.panel.Min.X+8, m.panel.Min.Y+8
	return vg.Rectangle{Min: vg.Point{X: x0 - 4, Y: y0 - 4}, Max: vg.Point{X: x0 + l + textWidth(t.font(sizeLabel), unit)/2 + 4, Y: y0 + 3 + sizeLabel*1.5 + 2}}
}

// northArrowBox is the area the north arrow covers.
func northArrowBox(m *mapLayout) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: m.panel.Max.X - 19, Y: m.panel.Max.Y - 6 - sizeLegend*1.35 - 18}, Max: vg.Point{X: m.panel.Max.X - 3, Y: m.panel.Max.Y - 3}}
}

// drawNorthArrow draws an arrow with "N" (北) at the map's upper right.
// The projection keeps north up, so the arrow is vertical.
func drawNorthArrow(c canvas, m *mapLayout) {
	cx, top := m.panel.Max.X-11, m.panel.Max.Y-6
	f := c.t.boldFont(sizeLegend)
	n := "N"
	if c.t.lang == LangZH {
		n = "北"
	}
	c.text(vg.Point{X: cx, Y: top}, n, f, colText, -0.5, -1)
	tip := vg.Point{X: cx, Y: top - sizeLegend*1.35}
	base := tip.Y - 16
	var left, right vg.Path
	left.Move(tip)
	left.Line(vg.Point{X: cx - 5, Y: base})
	left.Line(vg.Point{X: cx, Y: base + 4})
	left.Close()
	right.Move(tip)
	right.Line(vg.Point{X: cx + 5, Y: base})
	right.Line(vg.Point{X: cx, Y: base + 4})
	right.Close()
	c.fillStroke(left, colBlack, colBlack, 0.5)
	c.fillStroke(right, colWhite, colBlack, 0.5)
}
