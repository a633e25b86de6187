package sweep

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Swing is what one parameter's lowest and highest values do to a figure
// (one at a time), in points of the figure's unit, paired with the baseline.
type Swing struct {
	Key               string
	LowValue, HiValue float64
	Low, High         Figure // the figure at the lowest and the highest value
}

// Swings returns, for a one-at-a-time sweep, each parameter's swing of the
// named figure, widest first.
func (r *Result) Swings(name string) []Swing {
	var out []Swing
	for i, p := range r.Params {
		sw := Swing{Key: p.Key, LowValue: math.Inf(1), HiValue: math.Inf(-1)}
		for k, o := range r.Outcomes {
			if o.Moved != i && k != 0 {
				continue
			}
			f, ok := r.Figure(k, name)
			if !ok {
				continue
			}
			v := o.Values[i]
			if v < sw.LowValue {
				sw.LowValue, sw.Low = v, f
			}
			if v > sw.HiValue {
				sw.HiValue, sw.High = v, f
			}
		}
		out = append(out, sw)
	}
	sort.SliceStable(out, func(a, b int) bool {
		return math.Abs(out[a].High.Diff-out[a].Low.Diff) > math.Abs(out[b].High.Diff-out[b].Low.Diff)
	})
	return out
}

var (
	lowColor  = color.RGBA{R: 0, G: 90, B: 160, A: 255}
	highColor = color.RGBA{R: 230, G: 120, B: 0, A: 255}
)

// WriteTornado draws the swing of dynamic compliance (percentage points,
// paired with the baseline) per parameter, widest at the top: a bar for the
// lowest value and one for the highest, with their 95% intervals.
func (r *Result) WriteTornado(w io.Writer) error {
	sw := r.Swings("compliance")
	p := plot.New()
	base, _ := r.Figure(0, "compliance")
	p.Title.Text = fmt.Sprintf("What moves dynamic compliance (baseline %.1f%%)", 100*base.Mean)
	p.X.Label.Text = "change in calls within target, percentage points (95% CI)"
	n := len(sw)
	var names []string
	for i := n - 1; i >= 0; i-- {
		names = append(names, sw[i].Key)
	}
	for side, c := range []color.Color{lowColor, highColor} {
		var errs plotter.XErrors
		var pts plotter.XYs
		var legend plot.Thumbnailer
		for i := 0; i < n; i++ {
			s := sw[n-1-i]
			f := s.Low
			if side == 1 {
				f = s.High
			}
			y0, y1 := float64(i)-0.36, float64(i)-0.02 // the lowest value below, the highest above
			if side == 1 {
				y0, y1 = float64(i)+0.02, float64(i)+0.36
			}
			x := 100 * f.Diff
			poly, err := plotter.NewPolygon(plotter.XYs{{X: 0, Y: y0}, {X: x, Y: y0}, {X: x, Y: y1}, {X: 0, Y: y1}})
			if err != nil {
				return err
			}
			poly.Color, poly.LineStyle.Width = c, 0
			p.Add(poly)
			legend = poly
			pts = append(pts, plotter.XY{X: x, Y: (y0 + y1) / 2})
			errs = append(errs, struct{ Low, High float64 }{100 * (f.Diff - f.DLo), 100 * (f.DHi - f.Diff)})
		}
		eb, err := plotter.NewXErrorBars(struct {
			plotter.XYer
			plotter.XErrorer
		}{pts, errs})
		if err != nil {
			return err
		}
		p.Add(eb)
		label := "at the lowest value"
		if side == 1 {
			label = "at the highest value"
		}
		if legend != nil {
			p.Legend.Add(label, legend)
		}
	}
	zero, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(n) - 0.5}})
	zero.Color = color.Black
	p.Add(zero)
	p.Y.Min, p.Y.Max = -0.5, float64(n)+0.3 // a free row on top for the legend
	p.NominalY(names...)
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	h := vg.Length(4+1.3*float64(n)) * vg.Centimeter
	wt, err := p.WriterTo(16*vg.Centimeter, h, "png")
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// WriteLine draws dynamic compliance against parameter i (one at a time),
// with its 95% interval and the goal (a share; 0 for none) drawn across.
func (r *Result) WriteLine(w io.Writer, i int, goal float64) error {
	type xy struct{ x, m, lo, hi float64 }
	var pts []xy
	for k, o := range r.Outcomes {
		if o.Moved != i && k != 0 {
			continue
		}
		f, _ := r.Figure(k, "compliance")
		pts = append(pts, xy{o.Values[i], 100 * f.Mean, 100 * f.Lo, 100 * f.Hi})
	}
	sort.Slice(pts, func(a, b int) bool { return pts[a].x < pts[b].x })
	p := plot.New()
	p.Title.Text = "Dynamic compliance against " + r.Params[i].Key
	p.X.Label.Text = r.Params[i].Key
	p.Y.Label.Text = "calls within target, % (95% CI)"
	var line, lo, hi plotter.XYs
	for _, q := range pts {
		line = append(line, plotter.XY{X: q.x, Y: q.m})
		lo = append(lo, plotter.XY{X: q.x, Y: q.lo})
		hi = append(hi, plotter.XY{X: q.x, Y: q.hi})
	}
	l, s, err := plotter.NewLinePoints(line)
	if err != nil {
		return err
	}
	l.Color, s.Color, s.Shape = lowColor, lowColor, draw.CircleGlyph{}
	p.Add(l, s)
	p.Legend.Add("mean", l, s)
	for _, band := range []plotter.XYs{lo, hi} {
		b, err := plotter.NewLine(band)
		if err != nil {
			return err
		}
		b.Color, b.Dashes = lowColor, []vg.Length{vg.Points(3), vg.Points(2)}
		p.Add(b)
	}
	if goal > 0 {
		gl, _ := plotter.NewLine(plotter.XYs{{X: pts[0].x, Y: 100 * goal}, {X: pts[len(pts)-1].x, Y: 100 * goal}})
		gl.Color = highColor
		p.Add(gl)
		p.Legend.Add(fmt.Sprintf("goal %.0f%%", 100*goal), gl)
	}
	p.Add(plotter.NewGrid())
	wt, err := p.WriterTo(16*vg.Centimeter, 10*vg.Centimeter, "png")
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}
