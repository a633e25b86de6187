package figures

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"

	"gonum.org/v1/plot/vg"
)

// HealthCircleMap shows the 15-minute health-service circle: population
// within and outside it, facilities by tier, and the uncovered villages
// labelled by name.
type HealthCircleMap struct {
	Frame
	Basemap
	// Points: Value is minutes to the nearest facility of any tier (+Inf
	// unreachable), Weight the population, Name/NameEn the village.
	Points []ValuePoint
	// Threshold in minutes (0: 15).
	Threshold  float64
	Facilities []Facility
	// MaxLabels bounds the uncovered villages labelled, the most populous
	// first (0: 25; < 0: none). The rest are counted in the legend.
	MaxLabels int
}

// Split returns the population (or, when no point has a weight, the number
// of points) within the threshold and outside it.
func (m *HealthCircleMap) Split() (within, outside float64) {
	th := m.threshold()
	weighted := false
	for _, p := range m.Points {
		weighted = weighted || p.Weight > 0
	}
	for _, p := range m.Points {
		w := 1.0
		if weighted {
			w = p.Weight
		}
		if p.Value <= th {
			within += w
		} else {
			outside += w
		}
	}
	return within, outside
}

func (m *HealthCircleMap) threshold() float64 {
	if m.Threshold > 0 {
		return m.Threshold
	}
	return 15
}

// Figure checks the input and draws the map.
func (m *HealthCircleMap) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	var lb lonLatBounds
	ck.finite("Threshold", -1, m.Threshold)
	checkBase(&ck, m.Basemap, &lb)
	checkPoints(&ck, "Points", m.Points, &lb)
	checkFacilities(&ck, m.Facilities)
	if ck.err != nil {
		return nil, ck.err
	}
	th := m.threshold()
	in, out := m.Split()
	total := in + out
	ths := strconv.FormatFloat(th, 'f', -1, 64)
	legend := []legendItem{header(fmt.Sprintf(t.tr(wCircleHeader), ths))}
	share := func(v float64) string {
		if total == 0 {
			return ""
		}
		return fmt.Sprintf("%s (%s)", thousands(v), pct(v/total))
	}
	within := entry(fmt.Sprintf(t.tr(wWithinCircle), ths), symDot(colWithin, 2.2))
	outside := entry(fmt.Sprintf(t.tr(wOutsideCircle), ths), symDot(colOutside, 2.8))
	within.val, outside.val = share(in), share(out)
	legend = append(legend, within, outside)

	// Uncovered villages, most populous first, then the farthest.
	var unc []int
	for i, p := range m.Points {
		if p.Value > th && t.name(p.Name, p.NameEn) != "" {
			unc = append(unc, i)
		}
	}
	sort.SliceStable(unc, func(a, b int) bool {
		pa, pb := m.Points[unc[a]], m.Points[unc[b]]
		if pa.Weight != pb.Weight {
			return pa.Weight > pb.Weight
		}
		return pa.Value > pb.Value
	})
	maxLab := m.MaxLabels
	if maxLab == 0 {
		maxLab = 25
	}
	maxLab = max(maxLab, 0)
	legend = append(legend, markerLegend(t, nil, m.Facilities, false, len(m.Basemap.Labels) > 0)...)
	legend = append(legend, baseLegend(t, m.Basemap)...)
	// The count of labels placed is known only once drawn: the legend line
	// is sized with a placeholder and filled in by the layer.
	var labelNote string
	if len(unc) > 0 {
		legend = append(legend, legendItem{kind: legendNote, dyn: &labelNote,
			text: fmt.Sprintf(t.tr(wUncoveredLabelled), 888) + t.tr(wSep) + fmt.Sprintf(t.tr(wMoreNotLabelled), 8888)})
	}
	spec := mapSpec{frame: m.Frame, base: m.Basemap, bound: lb, legend: legend}
	spec.layers = func(c canvas, ml *mapLayout, lab *labeler) {
		for _, i := range drawOrder(m.Points, Bands{th}) {
			p := m.Points[i]
			col, r := colWithin, vg.Length(1.2)
			if p.Value > th {
				col, r = colOutside, 1.9
			}
			c.dot(ml.xy(p.P), r, col, nil, 0)
		}
		drawFacilities(c, ml, lab, m.Facilities)
	}
	spec.labels = func(c canvas, ml *mapLayout, lab *labeler) {
		n := 0
		f := c.t.font(sizeLabel)
		named := map[string]bool{} // a village with several points is labelled once
		for _, i := range unc {
			p := m.Points[i]
			name := t.name(p.Name, p.NameEn)
			if n >= maxLab || named[name] {
				continue
			}
			q := ml.xy(p.P)
			if ml.inside(q) && lab.place(c, q, 3, name, f, color.Gray{0x48}) {
				c.fillStroke(circlePath(q, 2.6), nil, colText, 0.5)
				named[name] = true
				n++
			}
		}
		distinct := map[string]bool{}
		for _, i := range unc {
			distinct[t.name(m.Points[i].Name, m.Points[i].NameEn)] = true
		}
		labelNote = fmt.Sprintf(t.tr(wUncoveredLabelled), n)
		if rest := len(distinct) - n; rest > 0 {
			labelNote += t.tr(wSep) + fmt.Sprintf(t.tr(wMoreNotLabelled), rest)
		}
	}
	return buildMap(spec, t)
}
