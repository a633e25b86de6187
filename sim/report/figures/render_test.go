package figures

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
)

// testFigures builds one of every figure from a small synthetic county, in
// both languages when a CJK font is found, at a low DPI to keep tests fast.
func testFigures(t *testing.T, o Options) map[string]*Figure {
	t.Helper()
	c := synthCounty(300)
	tr := synthTownships(c)
	out := map[string]*Figure{}
	add := func(name string, f *Figure, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = f
	}
	var err error
	var f *Figure
	f, err = (&CoverageMap{Frame: Frame{Title: "覆盖 coverage", Source: "schematic network"}, Basemap: c.base, Points: c.points, SizeByWeight: true, Stations: c.stations, Facilities: c.facilities, Outside: []Place{c.seats[5]}}).Figure(o)
	add("coverage", f, err)
	f, err = (&HealthCircleMap{Frame: Frame{Title: "15"}, Basemap: c.base, Points: c.health, Facilities: c.facilities}).Figure(o)
	add("health", f, err)
	f, err = (&ComplianceMap{Basemap: Basemap{Roads: c.base.Roads}, Townships: tr, Stations: c.stations}).Figure(o)
	add("compliance", f, err)
	var loads []StationLoad
	for i, s := range c.stations {
		loads = append(loads, StationLoad{Station: s, Utilisation: float64(i) / 40})
	}
	f, err = (&UtilisationMap{Basemap: c.base, Stations: loads}).Figure(o)
	add("utilisation", f, err)
	var ch []Change
	for i, p := range c.points {
		ch = append(ch, Change{P: p.P, Before: p.Value, After: p.Value * (0.7 + float64(i%3)*0.3), Target: 30, Weight: p.Weight})
	}
	f, err = (&GainLossMap{Basemap: c.base, Points: ch}).Figure(o)
	add("gainloss", f, err)
	vals, _ := values(c.points)
	f, err = (&CDFChart{Series: []CDFSeries{{Name: "乡村", NameEn: "Rural", Values: vals, Target: 30}}}).Figure(o)
	add("cdf", f, err)
	f, err = (&Histogram{Values: vals, Targets: []float64{10, 30}}).Figure(o)
	add("histogram", f, err)
	var bars []Bar
	for _, tw := range tr {
		bars = append(bars, Bar{Name: tw.Name, NameEn: tw.NameEn, Value: tw.Share.Value, Lo: tw.Share.Lo, Hi: tw.Share.Hi})
	}
	f, err = (&BarChart{Bars: bars, Percent: true, Reference: []float64{0.9}}).Figure(o)
	add("bars", f, err)
	h := &HourlyChart{Units: 10}
	for i := range 24 {
		h.Calls[i], h.Busy[i] = float64(i%7+1), float64(i%5)
	}
	f, err = h.Figure(o)
	add("hourly", f, err)
	f, err = (&TreatmentChart{Categories: []string{"全部"}, CategoriesEn: []string{"All"}, Series: []BoxSeries{{Name: "5G", Values: [][]float64{vals}}, {Name: "常规", NameEn: "Conventional", Values: [][]float64{vals[:100]}}}}).Figure(o)
	add("treatment", f, err)
	return out
}

// inkShare returns the share of pixels that differ from white.
func inkShare(img image.Image) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

func TestFiguresEncode(t *testing.T) {
	fnt, _, _ := ResolveFont("")
	langs := []Options{{Lang: LangEN, DPI: 60}}
	if fnt != nil {
		langs = append(langs, Options{Lang: LangZH, Font: fnt, DPI: 60})
	}
	for _, o := range langs {
		for name, f := range testFigures(t, o) {
			name := name + "/" + string(o.Lang)
			var buf bytes.Buffer
			if err := f.Write(&buf, PNG); err != nil {
				t.Fatalf("%s png: %v", name, err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("%s: png does not decode: %v", name, err)
			}
			w, h := f.PixelSize()
			fw, fh := f.Size()
			// The pixel size is the figure size in inches times the DPI.
			if want := int(math.Round(float64(fw/vg.Inch) * 60)); w != want || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
				t.Errorf("%s: png %v, want %dx%d (%v wide at 60 dpi = %d px)", name, img.Bounds(), w, h, fw, want)
			}
			if fw > 16*vg.Centimeter+1e-6 || fh > 22*vg.Centimeter+1e-6 {
				t.Errorf("%s: %v x %v exceeds the page", name, fw, fh)
			}
			if ink := inkShare(img); ink < 0.03 {
				t.Errorf("%s: only %.1f%% of pixels drawn", name, 100*ink)
			}
			buf.Reset()
			if err := f.Write(&buf, SVG); err != nil {
				t.Fatalf("%s svg: %v", name, err)
			}
			if err := wellFormed(&buf); err != nil {
				t.Errorf("%s: svg is not XML: %v", name, err)
			}
			buf.Reset()
			if err := f.Write(&buf, PDF); err != nil {
				t.Fatalf("%s pdf: %v", name, err)
			}
			b := buf.Bytes()
			if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
				t.Errorf("%s: pdf lacks header or trailer", name)
			}
			if !bytes.Contains(b, []byte("/Image")) {
				t.Errorf("%s: pdf has no raster image", name)
			}
		}
	}
}

func wellFormed(r io.Reader) error {
	d := xml.NewDecoder(r)
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root != "svg" {
				return errors.New("no <svg> root")
			}
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
}

