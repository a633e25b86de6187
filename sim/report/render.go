package report

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/emsplan/sim/sim/report/figures"
)

// FigureOptions say how to draw a run's figures.
type FigureOptions struct {
	Lang    string           // "zh" or "en"
	Font    *figures.Font    // nil: Latin names and English words
	DPI     int              // PNG resolution (0: 300)
	Date    string           // shown in the subtitles, e.g. "2026-11-22"
	Formats []figures.Format // nil: PNG, SVG and PDF
}

// Fig is one figure of a run: its file name (without extension) and input.
type Fig struct {
	Name   string
	Title  string
	Drawer figures.Drawer
}

// Figures lists the figures of the run in d: the coverage maps and charts,
// and the simulation's when d has a simulation.
func (d *RunData) Figures(o FigureOptions) []Fig {
	s := d.Study.Scenario
	lang := o.Lang
	frame := func(key string) figures.Frame {
		name := s.Name
		if lang == "en" {
			name = s.NameEn
		}
		sub := name + " · " + word("seed", lang) + " " + fmt.Sprint(s.Seed)
		if d.Sim != nil && key != "map_coverage" && key != "map_health_circle" && key != "chart_static_townships" {
			sub += fmt.Sprintf(" · %d %s × %g %s", d.Sim.Run.Replications, word("replications", lang), d.Sim.Run.Days, word("days", lang))
		}
		if o.Date != "" {
			sub += " · " + o.Date
		}
		return figures.Frame{Title: word(key, lang), Subtitle: sub, Source: Attribution(d.Study, lang)}
	}
	figs := []Fig{
		{"map_coverage", "", d.coverageMap(frame("map_coverage"))},
		{"map_health_circle", "", d.healthMap(frame("map_health_circle"))},
		{"chart_static_townships", "", d.townshipBars(frame("chart_static_townships"), "coverage/townships.csv", "share_within_target", "share_residents", lang)},
	}
	if d.Sim != nil {
		figs = append(figs,
			Fig{"chart_response_cdf", "", d.cdfChart(frame("chart_response_cdf"))},
			Fig{"chart_response_hist", "", d.responseHist(frame("chart_response_hist"))},
			Fig{"map_compliance", "", d.complianceMap(frame("map_compliance"))},
			Fig{"chart_township_compliance", "", d.townshipBars(frame("chart_township_compliance"), "sim/townships.csv", "compliance", "share_within", lang)},
			Fig{"map_utilisation", "", d.utilisationMap(frame("map_utilisation"))},
			Fig{"chart_utilisation", "", d.unitBars(frame("chart_utilisation"), lang)},
			Fig{"chart_hourly", "", d.hourly(frame("chart_hourly"))},
			Fig{"chart_treatment", "", d.treatment(frame("chart_treatment"))},
		)
	}
	for i := range figs {
		figs[i].Title = word(figs[i].Name, lang)
	}
	if d.Compare != nil && d.Sim != nil {
		for c, cv := range d.Sim.CDF {
			name := "compare_cdf_" + cv.Class
			title := tr(lang, "方案对比：", "Options compared: ") + word("chart_response_cdf", lang) + " · " + word(cv.Class, lang)
			fr := frame("chart_response_cdf")
			fr.Title = title
			figs = append(figs, Fig{name, title, d.compareCDF(fr, c, lang)})
		}
		for k, v := range d.Compare.Variants {
			title := tr(lang, "增减变化：", "Gains and losses: ") + tr(lang, v.Title, v.TitleEn)
			fr := frame("map_coverage")
			fr.Title = title
			figs = append(figs, Fig{"map_gainloss_" + v.Name, title, d.gainLoss(fr, k)})
		}
	}
	return figs
}

// RenderFigures draws every figure and writes figures/NAME.EXT into the
// staging folder for each format, several figures at a time. It returns the
// names written, in the order of figs.
func RenderFigures(stg *Staging, figs []Fig, o FigureOptions) ([]string, error) {
	formats := o.Formats
	if formats == nil {
		formats = figures.Formats
	}
	fo := figures.Options{Lang: figures.Lang(o.Lang), Font: o.Font, DPI: o.DPI}
	type result struct {
		fig *figures.Figure
		err error
	}
	results := make([]result, len(figs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range figs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			f, err := figs[i].Drawer.Figure(fo)
			results[i] = result{f, err}
		}(i)
	}
	wg.Wait()
	var names []string
	var mu sync.Mutex
	var firstErr error
	for i, r := range results {
		if r.err != nil {
			return nil, fmt.Errorf("figure %s: %w", figs[i].Name, r.err)
		}
		for _, format := range formats {
			name := "figures/" + figs[i].Name + format.Ext()
			fig := r.fig
			wg.Add(1)
			go func(format figures.Format) {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				err := stg.Write(name, func(w io.Writer) error { return fig.Write(w, format) })
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}(format)
			names = append(names, name)
		}
	}
	wg.Wait()
	return names, firstErr
}
