package figures

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
)

// Marker shapes, drawn centred on a point with radius r (half the size).

func circlePath(p vg.Point, r vg.Length) vg.Path {
	var pa vg.Path
	pa.Move(vg.Point{X: p.X + r, Y: p.Y})
	pa.Arc(p, r, 0, 2*math.Pi)
	pa.Close()
	return pa
}

func polyPath(p vg.Point, r vg.Length, pts [][2]float64) vg.Path {
	var pa vg.Path
	for i, q := range pts {
		pt := vg.Point{X: p.X + r*vg.Length(q[0]), Y: p.Y + r*vg.Length(q[1])}
		if i == 0 {
			pa.Move(pt)
		} else {
			pa.Line(pt)
		}
	}
	pa.Close()
	return pa
}

var (
	shapeSquare   = [][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}
	shapeTriangle = [][2]float64{{-1.1, -0.8}, {1.1, -0.8}, {0, 1.15}}
	shapeTriDown  = [][2]float64{{-1.1, 0.8}, {1.1, 0.8}, {0, -1.15}}
	shapeDiamond  = [][2]float64{{0, -1.25}, {1.25, 0}, {0, 1.25}, {-1.25, 0}}
	shapeCross    = [][2]float64{{-0.33, -1}, {0.33, -1}, {0.33, -0.33}, {1, -0.33}, {1, 0.33}, {0.33, 0.33},
		{0.33, 1}, {-0.33, 1}, {-0.33, 0.33}, {-1, 0.33}, {-1, -0.33}, {-0.33, -0.33}}
)

// fillStroke fills pa with fill (nil: no fill) and strokes it with stroke
// at width lw (nil or lw 0: no stroke).
func (c canvas) fillStroke(pa vg.Path, fill, stroke color.Color, lw vg.Length) {
	if fill != nil {
		c.SetColor(fill)
		c.Fill(pa)
	}
	if stroke != nil && lw > 0 {
		c.SetLineDash(nil, 0)
		c.SetLineWidth(lw)
		c.SetColor(stroke)
		c.Stroke(pa)
	}
}

// dot draws a filled circle with a thin outline.
func (c canvas) dot(p vg.Point, r vg.Length, fill, stroke color.Color, lw vg.Length) {
	c.fillStroke(circlePath(p, r), fill, stroke, lw)
}

// facilityStyle is the symbol of each tier: a hospital cross for the
// receiving hospitals, simpler shapes further down.
type facilityStyle struct {
	shape [][2]float64
	r     vg.Length
	fill  color.Color
	rank  int
}

var facilityStyles = map[Tier]facilityStyle{
	TierCountyHospital:  {shapeCross, 4.2, color.RGBA{0xc0, 0x10, 0x20, 0xff}, 0},
	TierSubCentre:       {shapeCross, 2.8, color.RGBA{0xc0, 0x10, 0x20, 0xff}, 1},
	TierTownshipCentre:  {shapeTriangle, 2.6, color.RGBA{0x1b, 0x9e, 0x77, 0xff}, 2},
	TierCommunityCentre: {shapeDiamond, 2.1, color.RGBA{0x66, 0xa6, 0x1e, 0xff}, 3},
	TierVillageClinic:   {shapeSquare, 1.2, color.RGBA{0x4d, 0x8f, 0x6a, 0xff}, 4},
}

var tierOrder = []Tier{TierCountyHospital, TierSubCentre, TierTownshipCentre, TierCommunityCentre, TierVillageClinic}

var tierNames = map[Tier][2]string{
	TierCountyHospital:  {"县级医院", "County hospital"},
	TierSubCentre:       {"医疗次中心", "Medical sub-centre"},
	TierTownshipCentre:  {"乡镇卫生院", "Township health centre"},
	TierCommunityCentre: {"社区卫生服务中心", "Community health centre"},
	TierVillageClinic:   {"村卫生室", "Village clinic"},
}

func styleOf(t Tier) facilityStyle {
	if s, ok := facilityStyles[t]; ok {
		return s
	}
	return facilityStyle{shapeSquare, 2, color.Gray{0x70}, 5}
}

func (t theme) tierName(tier Tier) string {
	n, ok := tierNames[tier]
	if !ok {
		return string(tier)
	}
	if t.lang == LangZH {
		return n[0]
	}
	return n[1]
}

func (c canvas) facility(p vg.Point, tier Tier) {
	s := styleOf(tier)
	if tier == TierSubCentre { // a hospital cross in a ring: distinct from the county hospitals
		c.fillStroke(circlePath(p, s.r*1.45), color.White, s.fill, 0.9)
		c.fillStroke(polyPath(p, s.r*0.9, s.shape), s.fill, nil, 0)
		return
	}
	c.fillStroke(polyPath(p, s.r, s.shape), s.fill, color.White, 0.5)
}

// station draws an ambulance base: a dark square with the number of units
// in white and, when some are 5G, a purple "5G" tag at its upper right.
func (c canvas) station(p vg.Point, units, fiveG int) vg.Rectangle {
	f := c.t.boldFont(6.5)
	label := strconv.Itoa(units)
	w := textWidth(f, label)
	half := vg.Length(math.Max(float64(w/2+1.8), 4.5))
	box := vg.Rectangle{Min: vg.Point{X: p.X - half, Y: p.Y - 4.5}, Max: vg.Point{X: p.X + half, Y: p.Y + 4.5}}
	c.fillStroke(rectPath(box), colStation, color.White, 0.6)
	c.text(vg.Point{X: p.X, Y: p.Y}, label, f, color.White, -0.5, -0.5)
	if fiveG > 0 {
		tf := c.t.boldFont(4.6)
		tw := textWidth(tf, "5G")
		tag := vg.Rectangle{Min: vg.Point{X: box.Max.X - 1, Y: box.Max.Y - 2.2}, Max: vg.Point{X: box.Max.X - 1 + tw + 2, Y: box.Max.Y + 3.4}}
		c.fillStroke(rectPath(tag), colFiveG, color.White, 0.4)
		c.text(vg.Point{X: (tag.Min.X + tag.Max.X) / 2, Y: (tag.Min.Y + tag.Max.Y) / 2}, "5G", tf, color.White, -0.5, -0.5)
		box.Max = vg.Point{X: tag.Max.X, Y: tag.Max.Y}
	}
	return box
}

func rectPath(r vg.Rectangle) vg.Path {
	var pa vg.Path
	pa.Move(r.Min)
	pa.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
	pa.Line(r.Max)
	pa.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
	pa.Close()
	return pa
}
