package figures

import (
	"io"
	"testing"
)

func benchFigure(b *testing.B, d Drawer, format Format) {
	fnt, _, _ := ResolveFont("")
	o := Options{Font: fnt, DPI: 300}
	b.ReportAllocs()
	for b.Loop() {
		f, err := d.Figure(o)
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Write(io.Discard, format); err != nil {
			b.Fatal(err)
		}
	}
}

func benchCoverage() *CoverageMap {
	c := synthCounty(2000)
	return &CoverageMap{Frame: Frame{Title: "覆盖", Source: "schematic network"}, Basemap: c.base, Points: c.points,
		SizeByWeight: true, Stations: c.stations, Facilities: c.facilities[:8]}
}

// BenchmarkCoverageMapPNG: 2,000 demand points, 20 stations, 29 labels, A4
// width at 300 dpi (about 1,900 x 1,700 px).
func BenchmarkCoverageMapPNG(b *testing.B) { benchFigure(b, benchCoverage(), PNG) }

func BenchmarkCoverageMapSVG(b *testing.B) { benchFigure(b, benchCoverage(), SVG) }

func BenchmarkCoverageMapPDF(b *testing.B) { benchFigure(b, benchCoverage(), PDF) }

// BenchmarkCDFChartPNG: two series of 20,000 response times.
func BenchmarkCDFChartPNG(b *testing.B) {
	v := make([]float64, 20000)
	for i := range v {
		v[i] = float64(i%600) / 10
	}
	benchFigure(b, &CDFChart{Series: []CDFSeries{{Name: "城区", Values: v, Target: 10}, {Name: "乡村", Values: v, Target: 30}}}, PNG)
}
