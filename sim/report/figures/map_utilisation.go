package figures

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
)

// StationLoad is a station with the mean utilisation of its units (share of
// time busy, in [0, 1]).
type StationLoad struct {
	Station
	Utilisation float64
}

// UtilisationMap shows unit utilisation at each station as a proportional
// symbol (area proportional to utilisation, colour by class), labelled with
// the percentage.
type UtilisationMap struct {
	Frame
	Basemap
	Stations []StationLoad
}

// utilClasses are the colour classes of utilisation: < 10%, 10-20%, 20-30%,
// 30-40%, >= 40% (EMS units above about 30-40% busy start to queue calls).
var utilClasses = []float64{0.1, 0.2, 0.3, 0.4}

func utilRadius(u float64) vg.Length { return vg.Length(1.5 + 14*math.Sqrt(u)) }

// Figure checks the input and draws the map.
func (m *UtilisationMap) Figure(o Options) (*Figure, error) {
	t := o.theme()
	var ck checker
	var lb lonLatBounds
	checkBase(&ck, m.Basemap, &lb)
	st := make([]Station, len(m.Stations))
	for i, s := range m.Stations {
		st[i] = s.Station
		ck.share("Stations.Utilisation", i, s.Utilisation)
	}
	checkStations(&ck, st, &lb)
	if ck.err != nil {
		return nil, ck.err
	}
	cols := sequential(len(utilClasses) + 1)
	legend := []legendItem{header(t.tr(wUtilisation))}
	for i, l := range shareLabels(utilClasses) {
		legend = append(legend, entry(l, symDot(cols[i], 3)))
	}
	legend = append(legend, header(t.tr(wUtilSize)))
	for _, v := range []float64{0.5, 0.25, 0.1} {
		legend = append(legend, sizedEntry(pctShort(v), color.Gray{0xcc}, utilRadius(v)))
	}
	legend = append(legend, baseLegend(t, m.Basemap)...)
	order := make([]int, len(m.Stations))
	for i := range order {
		order[i] = i
	}
	sortStable(order, func(a, b int) bool { return m.Stations[a].Utilisation > m.Stations[b].Utilisation })
	spec := mapSpec{frame: m.Frame, base: m.Basemap, bound: lb, legend: legend}
	spec.layers = func(c canvas, ml *mapLayout, lab *labeler) {
		for _, i := range order {
			s := m.Stations[i]
			q := ml.xy(s.P)
			col := cols[shareClass(utilClasses, s.Utilisation)]
			c.dot(q, utilRadius(s.Utilisation), color.NRGBA{col.R, col.G, col.B, 0xe0}, color.Gray{0x30}, 0.5)
		}
	}
	spec.labels = func(c canvas, ml *mapLayout, lab *labeler) {
		f := c.t.font(sizeLabel)
		for _, i := range order {
			s := m.Stations[i]
			txt := t.name(s.Name, s.NameEn)
			if txt != "" {
				txt += " "
			}
			lab.place(c, ml.xy(s.P), utilRadius(s.Utilisation)+1.5, txt+pctShort(s.Utilisation), f, colText)
		}
	}
	return buildMap(spec, t)
}

// pctShort formats a share as a whole percentage ("35%").
func pctShort(s float64) string { return thousands(100*s) + "%" }
