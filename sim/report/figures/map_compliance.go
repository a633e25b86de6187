package figures

import (
	"image/color"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
)

// TownshipResult is one township's simulated result.
type TownshipResult struct {
	Name, NameEn string
	Seat         orb.Point        // where its symbol and label go
	Area         orb.MultiPolygon // optional outline (for a choropleth)
	Share        Estimate         // share of calls meeting the target, in [0, 1]
	Calls        float64          // calls (e.g. mean per replication); sizes the symbols
	// A township with Calls == 0, when others have calls, has no share: it
	// is drawn grey and labelled "–".
}

// ComplianceMap shows the share of calls meeting their target per
// township: a choropleth when every township has an Area, else graduated
// symbols at the seats (area proportional to calls, colour by share). Leave
// Basemap.Labels empty: the townships are labelled with their share.
type ComplianceMap struct {
	Frame
	Basemap
	Townships []TownshipResult
	// Classes are the increasing share bounds of the colour classes (nil:
	// DefaultShareClasses); a share s is in the first class i with s < Classes[i].
	Classes  []float64
	Stations []Station
}

// DefaultShareClasses make six classes: < 50%, 50-70%, 70-80%, 80-90%,
// 90-95% and >= 95%.
var DefaultShareClasses = []float64{0.5, 0.7, 0.8, 0.9, 0.95}

// shareClass returns the class of share s: the first i with s < b[i], else len(b).
func shareClass(b []float64, s float64) int {
	for i, e := range b {
		if s < e {
			return i
		}
	}
	return len(b)
}

// shareLabels returns "< 50%", "50–70%", ..., ">= 95%".
func shareLabels(b []float64) []string {
	p := pctAuto
	out := []string{"< " + p(b[0])}
	for i := 1; i < len(b); i++ {
		out = append(out, strings.TrimSuffix(p(b[i-1]), "%")+"–"+p(b[i]))
	}
	return append(out, "≥ "+p(b[len(b)-1]))
}

// shareColours returns one colour per class, dark (worst) to light (best).
func shareColours(n int) []color.RGBA {
	c := sequential(n)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		c[i], c[j] = c[j], c[i]
	}
	return c
}

func checkClasses(ck *checker, b []float64) {
	for i, e := range b {
		ck.share("Classes", i, e)
		if i > 0 && e <= b[i-1] {
			ck.fail("Classes must increase, got %v after %v", e, b[i-1])
		}
	}
	if len(b) == 0 {
		ck.fail("Classes is empty")
	}
}

// Figure checks the input and draws the map.
func (m *ComplianceMap) Figure(o Options) (*Figure, error) {
	t := o.theme()
	classes := m.Classes
	if classes == nil {
		classes = DefaultShareClasses
	}
	var ck checker
	var lb lonLatBounds
	checkClasses(&ck, classes)
	checkBase(&ck, m.Basemap, &lb)
	checkStations(&ck, m.Stations, &lb)
	choro := len(m.Townships) > 0
	maxCalls := 0.0
	for i, tw := range m.Townships {
		ck.point("Townships.Seat", i, tw.Seat)
		lb.add(tw.Seat)
		ck.share("Townships.Share.Value", i, tw.Share.Value)
		ck.nonNeg("Townships.Calls", i, tw.Calls)
		for _, poly := range tw.Area {
			for _, ring := range poly {
				for _, p := range ring {
					ck.point("Townships.Area", i, p)
					lb.add(p)
				}
			}
		}
		choro = choro && len(tw.Area) > 0
		maxCalls = math.Max(maxCalls, tw.Calls)
	}
	if ck.err != nil {
		return nil, ck.err
	}
	cols := shareColours(len(classes) + 1)
	noCalls := func(tw TownshipResult) bool { return maxCalls > 0 && tw.Calls == 0 }
	colour := func(tw TownshipResult) color.RGBA {
		if noCalls(tw) {
			return color.RGBA{0xd0, 0xd0, 0xd0, 0xff}
		}
		return cols[shareClass(classes, tw.Share.Value)]
	}
	legend := []legendItem{header(t.tr(wShareMeeting))}
	for i, l := range shareLabels(classes) {
		i := i
		sym := symDot(cols[i], 3)
		if choro {
			sym = func(c canvas, p vg.Point) {
				c.fillStroke(rectPath(vg.Rectangle{Min: vg.Point{X: p.X - 5, Y: p.Y - 3.5}, Max: vg.Point{X: p.X + 5, Y: p.Y + 3.5}}), cols[i], color.Gray{0x80}, 0.4)
			}
		}
		legend = append(legend, entry(l, sym))
	}
	if !choro && maxCalls > 0 {
		legend = append(legend, header(t.tr(wCallsSize)))
		top := niceLength(maxCalls)
		for _, v := range []float64{top, niceLength(top / 5)} {
			legend = append(legend, sizedEntry(thousands(v), color.Gray{0xcc}, callRadius(v, maxCalls)))
		}
	}
	legend = append(legend, markerLegend(t, m.Stations, nil, false, false)...)
	legend = append(legend, baseLegend(t, m.Basemap)...)
	spec := mapSpec{frame: m.Frame, base: m.Basemap, bound: lb, legend: legend}
	spec.layers = func(c canvas, ml *mapLayout, lab *labeler) {
		if choro {
			for _, tw := range m.Townships {
				col := colour(tw)
				for _, poly := range tw.Area {
					c.fillStroke(polygonPath(ml, poly), color.NRGBA{col.R, col.G, col.B, 0xd8}, color.White, 0.8)
				}
			}
		} else { // largest symbols first
			for _, i := range byCallsDesc(m.Townships) {
				tw := m.Townships[i]
				q := ml.xy(tw.Seat)
				r := callRadius(tw.Calls, maxCalls)
				c.dot(q, r, colour(tw), color.Gray{0x30}, 0.5)
			}
		}
		drawStations(c, ml, lab, m.Stations)
	}
	spec.labels = func(c canvas, ml *mapLayout, lab *labeler) {
		f := c.t.font(sizeLabel)
		for _, i := range byCallsDesc(m.Townships) {
			tw := m.Townships[i]
			share := pctAuto(tw.Share.Value)
			if noCalls(tw) {
				share = "–"
			}
			s := strings.TrimSpace(t.name(tw.Name, tw.NameEn) + " " + share)
			gap := vg.Length(2)
			if !choro {
				gap += callRadius(tw.Calls, maxCalls)
			}
			lab.place(c, ml.xy(tw.Seat), gap, s, f, colText)
		}
	}
	return buildMap(spec, t)
}

func callRadius(calls, maxCalls float64) vg.Length {
	if maxCalls <= 0 {
		return 4
	}
	return vg.Length(2 + 9*math.Sqrt(calls/maxCalls))
}

func byCallsDesc(ts []TownshipResult) []int {
	idx := make([]int, len(ts))
	for i := range idx {
		idx[i] = i
	}
	sortStable(idx, func(a, b int) bool { return ts[a].Calls > ts[b].Calls })
	return idx
}

func polygonPath(ml *mapLayout, poly orb.Polygon) vg.Path {
	var pa vg.Path
	for _, ring := range poly {
		for i, p := range ring {
			if i == 0 {
				pa.Move(ml.xy(p))
			} else {
				pa.Line(ml.xy(p))
			}
		}
		pa.Close()
	}
	return pa
}
