package calibrate

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The fields a log may give, in the order of a call's life.
const (
	Received   = "received"    // call received (摘机, 开始受理)
	Handled    = "handled"     // call handling ends (挂机, 结束受理)
	Dispatched = "dispatched"  // unit assigned (派车, 收到指令)
	EnRoute    = "en_route"    // wheels rolling (出车, 驶向现场)
	AtScene    = "at_scene"    // unit at the patient (到达现场)
	LeftScene  = "left_scene"  // patient on board, leaving (上车, 病人上车)
	AtHospital = "at_hospital" // at hospital (送达, 到达医院)
	Clear      = "clear"       // unit free again (任务完成)
)

// timeFields are the time fields in the order a call passes them.
var timeFields = []string{Received, Handled, Dispatched, EnRoute, AtScene, LeftScene, AtHospital, Clear}

// aliases are the column names each field may have, sim's own first, then
// the names 120 centres' systems export (old and new versions).
var aliases = map[string][]string{
	Received:      {"received", "received_min", "received_time", "开始受理时间", "开始受理", "摘机时间", "摘机", "受理时间", "呼入时间", "来电时间"},
	Handled:       {"handled", "handled_min", "结束受理时间", "结束受理", "挂机时间", "挂机"},
	Dispatched:    {"dispatched", "dispatched_min", "收到指令时间", "收到指令", "派车时间", "派车"},
	EnRoute:       {"en_route", "en_route_min", "驶向现场时间", "驶向现场", "出车时间", "出车"},
	AtScene:       {"at_scene", "on_scene_min", "到达现场时间", "到达现场"},
	LeftScene:     {"left_scene", "left_scene_min", "病人上车时间", "病人上车", "上车时间", "上车", "离开现场时间"},
	AtHospital:    {"at_hospital", "at_hospital_min", "到达医院时间", "到达医院", "送达医院时间", "送达时间", "送达"},
	Clear:         {"clear", "handover_done_min", "任务完成时间", "完成时间", "返回时间"},
	"lon":         {"lon", "longitude", "接车地址经度", "经度"},
	"lat":         {"lat", "latitude", "接车地址纬度", "纬度"},
	"township":    {"township_code", "township", "乡镇代码", "乡镇", "所属乡镇", "乡镇（街道）"},
	"priority":    {"priority", "病情分级", "分级", "优先级", "急救级别"},
	"condition":   {"condition", "疾病类型", "病种", "疾病分类", "初步诊断"},
	"call_type":   {"call_type", "呼救类型", "呼叫类型"},
	"normal_end":  {"normal_end", "是否正常结束"},
	"replication": {"replication"},
	"wait":        {"wait_min", "等车时间", "等待派车时长"},
	"station":     {"station_id", "station", "分站", "急救站", "出车站点", "站点"},
}

// Columns maps each field to its column index in the log (-1: absent).
type Columns map[string]int

// ReadMapping reads a YAML file of field: column name pairs, for a log
// whose names are not among the built-in aliases:
//
//	received: 接警时间
//	lon: 现场经度
func ReadMapping(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string]string
	if err := yaml.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for k := range m {
		if _, ok := aliases[k]; !ok {
			return nil, fmt.Errorf("%s: %q is not a log field (the fields: %s)", path, k, strings.Join(fieldNames(), ", "))
		}
	}
	return m, nil
}

func fieldNames() []string {
	var out []string
	for k := range aliases {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// resolve finds each field's column in the header: the mapping first, then
// the aliases in order. A mapped name not in the header is an error.
func resolve(header []string, mapping map[string]string, file string) (Columns, error) {
	at := map[string]int{}
	for i, h := range header {
		at[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	cols := Columns{}
	for f, names := range aliases {
		cols[f] = -1
		if m, ok := mapping[f]; ok {
			i, ok := at[m]
			if !ok {
				return nil, fmt.Errorf("%s: line 1: no column %q (mapped to %s)", file, m, f)
			}
			cols[f] = i
			continue
		}
		for _, n := range names {
			if i, ok := at[n]; ok {
				cols[f] = i
				break
			}
		}
	}
	if cols[Received] < 0 {
		return nil, fmt.Errorf("%s: line 1: no call-received time column (tried %s; map yours with --columns)", file, strings.Join(aliases[Received], ", "))
	}
	if (cols["lon"] < 0 || cols["lat"] < 0) && cols["township"] < 0 {
		return nil, fmt.Errorf("%s: line 1: no position: want lon and lat (e.g. 接车地址经度, 接车地址纬度) or a township column", file)
	}
	return cols, nil
}
