package figures

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestBandsClassBoundaries(t *testing.T) {
	b := DefaultBands
	for _, c := range []struct {
		v    float64
		want int
	}{{0, 0}, {5, 0}, {5.0001, 1}, {10, 1}, {14.9, 2}, {15, 2}, {30, 3}, {30.01, 4}, {math.Inf(1), 4}} {
		if got := b.Class(c.v); got != c.want {
			t.Errorf("Class(%v) = %d, want %d", c.v, got, c.want)
		}
	}
	if err := (Bands{5, 5}).check(); err == nil {
		t.Error("Bands{5, 5} accepted")
	}
	if err := (Bands{math.NaN()}).check(); err == nil {
		t.Error("NaN bound accepted")
	}
}

func TestCoverageBandCountsAddUp(t *testing.T) {
	c := synthCounty(2000)
	m := &CoverageMap{Points: c.points, Bands: Bands{10, 30}}
	n, pop := m.BandCounts()
	total, totalPop, want := 0, 0.0, 0.0
	for i := range n {
		total += n[i]
		totalPop += pop[i]
	}
	for _, p := range c.points {
		want += p.Weight
	}
	if total != len(c.points) || math.Abs(totalPop-want) > 1e-6*want {
		t.Errorf("bands hold %d points and %v people, want %d and %v", total, totalPop, len(c.points), want)
	}
	// Cross-check one band by a direct count.
	k := 0
	for _, p := range c.points {
		if p.Value > 10 && p.Value <= 30 {
			k++
		}
	}
	if n[1] != k {
		t.Errorf("band 10-30 holds %d points, direct count %d", n[1], k)
	}
}

func TestECDFAndQuantile(t *testing.T) {
	v := []float64{8, 2, 12, 4, math.Inf(1)}
	// <= 10: 8, 2, 4 -> 3 of 5.
	if got := ECDF(v, 10); got != 0.6 {
		t.Errorf("ECDF(10) = %v, want 0.6", got)
	}
	if got := ECDF(v, 1e9); got != 0.8 { // +Inf never reached
		t.Errorf("ECDF(1e9) = %v, want 0.8", got)
	}
	s := []float64{1, 2, 3, 4}
	// Type 7: h = p(n-1); p=0.5 -> h=1.5 -> 2.5; p=0.25 -> h=0.75 -> 1.75.
	for _, c := range []struct{ p, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 2.5}, {1, 4}} {
		if got := Quantile(s, c.p); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Quantile(%v) = %v, want %v", c.p, got, c.want)
		}
	}
	st := Stats([]float64{10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110})
	// n=11: P10 h=1 -> 20; Q1 h=2.5 -> 35; median h=5 -> 60; Q3 h=7.5 -> 85; P90 h=9 -> 100.
	if st.P10 != 20 || st.Q1 != 35 || st.Median != 60 || st.Q3 != 85 || st.P90 != 100 {
		t.Errorf("Stats = %+v", st)
	}
}

// The CDF drawn at the target equals the compliance given to the chart,
// built here from values whose share within 10 minutes is known: 87 of 100.
func TestCDFAtTargetIsCompliance(t *testing.T) {
	v := make([]float64, 100)
	for i := range v {
		v[i] = 3 + float64(i%87)*7/87 // 87 values in [3, 10)
		if i >= 87 {
			v[i] = 10.5 + float64(i)
		}
	}
	m := &CDFChart{Series: []CDFSeries{{Name: "城区", Values: v, Target: 10}}}
	if got := m.Compliance()[0]; got.Value != 0.87 {
		t.Errorf("compliance %v, want 0.87", got.Value)
	}
	xs, ys := ecdfCurve(sortedCopy(v), 40, []float64{10}, 7) // a coarse grid that misses 10 but for must
	found := false
	for i, x := range xs {
		if x == 10 {
			found = true
			if ys[i] != 0.87 {
				t.Errorf("curve at 10 = %v, want 0.87", ys[i])
			}
		}
	}
	if !found {
		t.Error("the curve has no vertex at the target")
	}
	// A given Compliance (from replications) is what is written.
	e := Estimate{0.85, 0.83, 0.88}
	m.Series[0].Compliance = &e
	if got := m.Compliance()[0]; got != e {
		t.Errorf("compliance %v, want %v", got, e)
	}
	if s := complianceLine(Options{}.theme(), "Urban", 10, e, true); s != "Urban: 85.0% ≤ 10 min (95% CI 83.0%–88.0%)" {
		t.Errorf("line %q", s)
	}
}

