package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// townshipSection is the per-township table: static and simulated.
func townshipSection(d *RunData, L string) Section {
	tw := d.Table("coverage/townships.csv")
	st := d.Table("sim/townships.csv")
	g := Grid{Head: []string{tr(L, "乡镇", "Township"), tr(L, "人口", "Residents"), tr(L, "静态达标", "Static within target"),
		tr(L, "静态P90（分钟）", "Static p90 (min)"), tr(L, "15分钟健康圈", "15-min circle")}, Num: []bool{false, true, true, true, true}}
	if d.Sim != nil {
		g.Head = append(g.Head, tr(L, "年呼叫量", "Calls a year"), tr(L, "仿真达标（95%置信区间）", "Simulated within target (95% CI)"))
		g.Num = append(g.Num, true, true)
	}
	for r := range tw.Rows {
		row := []string{tr(L, tw.Str(r, "township"), tw.Str(r, "township_en")), thousandsF(tw.Float(r, "population")),
			pctS(tw.Float(r, "share_within_target")), minS(tw.Float(r, "p90_response_min")), pctS(tw.Float(r, "share_health_circle"))}
		if d.Sim != nil {
			code := tw.Str(r, "township_code")
			calls, comp := "–", "–"
			for k := range st.Rows {
				if st.Str(k, "township_code") == code {
					calls = thousandsF(st.Float(k, "calls") * 365 / d.Sim.Run.Days)
					comp = estS(Est{Mean: N(st.Float(k, "compliance"), 4), Lo: N(st.Float(k, "compliance_lo"), 4), Hi: N(st.Float(k, "compliance_hi"), 4)})
				}
			}
			row = append(row, calls, comp)
		}
		g.Rows = append(g.Rows, row)
	}
	return Section{Title: tr(L, "各乡镇结果", "Results by township"), Table: g}
}

// villageSection lists the village-level units with the most residents
// outside their target.
func villageSection(d *RunData, L string) Section {
	vs := d.Table("coverage/villages.csv")
	idx := []int{}
	for r := range vs.Rows {
		if vs.Float(r, "outside_target") > 0 {
			idx = append(idx, r)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return vs.Float(idx[a], "outside_target") > vs.Float(idx[b], "outside_target") })
	const most = 30
	g := Grid{Head: []string{tr(L, "村（社区）", "Village"), tr(L, "乡镇", "Township"), tr(L, "目标外人口", "Residents outside"),
		tr(L, "平均/最长时间（分钟）", "Mean / worst (min)"), tr(L, "目标（分钟）", "Target (min)"), tr(L, "最近急救站", "Nearest base")},
		Num: []bool{false, false, true, true, true, false}}
	for k, r := range idx {
		if k == most {
			break
		}
		g.Rows = append(g.Rows, []string{tr(L, vs.Str(r, "village"), vs.Str(r, "village_en")), vs.Str(r, "township"),
			thousandsF(vs.Float(r, "outside_target")), minS(vs.Float(r, "mean_response_min")) + " / " + minS(vs.Float(r, "max_response_min")),
			minS(vs.Float(r, "target_min")), vs.Str(r, "station")})
	}
	text := []string{fmt.Sprintf(tr(L, "共 %d 个村（社区）有居民在目标时间之外；下表列出目标外人口最多的 %d 个，全部见 coverage/villages.csv。",
		"%d village-level units have residents outside their target; the %d with the most are listed, all of them in coverage/villages.csv."),
		len(idx), min(len(idx), most))}
	return Section{Title: tr(L, "目标时间之外的村（社区）", "Villages outside their target"), Text: text, Table: g}
}

