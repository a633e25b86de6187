package figures

import (
	"math"
	"math/rand/v2"
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

	tr := synthTownships(c)
	cm := &ComplianceMap{Frame: Frame{Title: "各乡镇急救达标率（模拟）", Source: "schematic network"}, Basemap: Basemap{Roads: c.base.Roads}, Townships: tr, Stations: c.stations}
	f, err = cm.Figure(o)
	add("map_compliance_symbols", f, err)
	for i := range tr {
		tr[i].Area = hexagon(tr[i].Seat, 0.055)
	}
	cm.Townships = tr
	f, err = cm.Figure(o)
	add("map_compliance_choropleth", f, err)

	var loads []StationLoad
	for i, s := range c.stations {
		loads = append(loads, StationLoad{Station: s, Utilisation: 0.05 + 0.45*float64((i*7)%20)/20})
	}
	um := &UtilisationMap{Frame: Frame{Title: "急救站车辆利用率", Source: "schematic network"}, Basemap: Basemap{Roads: c.base.Roads, Zones: c.base.Zones}, Stations: loads}
	f, err = um.Figure(o)
	add("map_utilisation", f, err)

	var ch []Change
	for i, p := range c.points {
		after := p.Value
		if i%7 == 0 {
			after *= 0.6
		} else if i%23 == 0 {
			after *= 1.5
		}
		ch = append(ch, Change{P: p.P, Name: p.Name, Weight: p.Weight, Before: p.Value, After: after, Target: 30})
	}
	var deltas []TownshipDelta
	for i, tw := range tr[:8] {
		d := 0.06 - 0.02*float64(i)
		deltas = append(deltas, TownshipDelta{Name: tw.Name, NameEn: tw.NameEn, Seat: tw.Seat, Delta: Estimate{d, d - 0.03, d + 0.03}})
	}
	gl := &GainLossMap{Frame: Frame{Title: "方案：增加5辆救护车", Subtitle: "对比基线", Source: "schematic network"}, Basemap: Basemap{Roads: c.base.Roads, Zones: c.base.Zones}, Points: ch, Townships: deltas, Stations: c.stations}
	f, err = gl.Figure(o)
	add("map_gain_loss", f, err)

	rng := rand.New(rand.NewPCG(3, 4))
	urban, rural := make([]float64, 4000), make([]float64, 9000)
	for i := range urban {
		urban[i] = 4 + rng.ExpFloat64()*3.5
	}
	for i := range rural {
		rural[i] = 6 + rng.ExpFloat64()*9
		if i%500 == 0 {
			rural[i] = math.Inf(1)
		}
	}
	cdf := &CDFChart{Frame: Frame{Title: "反应时间累计分布", Subtitle: "40次重复 · 365天", Source: "schematic network"},
		Series: []CDFSeries{
			{Name: "城区", NameEn: "Urban", Values: urban, Target: 10, Compliance: &Estimate{ECDF(urban, 10), ECDF(urban, 10) - 0.012, ECDF(urban, 10) + 0.011}},
			{Name: "乡村", NameEn: "Rural", Values: rural, Target: 30, Compliance: &Estimate{ECDF(rural, 30), ECDF(rural, 30) - 0.008, ECDF(rural, 30) + 0.008}},
		}}
	f, err = cdf.Figure(o)
	add("chart_cdf", f, err)
	var variants []CDFSeries
	for k, name := range [][2]string{{"基线", "Baseline"}, {"增加5辆救护车", "+5 ambulances"}, {"无5G", "No 5G"}} {
		v := make([]float64, len(rural))
		for i, x := range rural {
			v[i] = x * (1 - 0.1*float64(k) + 0.18*float64(k/2))
		}
		variants = append(variants, CDFSeries{Name: name[0], NameEn: name[1], Values: v, Target: 30})
	}
	f, err = (&CDFChart{Frame: Frame{Title: "方案对比：乡村反应时间"}, Series: variants}).Figure(o)
	add("chart_variants_cdf", f, err)
	f, err = (&Histogram{Frame: Frame{Title: "反应时间分布"}, Values: append(append([]float64(nil), urban...), rural...), Targets: []float64{10, 30}}).Figure(o)
	add("chart_histogram", f, err)
	var bars []Bar
	for _, tw := range tr {
		bars = append(bars, Bar{Name: tw.Name, NameEn: tw.NameEn, Value: tw.Share.Value, Lo: tw.Share.Lo, Hi: tw.Share.Hi})
	}
	f, err = (&BarChart{Frame: Frame{Title: "各乡镇达标率（由低到高）"}, Bars: bars, Percent: true, Reference: []float64{0.9}, Highlight: 0.9, Axis: "达标率"}).Figure(o)
	add("chart_township_bars", f, err)
	var ub []Bar
	for i, s := range loads {
		ub = append(ub, Bar{Name: s.Name + "-" + strconv.Itoa(i%2+1), NameEn: s.NameEn, Value: s.Utilisation})
	}
	f, err = (&BarChart{Frame: Frame{Title: "车辆利用率"}, Bars: ub, Order: Descending, Percent: true}).Figure(o)
	add("chart_utilisation", f, err)
	var hc24 HourlyChart
	hc24.Frame = Frame{Title: "各时段呼叫量与忙碌车辆"}
	for h := range 24 {
		hc24.Calls[h] = 3 + 2.5*math.Sin(float64(h-4)*math.Pi/12)
		hc24.Busy[h] = 4 + 3*math.Sin(float64(h-5)*math.Pi/12)
	}
	hc24.Units = 42
	f, err = hc24.Figure(o)
	add("chart_hourly", f, err)
	tt := &TreatmentChart{Frame: Frame{Title: "开始救治时间：5G与常规救护车"}, Categories: []string{"全部", "卒中", "胸痛"}, CategoriesEn: []string{"All", "Stroke", "Chest pain"}}
	for k, name := range [][2]string{{"5G救护车", "5G ambulance"}, {"常规救护车", "Conventional"}} {
		s := BoxSeries{Name: name[0], NameEn: name[1]}
		for c := 0; c < 3; c++ {
			v := make([]float64, 800)
			for i := range v {
				v[i] = 12 + float64(k)*20 + rng.ExpFloat64()*8
			}
			s.Values = append(s.Values, v)
		}
		tt.Series = append(tt.Series, s)
	}
	f, err = tt.Figure(o)
	add("chart_treatment", f, err)
	return out
}
