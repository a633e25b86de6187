package report

import (
	"fmt"

	"github.com/emsplan/sim/sim/report/figures"
	"github.com/paulmach/orb"
)

// Proposal names a deployment proposed by sim optimize, for its maps.
type Proposal struct {
	Name   string // file-name part, e.g. "mclp"
	Title  string // e.g. "MCLP, 42 sites"
	Health bool   // the proposal adds health posts (the 15-minute circle), not ambulance bases
}

// ProposalFigures returns the maps of a proposed deployment from the
// proposal's run data (its study, with its static coverage set) and the
// baseline's: the proposal's static coverage map with its bases (or, for
// health posts, its health-circle map with every facility), and the map of
// residents entering or leaving their circle against the baseline, with the
// proposal's bases. Named optimize_map_NAME and optimize_gainloss_NAME.
func ProposalFigures(base, prop *RunData, p Proposal, o FigureOptions) []Fig {
	s := base.Study.Scenario
	lang := o.Lang
	frame := func(title string) figures.Frame {
		name := s.Name
		if lang == "en" {
			name = s.NameEn
		}
		sub := name
		if o.Date != "" {
			sub += " · " + o.Date
		}
		return figures.Frame{Title: title, Subtitle: sub, Source: Attribution(prop.Study, lang)}
	}
	col, target := "response_min", "target_min"
	mf := frame(tr(lang, "优化方案静态覆盖：", "Proposal, static coverage: ") + p.Title)
	m := prop.coverageMap(mf)
	if p.Health {
		col = "health_min"
		mf = frame(tr(lang, "优化方案健康服务圈：", "Proposal, health circle: ") + p.Title)
		m = prop.healthMap(mf)
	}
	gl := &figures.GainLossMap{Frame: frame(tr(lang, "增减变化（静态）：", "Gains and losses (static): ") + p.Title),
		Basemap: prop.basemap(false)}
	if !p.Health {
		gl.Stations = prop.stations()
	}
	before, after := base.Table("coverage/points.csv"), prop.Table("coverage/points.csv")
	circle := 60 * prop.Study.Scenario.HealthCircle.Minutes
	for r := range after.Rows {
		c := figures.Change{P: orb.Point{after.Float(r, "lon"), after.Float(r, "lat")}, Name: after.Str(r, "village"),
			NameEn: after.Str(r, "village_en"), Weight: after.Float(r, "population"), After: after.Float(r, col)}
		if r < len(before.Rows) {
			c.Before = before.Float(r, col)
		}
		if p.Health {
			c.Target = circle / 60
		} else {
			c.Target = after.Float(r, target)
		}
		gl.Points = append(gl.Points, c)
	}
	return []Fig{
		{Name: fmt.Sprintf("optimize_map_%s", p.Name), Title: mf.Title, Drawer: m},
		{Name: fmt.Sprintf("optimize_gainloss_%s", p.Name), Title: gl.Frame.Title, Drawer: gl},
	}
}