func TestHistogramBinsAddUp(t *testing.T) {
	v := []float64{0, 0.5, 1, 1.99, 2, 7.5, 59, math.Inf(1)}
	h := &Histogram{Values: v, BinWidth: 2, XMax: 10}
	w, counts, over := h.Bins()
	// Bins [0,2) [2,4) [4,6) [6,8) [8,10): 4, 1, 0, 1, 0; over: 59 and +Inf.
	want := []float64{4, 1, 0, 1, 0}
	if w != 2 || len(counts) != len(want) || over != 2 {
		t.Fatalf("width %v, counts %v, over %d", w, counts, over)
	}
	for i := range want {
		if counts[i] != want[i] {
			t.Errorf("bin %d = %v, want %v", i, counts[i], want[i])
		}
	}
	// Auto bins: every finite value counted, in bins or over.
	c := synthCounty(500)
	vals, _ := values(c.points)
	_, counts, over = (&Histogram{Values: vals}).Bins()
	if int(sum(counts))+over != len(vals) {
		t.Errorf("auto bins hold %v + %d of %d", sum(counts), over, len(vals))
	}
}

func TestBarOrder(t *testing.T) {
	b := &BarChart{Bars: []Bar{{Name: "a", Value: 0.9}, {Name: "b", Value: 0.5}, {Name: "c", Value: 0.7}, {Name: "d", Value: 0.5}}}
	got := ""
	for _, x := range b.Sorted() {
		got += x.Name
	}
	if got != "bdca" { // worst first, ties in given order
		t.Errorf("ascending order %q, want bdca", got)
	}
	b.Order = Descending
	got = ""
	for _, x := range b.Sorted() {
		got += x.Name
	}
	if got != "acbd" {
		t.Errorf("descending order %q, want acbd", got)
	}
}

func TestHealthCircleSplit(t *testing.T) {
	m := &HealthCircleMap{Points: []ValuePoint{
		{Value: 3, Weight: 100}, {Value: 15, Weight: 50}, {Value: 15.1, Weight: 30}, {Value: math.Inf(1), Weight: 20},
	}}
	in, out := m.Split()
	if in != 150 || out != 50 {
		t.Errorf("split %v / %v, want 150 / 50", in, out)
	}
	m.Points = []ValuePoint{{Value: 3}, {Value: 20}, {Value: 30}}
	if in, out := m.Split(); in != 1 || out != 2 { // no weights: points
		t.Errorf("unweighted split %v / %v, want 1 / 2", in, out)
	}
}

func TestGainLossStatus(t *testing.T) {
	p := orb.Point{112, 28}
	m := &GainLossMap{Points: []Change{
		{P: p, Before: 35, After: 25, Target: 30, Weight: 10},          // gained
		{P: p, Before: 30, After: 30.5, Target: 30, Weight: 20},        // lost
		{P: p, Before: 8, After: 9, Target: 10, Weight: 40},            // within both
		{P: p, Before: math.Inf(1), After: 45, Target: 30, Weight: 80}, // outside both
		{P: p, Before: math.Inf(1), After: 9, Target: 10, Weight: 160}, // gained
	}}
	n, pop := m.Counts()
	if n != [3]int{2, 2, 1} || pop != [3]float64{120, 170, 20} {
		t.Errorf("counts %v, population %v", n, pop)
	}
	if !(TownshipDelta{Delta: Estimate{0.02, 0.001, 0.04}}).Significant() || (TownshipDelta{Delta: Estimate{0.02, -0.001, 0.04}}).Significant() {
		t.Error("significance: CI excluding zero")
	}
}

