package figures

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
)

// Change is a demand point's time to its target before and after a
// variant (minutes; +Inf unreachable).
type Change struct {
	P             orb.Point
	Name, NameEn  string
	Weight        float64 // population
	Before, After float64 // minutes
	Target        float64 // minutes (10 urban, 30 rural)
}

// Status is how a point's coverage changes between baseline and variant.
type Status int

// The statuses.
const (
	Unchanged Status = iota // within target in both, or outside in both
	Gained                  // outside before, within after
	Lost                    // within before, outside after
)

// Status classifies c: within target means time <= Target.
func (c Change) Status() Status {
	b, a := c.Before <= c.Target, c.After <= c.Target
	switch {
	case !b && a:
		return Gained
	case b && !a:
		return Lost
	}
	return Unchanged
}

// TownshipDelta is a township's change in compliance (variant minus
// baseline, as a share difference with its paired CI).
type TownshipDelta struct {
	Name, NameEn string
	Seat         orb.Point
	Delta        Estimate
}

// Significant reports whether the CI excludes zero.
func (d TownshipDelta) Significant() bool { return d.Delta.Lo > 0 || d.Delta.Hi < 0 }

// GainLossMap compares a variant with the baseline: points entering their
// target circle in green (triangle up), leaving it in red (triangle down),
// the rest in light grey; townships whose compliance changed significantly
// are labelled with the change.
type GainLossMap struct {
	Frame
	Basemap
	Points    []Change
	Townships []TownshipDelta
	Stations  []Station // the variant's
}

// Counts returns the number of points and the population per Status.
func (m *GainLossMap) Counts() (n [3]int, pop [3]float64) {
	for _, c := range m.Points {
		s := c.Status()
		n[s]++
		pop[s] += c.Weight
	}
	return n, pop
}

// Figure checks the input and draws the map.
func (m *GainLossMap) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	var lb lonLatBounds
	checkBase(&ck, m.Basemap, &lb)
	checkStations(&ck, m.Stations, &lb)
	for i, c := range m.Points {
		ck.point("Points.P", i, c.P)
		ck.minutes("Points.Before", i, c.Before)
		ck.minutes("Points.After", i, c.After)
		ck.nonNeg("Points.Target", i, c.Target)
		ck.nonNeg("Points.Weight", i, c.Weight)
		lb.add(c.P)
	}
	for i, d := range m.Townships {
		ck.point("Townships.Seat", i, d.Seat)
		ck.finite("Townships.Delta.Value", i, d.Delta.Value)
		ck.finite("Townships.Delta.Lo", i, d.Delta.Lo)
		ck.finite("Townships.Delta.Hi", i, d.Delta.Hi)
	}
	if ck.err != nil {
		return nil, ck.err
	}
	n, pop := m.Counts()
	line := func(w word, s Status) string {
		return fmt.Sprintf("%s%s%d (%s %s)", t.tr(w), t.tr(wColon), n[s], thousands(pop[s]), t.tr(wPeople))
	}
	legend := []legendItem{header(t.tr(wChange)),
		entry(line(wGained, Gained), symShape(shapeTriangle, colGain, 3)),
		entry(line(wLost, Lost), symShape(shapeTriDown, colLoss, 3)),
		entry(t.tr(wUnchanged), symDot(color.Gray{0xc8}, 1.3)),
	}
	if len(m.Townships) > 0 {
		legend = append(legend, note(t.tr(wSignifNote)))
	}
	legend = append(legend, markerLegend(t, m.Stations, nil, false, false)...)
	legend = append(legend, baseLegend(t, m.Basemap)...)
	spec := mapSpec{frame: m.Frame, base: m.Basemap, bound: lb, legend: legend}
	spec.layers = func(c canvas, ml *mapLayout, lab *labeler) {
		for _, s := range []Status{Unchanged, Lost, Gained} {
			for _, p := range m.Points {
				if p.Status() != s {
					continue
				}
				q := ml.xy(p.P)
				switch s {
				case Unchanged:
					c.dot(q, 1.1, color.Gray{0xc8}, nil, 0)
				case Gained:
					c.fillStroke(polyPath(q, 3, shapeTriangle), colGain, color.White, 0.4)
				case Lost:
					c.fillStroke(polyPath(q, 3, shapeTriDown), colLoss, color.White, 0.4)
				}
			}
		}
		drawStations(c, ml, lab, m.Stations)
	}
	spec.labels = func(c canvas, ml *mapLayout, lab *labeler) {
		f := c.t.boldFont(sizeLabel)
		for _, d := range m.Townships {
			if !d.Significant() {
				continue
			}
			col := colGain
			if d.Delta.Value < 0 {
				col = colLoss
			}
			txt := t.name(d.Name, d.NameEn) + " " + signedPoints(d.Delta.Value) + t.tr(wPP)
			lab.place(c, ml.xy(d.Seat), 2, txt, f, col)
		}
	}
	return buildMap(spec, t)
}

func symShape(shape [][2]float64, col color.Color, r vg.Length) func(c canvas, p vg.Point) {
	return func(c canvas, p vg.Point) { c.fillStroke(polyPath(p, r, shape), col, color.White, 0.4) }
}

// signedPoints formats a share difference in percentage points ("+4.2"),
// the unit ("pp", "个百分点") added by the caller.
func signedPoints(d float64) string {
	s := strconv.FormatFloat(100*d, 'f', 1, 64)
	if d >= 0 && !math.Signbit(d) {
		s = "+" + s
	}
	return s
}