func TestBadInput(t *testing.T) {
	nan := math.NaN()
	p := orb.Point{112, 28}
	o := Options{DPI: 30}
	for _, c := range []struct {
		name, field string
		fig         func() (*Figure, error)
	}{
		{"point value", "Points[1].Value", func() (*Figure, error) {
			return (&CoverageMap{Points: []ValuePoint{{P: p, Value: 3}, {P: p, Value: nan}}}).Figure(o)
		}},
		{"negative time", "Points[0].Value", func() (*Figure, error) {
			return (&CoverageMap{Points: []ValuePoint{{P: p, Value: -1}}}).Figure(o)
		}},
		{"weight", "Points[0].Weight", func() (*Figure, error) {
			return (&HealthCircleMap{Points: []ValuePoint{{P: p, Value: 1, Weight: math.Inf(1)}}}).Figure(o)
		}},
		{"road coordinate", "Roads[0]", func() (*Figure, error) {
			return (&CoverageMap{Basemap: Basemap{Roads: []Road{{Line: orb.LineString{p, {nan, 28}}}}}}).Figure(o)
		}},
		{"latitude", "Stations[0].P", func() (*Figure, error) {
			return (&CoverageMap{Stations: []Station{{P: orb.Point{112, 95}, Units: 1}}}).Figure(o)
		}},
		{"5G count", "Stations[0]", func() (*Figure, error) {
			return (&CoverageMap{Stations: []Station{{P: p, Units: 1, FiveG: 2}}}).Figure(o)
		}},
		{"share", "Townships[0].Share.Value", func() (*Figure, error) {
			return (&ComplianceMap{Townships: []TownshipResult{{Seat: p, Share: Estimate{Value: 1.2}}}}).Figure(o)
		}},
		{"utilisation", "Stations[0].Utilisation", func() (*Figure, error) {
			return (&UtilisationMap{Stations: []StationLoad{{Station: Station{P: p}, Utilisation: nan}}}).Figure(o)
		}},
		{"change", "Points[0].After", func() (*Figure, error) {
			return (&GainLossMap{Points: []Change{{P: p, After: nan, Target: 10}}}).Figure(o)
		}},
		{"cdf", "Series[0].Values", func() (*Figure, error) {
			return (&CDFChart{Series: []CDFSeries{{Values: []float64{1, nan}}}}).Figure(o)
		}},
		{"compliance", "Series[0].Compliance.Hi", func() (*Figure, error) {
			return (&CDFChart{Series: []CDFSeries{{Values: []float64{1}, Target: 10, Compliance: &Estimate{0.5, 0.4, math.Inf(1)}}}}).Figure(o)
		}},
		{"histogram", "Values[2]", func() (*Figure, error) {
			return (&Histogram{Values: []float64{1, 2, nan}}).Figure(o)
		}},
		{"bars", "Bars[0].Hi", func() (*Figure, error) { return (&BarChart{Bars: []Bar{{Value: 1, Hi: math.Inf(-1)}}}).Figure(o) }},
		{"hourly", "Busy[3]", func() (*Figure, error) {
			h := &HourlyChart{}
			h.Busy[3] = nan
			return h.Figure(o)
		}},
		{"boxes", "Series[0]", func() (*Figure, error) {
			return (&TreatmentChart{Categories: []string{"a", "b"}, Series: []BoxSeries{{Values: [][]float64{{1}}}}}).Figure(o)
		}},
		{"bands", "Bands[1]", func() (*Figure, error) {
			return (&CoverageMap{Points: []ValuePoint{{P: p}}, Bands: Bands{10, 5}}).Figure(o)
		}},
	} {
		f, err := c.fig()
		if err == nil || f != nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !errors.Is(err, ErrBadValue) || !strings.Contains(err.Error(), c.field) {
			t.Errorf("%s: error %q does not wrap ErrBadValue naming %s", c.name, err, c.field)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	o := Options{DPI: 40}
	if _, err := (&CoverageMap{}).Figure(o); !errors.Is(err, ErrNoData) {
		t.Errorf("empty map: %v, want ErrNoData", err)
	}
	// A map with only roads draws them.
	roads := Basemap{Roads: []Road{{Class: "primary", Line: orb.LineString{{112, 28}, {112.2, 28.1}}}}}
	if _, err := (&HealthCircleMap{Basemap: roads}).Figure(o); err != nil {
		t.Errorf("roads only: %v", err)
	}
	// Empty charts say "no data": the figure has ink, but little.
	for name, d := range map[string]Drawer{
		"cdf":       &CDFChart{Frame: Frame{Title: "CDF"}},
		"histogram": &Histogram{},
		"bars":      &BarChart{},
		"hourly":    &HourlyChart{},
		"boxes":     &TreatmentChart{},
	} {
		f, err := d.Figure(o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, PNG); err != nil {
			t.Fatal(err)
		}
		img, _ := png.Decode(&buf)
		if ink := inkShare(img); ink == 0 || ink > 0.05 {
			t.Errorf("%s: empty chart ink %.3f", name, ink)
		}
	}
}

func TestParseFormatAndLang(t *testing.T) {
	for _, s := range []string{"png", ".PNG", "svg", "pdf"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	if _, err := ParseFormat("jpg"); err == nil {
		t.Error("jpg accepted")
	}
	if l, err := ParseLang("en"); l != LangEN || err != nil {
		t.Error("en")
	}
	if _, err := ParseLang("fr"); err == nil {
		t.Error("fr accepted")
	}
}

// The same input gives the same bytes (no map order or clock in output).
func TestDeterministicSVG(t *testing.T) {
	c := synthCounty(200)
	m := &CoverageMap{Basemap: c.base, Points: c.points, Stations: c.stations, Facilities: c.facilities}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		f, err := m.Figure(Options{DPI: 30})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Write(buf, SVG); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings of the same map differ")
	}
}