// parameterSection states the assumptions the figures rest on.
func parameterSection(d *RunData, L string) Section {
	s := d.Study.Scenario
	nw := &s.Network
	g := Grid{Head: []string{tr(L, "参数", "Parameter"), tr(L, "取值", "Value")}}
	add := func(k, v string) { g.Rows = append(g.Rows, []string{k, v}) }
	n := d.Coverage.Network
	add(tr(L, "路网", "Road network"), fmt.Sprintf(tr(L, "%s 个节点，%s 条有向边，%.0f 公里", "%s nodes, %s directed edges, %.0f km"),
		thousandsF(float64(n.Nodes)), thousandsF(float64(n.Edges)), n.Km.V))
	var bands []string
	for _, b := range nw.Bands {
		bands = append(bands, fmt.Sprintf("%s ×%g", b.Name, b.Factor))
	}
	add(tr(L, "速度系数", "Speed factors"), fmt.Sprintf(tr(L, "急救 ×%g，城区 ×%g，时段：%s", "emergency ×%g, urban ×%g, bands: %s"),
		nw.EmergencyFactor, nw.UrbanFactor, strings.Join(bands, ", ")))
	var targets []string
	for _, c := range s.Targets.Classes {
		targets = append(targets, fmt.Sprintf("%s %g", word(c, L), s.Targets.ByClass[c]))
	}
	add(tr(L, "急救目标（分钟）", "Response targets (min)"), strings.Join(targets, ", "))
	add(tr(L, "静态时钟", "Static clock"), fmt.Sprintf(tr(L, "调度 %.1f + 出车 %.1f 分钟（中位数），然后急救车速行驶", "dispatch %.1f + turnout %.1f min (medians), then the drive at emergency speed"),
		model.Median(s.Simulation.DispatchDelay), model.Median(s.Simulation.Turnout)))
	var modes []string
	for _, c := range s.Targets.Classes {
		modes = append(modes, word(c, L)+" "+s.HealthCircle.Mode[c])
	}
	add(tr(L, "健康服务圈", "Health circle"), fmt.Sprintf(tr(L, "%g 分钟；%s；步行 %g 公里/小时", "%g min; %s; walking %g km/h"),
		s.HealthCircle.Minutes, strings.Join(modes, ", "), s.HealthCircle.WalkKmh))
	units, five := 0, 0
	stations := 0
	for _, f := range s.Facilities {
		units, five = units+f.Ambulances, five+f.FiveG
		if f.Ambulances > 0 {
			stations++
		}
	}
	add(tr(L, "救护车", "Ambulances"), fmt.Sprintf(tr(L, "%d 辆（其中 5G %d 辆），%d 个站点", "%d (%d 5G) at %d stations"), units, five, stations))
	sm := &s.Simulation
	add(tr(L, "呼叫率", "Call rate"), fmt.Sprintf(tr(L, "每千人每年 %g 次，人口增长系数 %g", "%g per 1,000 residents a year, growth ×%g"), sm.CallsPer1000PerYear, s.Demand.Growth))
	add(tr(L, "现场时间", "On scene"), distS(sm.OnScene))
	add(tr(L, "交接时间", "Handover"), distS(sm.Handover)+fmt.Sprintf(tr(L, "；5G ×%g", "; 5G ×%g"), sm.HandoverFactor))
	add(tr(L, "转运比例", "Conveyance"), pctS(sm.Conveyance))
	if d.Sim != nil {
		add(tr(L, "仿真", "Simulation"), fmt.Sprintf(tr(L, "%d 次重复 × %g 天（预热 %g 天），种子 %d", "%d replications × %g days (warm-up %g days), seed %d"),
			d.Sim.Run.Replications, d.Sim.Run.Days, d.Sim.Run.WarmupDays, d.Sim.Run.Seed))
	}
	return Section{Title: tr(L, "参数与假设", "Parameters and assumptions"), Table: g}
}

func manifest(d *RunData, o ReportOptions) [][2]string {
	L := o.Lang
	m := [][2]string{
		{tr(L, "情景文件", "Scenario file"), o.Scenario},
		{tr(L, "情景哈希 (sha256)", "Scenario hash (sha256)"), d.Coverage.Scenario.Hash},
		{tr(L, "sim 版本", "sim version"), o.Version},
		{tr(L, "随机种子", "Seed"), fmt.Sprint(d.Coverage.Scenario.Seed)},
	}
	if d.Sim != nil {
		m = append(m, [2]string{tr(L, "重复次数", "Replications"), fmt.Sprint(d.Sim.Run.Replications)})
	}
	for _, in := range d.Coverage.Scenario.Inputs {
		m = append(m, [2]string{in.Role + ": " + in.Path, in.SHA256})
	}
	m = append(m, [2]string{tr(L, "生成时间", "Made"), o.Created.Format("2006-01-02 15:04:05 MST")})
	return m
}

// distS describes a duration distribution in minutes.
func distS(d scenario.Dist) string {
	switch d.Kind {
	case "fixed":
		return fmt.Sprintf("%g min", d.Value)
	case "exponential":
		return fmt.Sprintf("exponential, mean %g min", d.Mean)
	case "lognormal", "gamma":
		if d.P90 > 0 {
			return fmt.Sprintf("%s, median %g, p90 %g min", d.Kind, d.Median, d.P90)
		}
		if d.Shape > 0 {
			return fmt.Sprintf("%s, shape %g, scale %g min", d.Kind, d.Shape, d.Scale)
		}
		return fmt.Sprintf("%s, mean %g, sd %g min", d.Kind, d.Mean, d.SD)
	}
	return d.Kind
}
