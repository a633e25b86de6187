package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Doc is a run's report, independent of its format (HTML or Markdown).
type Doc struct {
	Lang     string
	Title    string
	Subtitle string
	Source   string   // attribution of the road network
	Notes    []string // warnings to read first (schematic network, data gaps)
	Headline Grid
	Findings []string
	Figures  []DocFigure
	Sections []Section
	Manifest [][2]string
}

// Grid is a table of text cells; Num marks the columns aligned right.
type Grid struct {
	Head []string
	Rows [][]string
	Num  []bool
}

// DocFigure is a figure of the report.
type DocFigure struct {
	Name    string // file name without extension, under figures/
	Caption string
	PNG     []byte // for the self-contained HTML
}

// Section is a titled table with some text.
type Section struct {
	Title string
	Text  []string
	Table Grid
}

// ReportOptions are the report's manifest data.
type ReportOptions struct {
	Lang     string
	Version  string
	Created  time.Time
	Scenario string // path of the scenario file as given
}

// tr picks the Chinese or English text.
func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// NewDoc writes the report of the run in d: headline, findings, figures,
// township table, villages outside target, parameters and manifest.
func NewDoc(d *RunData, figs []DocFigure, o ReportOptions) *Doc {
	s := d.Study.Scenario
	L := o.Lang
	doc := &Doc{Lang: L, Title: tr(L, s.Name, s.NameEn), Source: Attribution(d.Study, L), Figures: figs}
	doc.Subtitle = tr(L, "院前急救覆盖与仿真报告", "Pre-hospital emergency coverage and simulation report")
	if s.Network.Source == "schematic" {
		doc.Notes = append(doc.Notes, tr(L,
			"本报告基于示意路网（根据公开资料生成，并非真实道路），数字用于演示方法，不能直接用于规划决策。",
			"This report uses a schematic road network generated from public facts, not the real roads: the figures illustrate the method and must not be used for planning decisions as they are."))
	}
	for _, g := range d.Coverage.Gaps {
		doc.Notes = append(doc.Notes, tr(L, "数据缺口：", "Data gap: ")+g.Detail)
	}
	doc.Headline = headline(d, L)
	doc.Findings = findings(d, L)
	doc.Sections = append(doc.Sections, compareSections(d, L)...)
	doc.Sections = append(doc.Sections, townshipSection(d, L), villageSection(d, L), parameterSection(d, L))
	doc.Manifest = manifest(d, o)
	return doc
}

func pctS(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func minS(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if math.IsInf(v, 1) {
		return "∞"
	}
	return fmt.Sprintf("%.1f", v)
}

// estS formats an estimate of a share with its interval.
func estS(e Est) string {
	if math.IsNaN(e.Lo.V) || math.IsInf(e.Lo.V, 0) {
		return pctS(e.Mean.V)
	}
	return fmt.Sprintf("%s (%s–%s)", pctS(e.Mean.V), pctS(e.Lo.V), pctS(e.Hi.V))
}

func headline(d *RunData, L string) Grid {
	g := Grid{Head: []string{tr(L, "区域", "Zone"), tr(L, "目标（分钟）", "Target (min)"), tr(L, "人口", "Residents"),
		tr(L, "静态达标人口比例", "Static: residents within target"), tr(L, "15分钟健康圈", "15-min health circle")},
		Num: []bool{false, true, true, true, true}}
	if d.Sim != nil {
		g.Head = append(g.Head, tr(L, "仿真达标呼叫比例（95%置信区间）", "Simulated: calls within target (95% CI)"),
			tr(L, "平均反应（分钟）", "Mean response (min)"), tr(L, "P90反应（分钟）", "P90 response (min)"))
		g.Num = append(g.Num, true, true, true)
	}
	for i, r := range d.Coverage.Response {
		name := word(r.Key, L)
		if r.Key == "all" {
			name = tr(L, "全市", "All")
		}
		row := []string{name, minS(r.TargetMin.V), thousandsF(r.Population.V), pctS(r.ShareWithin.V), pctS(r.ShareHealth.V)}
		if r.Key == "all" {
			row[1] = "–"
		}
		if d.Sim != nil {
			h := d.Sim.Headline
			switch c := classOf(h, r.Key); {
			case i == 0:
				row = append(row, estS(h.Compliance), minS(figure(d.Sim, "response_mean", "").Mean.V),
					minS(figure(d.Sim, "response_p90", "").Mean.V))
			case c != nil:
				row = append(row, estS(c.Compliance), minS(c.MeanMin.Mean.V), minS(c.P90Min.Mean.V))
			default:
				row = append(row, "–", "–", "–")
			}
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

func classOf(h Headline, class string) *ClassJSON {
	for i := range h.ByClass {
		if h.ByClass[i].Class == class {
			return &h.ByClass[i]
		}
	}
	return nil
}

// figure returns the study-wide estimate of key from the summary.
func figure(s *SimSummary, key, by string) Est {
	for _, f := range s.Figures {
		if f.Key == key && f.By == by {
			return f.Est
		}
	}
	n := Num{V: math.NaN()}
	return Est{Mean: n, Lo: n, Hi: n}
}

func thousandsF(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// findings are the sentences a planner reads first.
func findings(d *RunData, L string) []string {
	var out []string
	tw := d.Table("coverage/townships.csv")
	type row struct {
		name  string
		share float64
		out   float64
	}
	var rows []row
	for r := range tw.Rows {
		rows = append(rows, row{tr(L, tw.Str(r, "township"), tw.Str(r, "township_en")), tw.Float(r, "share_within_target"),
			tw.Float(r, "population") - tw.Float(r, "within_target")})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].share < rows[j].share })
	var worst []string
	for i := 0; i < len(rows) && i < 3 && rows[i].share < 1; i++ {
		worst = append(worst, fmt.Sprintf("%s %s", rows[i].name, pctS(rows[i].share)))
	}
	if len(worst) > 0 {
		out = append(out, tr(L, "静态覆盖最差的乡镇：", "Townships with the lowest static coverage: ")+strings.Join(worst, tr(L, "，", ", "))+tr(L, "。", "."))
	}
	v := d.Coverage.Villages
	out = append(out, fmt.Sprintf(tr(L, "%d 个村（社区）有居民在急救目标时间之外，共 %s 人；其中 %d 个村过半居民在外。",
		"%d village-level units have residents outside their target (%s residents); in %d of them, most residents are."),
		v.Outside, thousandsF(v.PopulationOutside.V), v.MostlyOutside))
	out = append(out, fmt.Sprintf(tr(L, "15分钟健康服务圈覆盖 %s 的常住人口。", "The 15-minute health-service circle covers %s of the residents."),
		pctS(d.Coverage.HealthCircle.Share.V)))
	if d.Sim != nil {
		h := d.Sim.Headline
		out = append(out, fmt.Sprintf(tr(L, "仿真中 %s 的急救呼叫在目标时间内到达（静态估计 %s）；救护车平均使用率 %s，无车可派的概率 %s。",
			"In the simulation, %s of the calls were reached within target (static estimate %s); mean unit utilisation %s, probability that no unit was free %s."),
			estS(h.Compliance), pctS(d.Coverage.Response[0].ShareWithin.V), estS(h.Utilisation), estS(h.QueueProb)))
		for _, c := range h.CapableCentre {
			out = append(out, fmt.Sprintf(tr(L, "%s患者在 %s 分钟内到达有相应能力医院的比例：%s。", "%s patients at a capable hospital within %s minutes: %s."),
				word(c.Condition, L), minS(c.TargetMin.V), estS(c.Share)))
		}
	}
	return out
}
