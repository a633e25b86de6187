package figures

import (
	"image/color"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// labeler places text labels greedily: each label tries eight positions
// around its anchor and takes the first whose box overlaps neither a placed
// label nor a blocked box (markers) and lies inside the bounds.
type labeler struct {
	bounds vg.Rectangle
	boxes  []vg.Rectangle
	queued []queuedLabel // drawn by flush, over everything else
}

type queuedLabel struct {
	at   vg.Point
	text string
	font font.Font
	col  color.Color
}

func newLabeler(bounds vg.Rectangle) *labeler { return &labeler{bounds: bounds} }

// block reserves r (e.g. a station symbol) so no label covers it.
func (l *labeler) block(r vg.Rectangle) { l.boxes = append(l.boxes, r) }

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func within(a, b vg.Rectangle) bool {
	return a.Min.X >= b.Min.X && a.Max.X <= b.Max.X && a.Min.Y >= b.Min.Y && a.Max.Y <= b.Max.Y
}

// fits reports whether r can take a label.
func (l *labeler) fits(r vg.Rectangle) bool {
	if !within(r, l.bounds) {
		return false
	}
	for _, b := range l.boxes {
		if overlaps(r, b) {
			return false
		}
	}
	return true
}

// covered reports whether q lies in a blocked or labelled box.
func (l *labeler) covered(q vg.Point) bool {
	for _, b := range l.boxes {
		if q.X >= b.Min.X && q.X <= b.Max.X && q.Y >= b.Min.Y && q.Y <= b.Max.Y {
			return true
		}
	}
	return false
}

// candidates returns the boxes of a w x h label around anchor q at gap g,
// in order of preference: right, left, above, below, then the diagonals.
func candidates(q vg.Point, g, w, h vg.Length) []vg.Rectangle {
	at := func(x, y vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
	}
	return []vg.Rectangle{
		at(q.X+g, q.Y-h/2),
		at(q.X-g-w, q.Y-h/2),
		at(q.X-w/2, q.Y+g),
		at(q.X-w/2, q.Y-g-h),
		at(q.X+g*0.7, q.Y+g*0.7),
		at(q.X+g*0.7, q.Y-g*0.7-h),
		at(q.X-g*0.7-w, q.Y+g*0.7),
		at(q.X-g*0.7-w, q.Y-g*0.7-h),
	}
}

// box returns the first free box for s at q, without drawing.
func (l *labeler) box(q vg.Point, g vg.Length, s string, f font.Font) (vg.Rectangle, bool) {
	w, h := textWidth(f, s)+1, f.Size*1.1
	for _, gap := range []vg.Length{g, g + 4, g + 8} {
		for _, r := range candidates(q, gap, w, h) {
			if l.fits(r) {
				return r, true
			}
		}
	}
	return vg.Rectangle{}, false
}

// place reserves a box for s near q, queues it for flush and reports
// whether a free box existed.
func (l *labeler) place(c canvas, q vg.Point, g vg.Length, s string, f font.Font, col color.Color) bool {
	r, ok := l.box(q, g, s, f)
	if !ok {
		return false
	}
	l.boxes = append(l.boxes, r)
	l.queued = append(l.queued, queuedLabel{vg.Point{X: r.Min.X + 0.5, Y: (r.Min.Y + r.Max.Y) / 2}, s, f, col})
	return true
}

// flush draws the labels placed so far.
func (l *labeler) flush(c canvas) {
	for _, q := range l.queued {
		c.haloText(q.at, q.text, q.font, q.col)
	}
	l.queued = l.queued[:0]
}

// haloText draws s left-aligned and vertically centred at p over a white
// halo, so it stays legible over roads and points.
func (c canvas) haloText(p vg.Point, s string, f font.Font, col color.Color) {
	const d = 0.6
	halo := color.NRGBA{0xff, 0xff, 0xff, 0xd0}
	for _, o := range [][2]vg.Length{{-d, 0}, {d, 0}, {0, -d}, {0, d}, {-d, -d}, {d, d}, {-d, d}, {d, -d}} {
		c.text(vg.Point{X: p.X + o[0], Y: p.Y + o[1]}, s, f, halo, 0, -0.5)
	}
	c.text(p, s, f, col, 0, -0.5)
}