func TestShareClasses(t *testing.T) {
	b := DefaultShareClasses
	for _, c := range []struct {
		s    float64
		want int
	}{{0, 0}, {0.4999, 0}, {0.5, 1}, {0.9, 4}, {0.9499, 4}, {0.95, 5}, {1, 5}} {
		if got := shareClass(b, c.s); got != c.want {
			t.Errorf("shareClass(%v) = %d, want %d", c.s, got, c.want)
		}
	}
	got := shareLabels(b)
	want := []string{"< 50%", "50–70%", "70–80%", "80–90%", "90–95%", "≥ 95%"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestLabelerNoOverlap(t *testing.T) {
	th := Options{}.theme()
	l := newLabeler(rectOf(0, 0, 400, 300))
	f := th.font(sizeLabel)
	placed := 0
	for i := 0; i < 50; i++ { // 50 labels at one spot: only the free boxes
		if _, ok := l.box(ptOf(200, 150), 3, "Village", f); ok {
			r, _ := l.box(ptOf(200, 150), 3, "Village", f)
			l.boxes = append(l.boxes, r)
			placed++
		}
	}
	if placed == 0 || placed > 24 {
		t.Errorf("placed %d labels around one point (8 positions x 3 rings)", placed)
	}
	for i := range l.boxes {
		for j := i + 1; j < len(l.boxes); j++ {
			if overlaps(l.boxes[i], l.boxes[j]) {
				t.Fatalf("labels %d and %d overlap: %v %v", i, j, l.boxes[i], l.boxes[j])
			}
		}
		if !within(l.boxes[i], l.bounds) {
			t.Errorf("label %d outside the map", i)
		}
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{thousands(1263332), "1,263,332"}, {thousands(999), "999"}, {thousands(-1234.4), "-1,234"},
		{pct(0.9345), "93.5%"}, {pctAuto(1), "100%"}, {pctAuto(0.977), "97.7%"},
		{signedPoints(0.042), "+4.2"}, {signedPoints(-0.013), "-1.3"}, {signedPoints(0), "+0.0"},
		{trimValue(-0.0), "0"}, {trimValue(12.345), "12.3"}, {trimValue(1234), "1,234"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestEveryWordTranslated(t *testing.T) {
	for w := word(0); w < nWords; w++ {
		if words[w][0] == "" || words[w][1] == "" {
			t.Errorf("word %d lacks a translation: %q", w, words[w])
		}
	}
}

// A precomputed curve is drawn as given and read at the target.
func TestCDFCurve(t *testing.T) {
	s := CDFSeries{Name: "urban", Target: 10, Curve: [][2]float64{{2, 0.1}, {5, 0.4}, {10, 0.72}, {20, 0.95}}}
	if got := s.at(10); got != 0.72 {
		t.Errorf("at(10) = %v, want 0.72", got)
	}
	if got := s.at(9.99); got != 0.4 {
		t.Errorf("at(9.99) = %v, want 0.4 (steps)", got)
	}
	if got := s.quantile(0.9); got != 20 {
		t.Errorf("quantile(0.9) = %v, want 20", got)
	}
	c := CDFChart{Series: []CDFSeries{s}}
	if comp := c.Compliance(); comp[0].Value != 0.72 {
		t.Errorf("compliance %v", comp)
	}
	bad := CDFChart{Series: []CDFSeries{{Curve: [][2]float64{{5, 0.5}, {4, 0.6}}}}}
	if _, err := bad.Figure(Options{}); err == nil {
		t.Error("a decreasing curve was accepted")
	}
}
