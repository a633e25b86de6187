package figures

import (
	"image/color"
	"strings"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// mapSpec is what a map figure hands to buildMap.
type mapSpec struct {
	frame  Frame
	base   Basemap
	bound  lonLatBounds // the extent of the data (zones are added by buildMap)
	legend []legendItem
	layers func(c canvas, m *mapLayout, lab *labeler) // the data, drawn over the basemap
	labels func(c canvas, m *mapLayout, lab *labeler) // data labels, placed after the place labels
}

// checkBase validates the basemap and adds zones to the bound.
func checkBase(ck *checker, b Basemap, lb *lonLatBounds) {
	for i, r := range b.Roads {
		for _, p := range r.Line {
			ck.point("Roads", i, p)
		}
	}
	for i, z := range b.Zones {
		for _, ring := range z.Poly {
			for _, p := range ring {
				ck.point("Zones", i, p)
				lb.add(p)
			}
		}
	}
	for i, l := range b.Labels {
		ck.point("Labels", i, l.P)
		lb.add(l.P)
	}
}

// buildMap lays out and returns the figure. The extent is the data's
// bound; when that is empty, the roads'; when that is empty, ErrNoData.
func buildMap(s mapSpec, t theme) (*Figure, error) {
	if !s.bound.ok {
		for _, r := range s.base.Roads {
			for _, p := range r.Line {
				s.bound.add(p)
			}
		}
	}
	if !s.bound.ok {
		return nil, ErrNoData
	}
	m := newMapLayout(s.bound.b, t, s.legend, headerHeight(s.frame, t), footerHeight(s.frame))
	f := &Figure{w: m.w, h: m.h, dpi: t.dpi, t: t}
	f.draw = func(c canvas) {
		drawHeader(c, s.frame, m.panel.Min.X, m.h-margin)
		drawFooter(c, s.frame, m.panel.Min.X, margin)
		pc := m.panelCanvas(c)
		lab := newLabeler(m.panel)
		lab.block(scaleBarBox(m, t))
		lab.block(northArrowBox(m))
		drawZones(pc, m, s.base.Zones)
		drawRoads(pc, m, s.base.Roads)
		if s.layers != nil {
			s.layers(pc, m, lab)
		}
		drawPlaceLabels(pc, m, lab, s.base.Labels)
		if s.labels != nil {
			s.labels(pc, m, lab)
		}
		lab.flush(pc)
		drawScaleBar(pc, m)
		drawNorthArrow(pc, m)
		pc.fillStroke(rectPath(m.panel), nil, colFrame, 0.6)
		m.legendBlock.draw(c, vg.Point{X: m.legend.Min.X, Y: m.legend.Max.Y})
	}
	return f, nil
}

func headerHeight(fr Frame, t theme) vg.Length {
	var h vg.Length
	if fr.Title != "" {
		h += sizeTitle * 1.45
	}
	if fr.Subtitle != "" {
		h += sizeSubtitle * 1.5
	}
	if h > 0 {
		h += 4
	}
	return h
}

func footerHeight(fr Frame) vg.Length {
	if fr.Source == "" {
		return 0
	}
	return sizeSource * 2
}

// drawHeader draws the title and subtitle left-aligned at x below top.
func drawHeader(c canvas, fr Frame, x, top vg.Length) {
	y := top
	if fr.Title != "" {
		c.text(vg.Point{X: x, Y: y}, fr.Title, c.t.boldFont(sizeTitle), colText, 0, -1)
		y -= sizeTitle * 1.45
	}
	if fr.Subtitle != "" {
		c.text(vg.Point{X: x, Y: y}, fr.Subtitle, c.t.font(sizeSubtitle), colMuted, 0, -1)
	}
}

// drawFooter draws the source line at x above bottom.
func drawFooter(c canvas, fr Frame, x, bottom vg.Length) {
	if fr.Source != "" {
		c.text(vg.Point{X: x, Y: bottom}, fr.Source, c.t.font(sizeSource), colMuted, 0, 0)
	}
}

// roadStyle returns the width (points), grey level and drawing rank of an
// OSM highway class: motorways widest and darkest, drawn last.
func roadStyle(class string) (w vg.Length, grey uint8, rank int) {
	switch strings.TrimSuffix(class, "_link") {
	case "motorway":
		return 1.7, 0x50, 6
	case "trunk":
		return 1.35, 0x68, 5
	case "primary":
		return 1.1, 0x7a, 4
	case "secondary":
		return 0.85, 0x90, 3
	case "tertiary":
		return 0.6, 0xa4, 2
	case "unclassified", "residential", "living_street", "road":
		return 0.35, 0xbc, 1
	}
	return 0.25, 0xcc, 0
}

func drawRoads(c canvas, m *mapLayout, roads []Road) {
	for rank := 0; rank <= 6; rank++ {
		for _, r := range roads {
			w, g, rk := roadStyle(r.Class)
			if rk != rank || len(r.Line) < 2 {
				continue
			}
			line := make([]vg.Point, len(r.Line))
			for i, p := range r.Line {
				line[i] = m.xy(p)
			}
			c.StrokeLines(draw.LineStyle{Color: color.Gray{g}, Width: w}, c.ClipLinesXY(line)...)
		}
	}
}

func drawZones(c canvas, m *mapLayout, zones []Zone) {
	for _, z := range zones {
		urban := z.Class == "urban"
		for _, ring := range z.Poly {
			if len(ring) < 3 {
				continue
			}
			var pa vg.Path
			for i, p := range ring {
				if i == 0 {
					pa.Move(m.xy(p))
				} else {
					pa.Line(m.xy(p))
				}
			}
			pa.Close()
			if urban {
				c.SetColor(color.NRGBA{0x3b, 0x4c, 0xc0, 0x14})
				c.Fill(pa)
				c.SetLineDash([]vg.Length{4, 2}, 0)
				c.SetLineWidth(1.0)
				c.SetColor(color.RGBA{0x3b, 0x4c, 0xc0, 0xff})
			} else {
				c.SetLineDash(nil, 0)
				c.SetLineWidth(0.6)
				c.SetColor(color.Gray{0x88})
			}
			c.Stroke(pa)
			c.SetLineDash(nil, 0)
		}
	}
}

// drawPlaceLabels writes township (or other) names where they fit.
func drawPlaceLabels(c canvas, m *mapLayout, lab *labeler, places []Place) {
	f := c.t.boldFont(sizeLabel + 0.5)
	for _, pl := range places {
		s := c.t.name(pl.Name, pl.NameEn)
		q := m.xy(pl.P)
		if s == "" || !m.inside(q) {
			continue
		}
		if !lab.covered(q) {
			c.dot(q, 1.1, colBlack, nil, 0)
		}
		lab.place(c, q, 2.5, s, f, colBlack)
	}
}

// baseLegend returns the entries for zones and roads under one header.
func baseLegend(t theme, b Basemap) []legendItem {
	items := append(zoneLegend(t, b.Zones), roadLegend(t, b.Roads)...)
	if len(items) == 0 {
		return nil
	}
	return append([]legendItem{header(t.tr(wRoadsZones))}, items...)
}

// zoneLegend returns the legend entries of the zone classes present.
func zoneLegend(t theme, zones []Zone) []legendItem {
	var urban, rural bool
	for _, z := range zones {
		if z.Class == "urban" {
			urban = true
		} else {
			rural = true
		}
	}
	var out []legendItem
	if urban {
		out = append(out, entry(t.tr(wUrbanZone), symLine(color.RGBA{0x3b, 0x4c, 0xc0, 0xff}, 1, true)))
	}
	if rural {
		out = append(out, entry(t.tr(wRuralZone), symLine(color.Gray{0x88}, 0.6, false)))
	}
	return out
}

// roadLegend returns the road entries of the classes present.
func roadLegend(t theme, roads []Road) []legendItem {
	var has [7]bool
	for _, r := range roads {
		_, _, rk := roadStyle(r.Class)
		has[rk] = true
	}
	var out []legendItem
	if has[6] {
		w, g, _ := roadStyle("motorway")
		out = append(out, entry(t.tr(wMotorway), symLine(color.Gray{g}, w, false)))
	}
	if has[5] || has[4] {
		w, g, _ := roadStyle("primary")
		out = append(out, entry(t.tr(wMainRoad), symLine(color.Gray{g}, w, false)))
	}
	if has[3] || has[2] || has[1] || has[0] {
		w, g, _ := roadStyle("tertiary")
		out = append(out, entry(t.tr(wMinorRoad), symLine(color.Gray{g}, w, false)))
	}
	return out
}

func pointsBound(lb *lonLatBounds, pts ...orb.Point) {
	for _, p := range pts {
		lb.add(p)
	}
}
