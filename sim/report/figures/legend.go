package figures

import (
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendItem is one line of a map legend: a section header, a symbol with
// its text, or a note (small grey text).
type legendItem struct {
	kind legendKind
	text string
	sym  func(c canvas, p vg.Point) // drawn centred in the symbol column
	dyn  *string                    // if set, the text drawn (text sizes the line)
	symH vg.Length                  // the symbol's height, if taller than a line
	val  string                     // a right-aligned value after the text (e.g. a share)
}

type legendKind int

const (
	legendEntry legendKind = iota
	legendHeader
	legendNote
)

const (
	legendSymCol = 21 // points: the symbol column
	legendMaxW   = 5.2 * vg.Centimeter
	legendColGap = 0.5 * vg.Centimeter
)

func header(s string) legendItem { return legendItem{kind: legendHeader, text: s} }
func note(s string) legendItem   { return legendItem{kind: legendNote, text: s} }
func entry(s string, sym func(c canvas, p vg.Point)) legendItem {
	return legendItem{kind: legendEntry, text: s, sym: sym}
}

func (it legendItem) height(first bool) vg.Length {
	switch it.kind {
	case legendHeader:
		if first {
			return sizeLegend * 1.6
		}
		return sizeLegend * 2.4
	case legendNote:
		return sizeLabel * 1.5
	}
	return max(sizeLegend*1.6, it.symH+2)
}

func (t theme) legendFont(k legendKind) (f fontSpec) {
	switch k {
	case legendHeader:
		return fontSpec{t.boldFont(sizeLegend), colText, 0}
	case legendNote:
		return fontSpec{t.font(sizeLabel), colMuted, 0}
	}
	return fontSpec{t.font(sizeLegend), colText, legendSymCol}
}

// indent is where the entry's text starts: after the symbol column, or
// after a wide symbol.
func (it legendItem) indent(fs fontSpec) vg.Length {
	if it.kind == legendEntry && it.symH+5 > fs.indent {
		return it.symH + 5
	}
	return fs.indent
}

// legendBlock is a legend laid out in columns.
type legendBlock struct {
	cols [][]legendItem
	colW []vg.Length
	w, h vg.Length
}

// groups splits items at their headers.
func groups(items []legendItem) [][]legendItem {
	var out [][]legendItem
	for _, it := range items {
		if it.kind == legendHeader || len(out) == 0 {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], it)
	}
	return out
}

func columnSize(items []legendItem, t theme) (w, h vg.Length) {
	var tw, vw vg.Length // entry text and value widths
	for i, it := range items {
		fs := t.legendFont(it.kind)
		if it.kind == legendEntry {
			tw = max(tw, it.indent(fs)+textWidth(fs.f, it.text))
			if it.val != "" {
				vw = max(vw, textWidth(fs.f, it.val))
			}
		} else {
			w = max(w, textWidth(fs.f, it.text)+2)
		}
		h += it.height(i == 0)
	}
	if vw > 0 {
		tw += 8 + vw
	}
	return min(max(w, tw+2), legendMaxW), h
}

// layoutLegend packs the groups into columns no taller than limit
// (0: one column), keeping each group whole.
func layoutLegend(items []legendItem, t theme, limit vg.Length) legendBlock {
	var b legendBlock
	var cur []legendItem
	flush := func() {
		if len(cur) == 0 {
			return
		}
		w, h := columnSize(cur, t)
		b.cols, b.colW = append(b.cols, cur), append(b.colW, w)
		b.w += w
		if len(b.cols) > 1 {
			b.w += legendColGap
		}
		b.h = max(b.h, h)
		cur = nil
	}
	for _, g := range groups(items) {
		next := append(append([]legendItem(nil), cur...), g...)
		if _, h := columnSize(next, t); limit > 0 && h > limit && len(cur) > 0 {
			flush()
			next = g
		}
		cur = next
	}
	flush()
	return b
}

// wideLegend returns the shortest column layout no wider than maxW.
func wideLegend(items []legendItem, t theme, maxW vg.Length) legendBlock {
	tallest := vg.Length(0)
	for _, g := range groups(items) {
		_, h := columnSize(g, t)
		tallest = max(tallest, h)
	}
	_, total := columnSize(items, t)
	for lim := tallest; ; lim += 4 {
		b := layoutLegend(items, t, lim)
		if b.w <= maxW || lim >= total {
			return b
		}
	}
}

// draw draws the block with its top-left corner at tl.
func (b legendBlock) draw(c canvas, tl vg.Point) {
	x := tl.X
	for i, col := range b.cols {
		drawColumn(c, vg.Point{X: x, Y: tl.Y}, b.colW[i], col)
		x += b.colW[i] + legendColGap
	}
}

func drawColumn(c canvas, tl vg.Point, w vg.Length, items []legendItem) {
	y := tl.Y
	for i, it := range items {
		lh := it.height(i == 0)
		fs := c.t.legendFont(it.kind)
		if it.dyn != nil {
			it.text = *it.dyn
		}
		if it.kind == legendEntry {
			mid := y - lh/2
			if it.sym != nil {
				it.sym(c, vg.Point{X: tl.X + max(legendSymCol, it.symH+2)/2, Y: mid})
			}
			c.text(vg.Point{X: tl.X + it.indent(fs), Y: mid}, it.text, fs.f, fs.col, 0, -0.5)
			c.text(vg.Point{X: tl.X + w - 2, Y: mid}, it.val, fs.f, fs.col, -1, -0.5)
		} else {
			c.text(vg.Point{X: tl.X, Y: y - lh + fs.f.Size*0.25}, it.text, fs.f, fs.col, 0, 0)
		}
		y -= lh
	}
}

// Legend symbols.

// sizedEntry is an entry whose symbol is a circle of radius r.
func sizedEntry(s string, fill color.Color, r vg.Length) legendItem {
	it := entry(s, symDot(fill, r))
	it.symH = 2 * r
	return it
}

func symDot(fill color.Color, r vg.Length) func(c canvas, p vg.Point) {
	return func(c canvas, p vg.Point) { c.dot(p, r, fill, color.Gray{0x40}, 0.3) }
}

func symLine(col color.Color, w vg.Length, dashed bool) func(c canvas, p vg.Point) {
	return func(c canvas, p vg.Point) {
		sty := draw.LineStyle{Color: col, Width: w}
		if dashed {
			sty.Dashes = []vg.Length{3, 1.6}
		}
		c.StrokeLine2(sty, p.X-6.5, p.Y, p.X+6.5, p.Y)
	}
}

func symRing(col color.Color) func(c canvas, p vg.Point) {
	return func(c canvas, p vg.Point) {
		c.dot(p, 1.6, color.Gray{0x90}, nil, 0)
		c.fillStroke(circlePath(p, 3.6), nil, col, 0.7)
	}
}
