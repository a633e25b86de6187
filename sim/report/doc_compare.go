package report

import (
	"fmt"
	"math"
	"strings"
)

// compareSections are the comparison's part of the report: for each
// variant, the headline differences with their paired intervals, the exact
// static differences, and the townships that changed significantly.
func compareSections(d *RunData, L string) []Section {
	if d.Compare == nil {
		return nil
	}
	var out []Section
	for _, v := range d.Compare.Variants {
		g := Grid{Head: []string{tr(L, "指标", "Figure"), tr(L, "现状", "Baseline"), tr(L, "方案", "Variant"),
			tr(L, "差值（95%置信区间）", "Difference (95% CI)"), tr(L, "结论", "Verdict")}, Num: []bool{false, true, true, true, false}}
		for _, x := range append(append([]DiffJSON(nil), v.Static...), v.Dynamic...) {
			if x.By == "township" || x.By == "priority" || x.By == "kind" {
				continue
			}
			g.Rows = append(g.Rows, []string{diffName(x, L), x.Value(x.Baseline), x.Value(x.Variant), x.Diff(), x.Verdict(L)})
		}
		text := []string{tr(L, "仿真指标为同一批呼叫（共同随机数）下逐次重复配对的差值；静态指标为精确差值。",
			"Simulated figures: differences paired replication by replication on the same calls (common random numbers); static figures: exact differences.")}
		var tw []string
		for _, t := range v.Significant {
			tw = append(tw, fmt.Sprintf("%s %s", t.Name, t.Diff()))
		}
		if len(tw) > 0 {
			text = append(text, tr(L, "达标率显著变化的乡镇：", "Townships whose compliance changed significantly: ")+strings.Join(tw, tr(L, "；", "; ")))
		} else {
			text = append(text, tr(L, "没有乡镇的达标率发生显著变化。", "No township's compliance changed significantly."))
		}
		out = append(out, Section{Title: tr(L, "方案对比：", "Compared with the baseline: ") + tr(L, v.Title, v.TitleEn), Text: text, Table: g})
	}
	return out
}

func diffName(x DiffJSON, L string) string {
	names := map[string][2]string{
		"static_within_target": {"静态达标人口比例", "residents within target (static)"},
		"static_health_circle": {"15分钟健康圈人口比例", "residents within the health circle (static)"},
		"compliance":           {"达标呼叫比例", "calls within target"},
		"response_mean":        {"平均反应时间", "mean response"},
		"response_p90":         {"P90反应时间", "p90 response"},
		"treatment_mean":       {"平均开始救治时间", "mean time to treatment"},
		"utilisation":          {"救护车使用率", "unit utilisation"},
		"queue_prob":           {"无车可派概率", "P(no unit free)"},
		"mean_wait":            {"平均等车时间", "mean wait"},
		"lost_share":           {"转出呼叫比例", "calls handed over"},
		"capable_centre":       {"到达有能力医院比例", "at a capable centre in time"},
	}
	n := x.Key
	if w, ok := names[x.Key]; ok {
		n = tr(L, w[0], w[1])
	}
	if x.Name != "" {
		sub := word(x.Name, L)
		if x.By == "kind" {
			sub = word(map[string]string{"5g": "five_g", "conventional": "conventional"}[x.Name], L)
		}
		n += " · " + sub
	}
	return n
}

// Value formats a value of a comparison in its unit: a share in %, a time
// in minutes, "–" when undefined.
func (x DiffJSON) Value(v Num) string {
	if x.Unit == "share" {
		return pctS(v.V)
	}
	return minS(v.V)
}

// Diff formats the difference: percentage points for shares, minutes for
// times, with its interval unless exact.
func (x DiffJSON) Diff() string {
	f := func(v float64) string {
		if math.IsNaN(v) {
			return "–"
		}
		if x.Unit == "share" {
			return fmt.Sprintf("%+.2f", 100*v)
		}
		return fmt.Sprintf("%+.2f", v)
	}
	unit := map[string]string{"share": " pts", "min": " min"}[x.Unit]
	if x.Exact {
		return f(x.Difference.V) + unit + " (exact)"
	}
	return fmt.Sprintf("%s%s (%s to %s)", f(x.Difference.V), unit, f(x.Lo.V), f(x.Hi.V))
}

// Verdict says whether the difference is significant, in lang.
func (x DiffJSON) Verdict(lang string) string {
	switch {
	case x.Exact && x.Difference.V == 0:
		return tr(lang, "无变化", "no change")
	case x.Exact:
		return tr(lang, "精确值", "exact")
	case math.IsNaN(x.Lo.V):
		return "–"
	case x.Significant:
		return tr(lang, "显著", "significant")
	case x.Identical:
		return tr(lang, "每次重复都相同", "identical in every replication")
	}
	return tr(lang, "不显著", "not significant")
}
