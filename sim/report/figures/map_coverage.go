package figures

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
)

// CoverageMap is the static coverage map: demand points coloured by travel
// time from the nearest ambulance base, in bands.
type CoverageMap struct {
	Frame
	Basemap
	// Points: Value is minutes from the nearest base (+Inf unreachable),
	// Weight the population.
	Points []ValuePoint
	// Bands are the colour classes (nil: DefaultBands).
	Bands Bands
	// SizeByWeight scales marker area with population.
	SizeByWeight bool
	Stations     []Station
	// Facilities are drawn by tier (usually the hospitals only).
	Facilities []Facility
	// Outside are the villages outside their target: ringed.
	Outside []Place
}

// BandCounts returns the number of points and the population in each band,
// as the legend shows them.
func (m *CoverageMap) BandCounts() (n []int, pop []float64) {
	b := m.Bands
	if b == nil {
		b = DefaultBands
	}
	v, w := values(m.Points)
	return b.Count(v, w)
}

func values(pts []ValuePoint) (v, w []float64) {
	v, w = make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		v[i], w[i] = p.Value, p.Weight
	}
	return v, w
}

func checkPoints(ck *checker, field string, pts []ValuePoint, lb *lonLatBounds) {
	for i, p := range pts {
		ck.point(field+".P", i, p.P)
		ck.minutes(field+".Value", i, p.Value)
		ck.nonNeg(field+".Weight", i, p.Weight)
		lb.add(p.P)
	}
}

func checkStations(ck *checker, st []Station, lb *lonLatBounds) {
	for i, s := range st {
		ck.point("Stations.P", i, s.P)
		if s.Units < 0 || s.FiveG < 0 || s.FiveG > s.Units {
			ck.fail("%s: Units %d, FiveG %d (want 0 <= FiveG <= Units)", at("Stations", i), s.Units, s.FiveG)
		}
		lb.add(s.P)
	}
}

func checkFacilities(ck *checker, fs []Facility) {
	for i, f := range fs {
		ck.point("Facilities.P", i, f.P)
	}
}

// Figure checks the input and draws the map.
func (m *CoverageMap) Figure(o Options) (*Figure, error) {
	t := o.theme()
	bands := m.Bands
	if bands == nil {
		bands = DefaultBands
	}
	var ck checker
	var lb lonLatBounds
	if err := bands.check(); err != nil {
		return nil, err
	}
	checkBase(&ck, m.Basemap, &lb)
	checkPoints(&ck, "Points", m.Points, &lb)
	checkStations(&ck, m.Stations, &lb)
	checkFacilities(&ck, m.Facilities)
	for i, p := range m.Outside {
		ck.point("Outside.P", i, p.P)
	}
	if ck.err != nil {
		return nil, ck.err
	}
	cols := sequential(bands.N())
	n, pop := m.BandCounts()
	radius := pointRadii(m.Points, m.SizeByWeight)

	legend := []legendItem{header(t.tr(wTimeFromBase))}
	share, total := pop, sum(pop)
	if total == 0 { // no population: shares of points
		share = make([]float64, len(n))
		for i, k := range n {
			share[i] = float64(k)
		}
		total = float64(len(m.Points))
	}
	for i, lab := range bands.Labels() {
		it := entry(lab, symDot(cols[i], 2.6))
		if total > 0 {
			it.val = pct(share[i] / total)
		}
		legend = append(legend, it)
	}
	if total > 0 {
		legend = append(legend, note(t.tr(wShareNote)))
	}
	if m.SizeByWeight {
		legend = append(legend, popLegend(t, m.Points)...)
	}
	legend = append(legend, markerLegend(t, m.Stations, m.Facilities, len(m.Outside) > 0, len(m.Basemap.Labels) > 0)...)
	legend = append(legend, baseLegend(t, m.Basemap)...)

	order := drawOrder(m.Points, bands)
	spec := mapSpec{frame: m.Frame, base: m.Basemap, bound: lb, legend: legend}
	spec.layers = func(c canvas, ml *mapLayout, lab *labeler) {
		for _, i := range order {
			p := m.Points[i]
			q := ml.xy(p.P)
			c.dot(q, radius[i], cols[bands.Class(p.Value)], color.NRGBA{0x40, 0x40, 0x40, 0xa0}, 0.25)
		}
		for _, pl := range m.Outside {
			c.fillStroke(circlePath(ml.xy(pl.P), 3.6), nil, colBlack, 0.8)
		}
		drawFacilities(c, ml, lab, m.Facilities)
		drawStations(c, ml, lab, m.Stations)
	}
	return buildMap(spec, t)
}

// drawOrder returns point indices sorted so that worse bands are drawn
// last (on top) and, within a band, large markers under small ones.
func drawOrder(pts []ValuePoint, b Bands) []int {
	idx := make([]int, len(pts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, c int) bool {
		pa, pc := pts[idx[a]], pts[idx[c]]
		ka, kc := b.Class(pa.Value), b.Class(pc.Value)
		if ka != kc {
			return ka < kc
		}
		return pa.Weight > pc.Weight
	})
	return idx
}

// pointRadii returns the marker radius of each point: fixed (smaller when
// there are many points) or, by weight, area proportional to population
// between 0.7 and 3.6 points.
func pointRadii(pts []ValuePoint, byWeight bool) []vg.Length {
	r := make([]vg.Length, len(pts))
	fixed := vg.Length(1.9)
	switch {
	case len(pts) > 5000:
		fixed = 1.0
	case len(pts) > 1500:
		fixed = 1.4
	}
	wmax := 0.0
	for _, p := range pts {
		wmax = math.Max(wmax, p.Weight)
	}
	for i, p := range pts {
		r[i] = fixed
		if byWeight && wmax > 0 {
			r[i] = weightRadius(p.Weight, wmax)
		}
	}
	return r
}

const rMin, rMax = 0.7, 3.6

func weightRadius(w, wmax float64) vg.Length {
	return vg.Length(rMin + (rMax-rMin)*math.Sqrt(w/wmax))
}

// popLegend shows three round populations as markers.
func popLegend(t theme, pts []ValuePoint) []legendItem {
	wmax := 0.0
	for _, p := range pts {
		wmax = math.Max(wmax, p.Weight)
	}
	if wmax <= 0 {
		return nil
	}
	out := []legendItem{header(t.tr(wPopScale))}
	top := niceLength(wmax)
	for _, v := range []float64{top, niceLength(top / 4), niceLength(top / 20)} {
		out = append(out, sizedEntry(thousands(v), color.Gray{0xbb}, weightRadius(v, wmax)))
	}
	return out
}

func sum(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s
}
