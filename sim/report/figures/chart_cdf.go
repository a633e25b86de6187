package figures

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// CDFSeries is one response-time distribution: a zone class, or a variant.
type CDFSeries struct {
	Name, NameEn string
	Values       []float64 // minutes (+Inf: never reached)
	// Curve, when not nil, is the distribution itself (e.g. the mean of
	// several replications' distributions): points (minutes, share) in
	// increasing order of minutes, drawn as steps; Values is then ignored.
	Curve [][2]float64
	// Target in minutes (0: none). The chart writes the share within it.
	Target float64
	// Compliance is the share within Target with its 95% CI (e.g. across
	// replications), written on the chart; nil: the share of Values, no CI.
	Compliance *Estimate
}

// CDFChart draws cumulative distributions of response times (per zone
// class, or per variant overlaid), the target lines, and the compliance
// with its CI written on the chart.
type CDFChart struct {
	Frame
	Series []CDFSeries
	// Targets are the vertical lines in minutes (nil: the series' targets).
	Targets []float64
	// XMax is the axis end in minutes (0: the larger of 1.5 x the largest
	// target and the 99th percentile, rounded up to 5).
	XMax   float64
	XLabel string // "" : "Response time (minutes)"
}

func (m *CDFChart) targets() []float64 {
	if m.Targets != nil {
		return m.Targets
	}
	var out []float64
	seen := map[float64]bool{}
	for _, s := range m.Series {
		if s.Target > 0 && !seen[s.Target] {
			seen[s.Target] = true
			out = append(out, s.Target)
		}
	}
	return out
}

// Compliance returns the share each series writes on the chart: its
// Compliance if set, else ECDF(Values, Target).
func (m *CDFChart) Compliance() []Estimate {
	out := make([]Estimate, len(m.Series))
	for i, s := range m.Series {
		if s.Compliance != nil {
			out[i] = *s.Compliance
		} else {
			v := s.at(s.Target)
			out[i] = Estimate{v, v, v}
		}
	}
	return out
}

func (m *CDFChart) check() error {
	var ck checker
	ck.nonNeg("XMax", -1, m.XMax)
	for i, t := range m.Targets {
		ck.nonNeg("Targets", i, t)
	}
	for i, s := range m.Series {
		ck.nonNeg("Series.Target", i, s.Target)
		for _, v := range s.Values {
			ck.minutes("Series.Values", i, v)
		}
		for k, xy := range s.Curve {
			ck.minutes("Series.Curve", i, xy[0])
			ck.share("Series.Curve", i, xy[1])
			if k > 0 && (xy[0] < s.Curve[k-1][0] || xy[1] < s.Curve[k-1][1]) {
				ck.fail("%s points must increase", at("Series.Curve", i))
			}
		}
		if c := s.Compliance; c != nil {
			ck.share("Series.Compliance.Value", i, c.Value)
			ck.share("Series.Compliance.Lo", i, c.Lo)
			ck.share("Series.Compliance.Hi", i, c.Hi)
		}
	}
	return ck.err
}

// Figure checks the input and draws the chart; no values at all give a
// figure saying "no data".
func (m *CDFChart) Figure(o Options) (*Figure, error) {
	t := o.theme()
	if err := m.check(); err != nil {
		return nil, err
	}
	n := 0
	for _, s := range m.Series {
		n += len(s.Values) + len(s.Curve)
	}
	if n == 0 {
		return buildChart(m.Frame, t, t.chartH, nil), nil
	}
	targets := m.targets()
	xmax := m.XMax
	if xmax == 0 {
		for _, tg := range targets {
			xmax = math.Max(xmax, 1.5*tg)
		}
		for _, s := range m.Series {
			if q := s.quantile(0.99); !math.IsInf(q, 0) && !math.IsNaN(q) {
				xmax = math.Max(xmax, q)
			}
		}
		xmax = math.Max(5, math.Ceil(xmax/5)*5)
	}
	comp := m.Compliance()
	body := func(c draw.Canvas) {
		p := t.newPlot()
		grid(p, true, true)
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, xmax, 0, 1
		p.X.Label.Text = m.XLabel
		if p.X.Label.Text == "" {
			p.X.Label.Text = t.tr(wResponseTime)
		}
		p.Y.Label.Text = t.tr(wCumShare)
		p.Y.Tick.Marker = percentTicks{}
		for _, tg := range targets {
			p.Add(vline{t: t, x: tg, label: trimFloat(tg) + " " + t.tr(wMin), col: colMuted})
		}
		var lines []string
		var lineCols []color.Color
		for i, s := range m.Series {
			if len(s.Values) == 0 && len(s.Curve) == 0 {
				continue
			}
			xy := s.line(xmax, targets)
			l, err := plotter.NewLine(xy)
			if err != nil {
				continue
			}
			l.StepStyle = plotter.PostStep
			l.Color, l.Width = seriesColour(i), 1.6
			p.Add(l)
			name := t.label(s.Name, s.NameEn)
			if s.Target <= 0 { // the compliance box names the others
				p.Legend.Add(name, l)
			}
			if s.Target > 0 {
				lines = append(lines, complianceLine(t, name, s.Target, comp[i], s.Compliance != nil))
				lineCols = append(lineCols, seriesColour(i))
			}
		}
		p.Add(cornerText{t: t, lines: lines, colors: lineCols, right: true})
		p.Legend.Top, p.Legend.Left = true, true
		p.Legend.XOffs, p.Legend.YOffs = 8, -6
		p.Draw(c)
	}
	return buildChart(m.Frame, t, t.chartH, body), nil
}

// complianceLine is "城区: 87.3% ≤ 10 min (95% CI 85.1–89.4%)".
func complianceLine(t theme, name string, target float64, e Estimate, ci bool) string {
	s := fmt.Sprintf("%s%s%s ≤ %s %s", name, t.tr(wColon), pct(e.Value), trimFloat(target), t.tr(wMin))
	if ci {
		s += fmt.Sprintf(" (%s %s–%s)", t.tr(wCI), pct(e.Lo), pct(e.Hi))
	}
	return s
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// at returns the share reached within x minutes: the curve's step value, or
// the ECDF of the values.
func (s *CDFSeries) at(x float64) float64 {
	if s.Curve == nil {
		return ECDF(s.Values, x)
	}
	y := 0.0
	for _, p := range s.Curve {
		if p[0] > x+1e-9 {
			break
		}
		y = p[1]
	}
	return y
}

// quantile returns the smallest x where the distribution reaches p.
func (s *CDFSeries) quantile(p float64) float64 {
	if s.Curve == nil {
		return Quantile(sortedCopy(s.Values), p)
	}
	for _, xy := range s.Curve {
		if xy[1] >= p {
			return xy[0]
		}
	}
	return math.Inf(1)
}

// line returns the points to draw up to xmax.
func (s *CDFSeries) line(xmax float64, targets []float64) plotter.XYs {
	if s.Curve == nil {
		xs, ys := ecdfCurve(sortedCopy(s.Values), xmax, targets, 400)
		xy := make(plotter.XYs, len(xs))
		for k := range xs {
			xy[k].X, xy[k].Y = xs[k], ys[k]
		}
		return xy
	}
	xy := plotter.XYs{{X: 0, Y: 0}}
	for _, p := range s.Curve {
		if p[0] > xmax {
			break
		}
		xy = append(xy, plotter.XY{X: p[0], Y: p[1]})
	}
	return append(xy, plotter.XY{X: xmax, Y: s.at(xmax)})
}
