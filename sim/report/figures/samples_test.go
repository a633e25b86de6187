package figures

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestSamples renders every figure from the synthetic county into the
// folder named by FIGURES_SAMPLES (e.g. /tmp/figs), for looking at them.
// Without the variable it does nothing.
func TestSamples(t *testing.T) {
	dir := os.Getenv("FIGURES_SAMPLES")
	if dir == "" {
		t.Skip("set FIGURES_SAMPLES=DIR to render the sample figures into DIR")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	font, warn, err := ResolveFont(os.Getenv("FIGURES_FONT"))
	if err != nil {
		t.Fatal(err)
	}
	if warn != "" {
		t.Log(warn)
	}
	for _, lang := range []Lang{LangZH, LangEN} {
		dpi, _ := strconv.Atoi(os.Getenv("FIGURES_DPI"))
		o := Options{Lang: lang, Font: font, DPI: dpi}
		for name, f := range sampleFigures(t, o) {
			for _, fm := range Formats {
				p := filepath.Join(dir, name+"_"+string(lang)+fm.Ext())
				w, err := os.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.Write(w, fm); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				w.Close()
			}
		}
	}
}

func sampleFigures(t *testing.T, o Options) map[string]*Figure {
	c := synthCounty(2000)
	out := map[string]*Figure{}
	add := func(name string, f *Figure, err error) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = f
	}
	var outside []Place
	for _, p := range c.points {
		if p.Value > 30 {
			outside = append(outside, Place{P: p.P, Name: p.Name, NameEn: p.NameEn})
		}
	}
	cov := &CoverageMap{
		Frame:        Frame{Title: "宁乡市 急救站静态覆盖（示意）", Subtitle: "场景 ningxiang · 种子 1 · 2026-11-22", Source: "示意路网 / schematic network"},
		Basemap:      c.base,
		Points:       c.points,
		SizeByWeight: true,
		Stations:     c.stations,
		Facilities:   c.facilities[:8],
		Outside:      outside,
	}
	if o.Lang == LangEN {
		cov.Frame = Frame{Title: "Ningxiang: static ambulance coverage (schematic)", Subtitle: "scenario ningxiang · seed 1 · 2026-11-22", Source: "schematic network / 示意路网"}
	}
	f, err := cov.Figure(o)
	add("map_coverage", f, err)
	hc := &HealthCircleMap{
		Frame:      Frame{Title: "15分钟健康服务圈", Subtitle: "步行（城区）/ 驾车（乡村）", Source: "示意路网 / schematic network"},
		Basemap:    c.base,
		Points:     c.health,
		Facilities: c.facilities,
	}
	if o.Lang == LangEN {
		hc.Frame = Frame{Title: "15-minute health-service circle", Subtitle: "walk (urban) / drive (rural)", Source: "schematic network"}
	}
	f, err = hc.Figure(o)
	add("map_health_circle", f, err)
	return out
}
