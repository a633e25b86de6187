package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/report/figures"
)

// figureOptions resolves the figure flags: the language (flag, else the
// scenario's) and the font (flag, else a system CJK font; without one, a
// warning and Latin names).
func (f *outFlags) figureOptions(e *env, d *report.RunData) (report.FigureOptions, error) {
	lang := f.lang
	if lang == "" {
		lang = d.Study.Scenario.Lang
	}
	if lang != "zh" && lang != "en" {
		return report.FigureOptions{}, usagef("--lang must be zh or en, got %q", lang)
	}
	if f.dpi < 50 || f.dpi > 1200 {
		return report.FigureOptions{}, usagef("--dpi must be between 50 and 1200, got %d", f.dpi)
	}
	font, warn, err := figures.ResolveFont(f.font)
	if err != nil {
		return report.FigureOptions{}, err
	}
	if warn != "" {
		fmt.Fprintf(e.stderr, "warning: %s\n", warn)
	}
	return report.FigureOptions{Lang: lang, Font: font, DPI: f.dpi, Date: time.Now().Format("2006-01-02")}, nil
}

// figures draws the run's figures and writes the report into the staging
// folder, unless --no-figures.
func (f *outFlags) figures(e *env, stg *report.Staging, d *report.RunData) error {
	if f.noFigures {
		return nil
	}
	fo, err := f.figureOptions(e, d)
	if err != nil {
		return err
	}
	figs := d.Figures(fo)
	if _, err := report.RenderFigures(stg, figs, fo); err != nil {
		return err
	}
	scen, err := filepath.Abs(d.Study.Scenario.Path)
	if err != nil {
		scen = d.Study.Scenario.Path
	}
	return report.WriteReport(stg, d, figs, report.ReportOptions{Lang: fo.Lang, Version: version(), Created: time.Now(), Scenario: scen})
}
