package figures

import "fmt"

// Lang is the language of the fixed words in a figure (titles the package
// makes, axis labels, legend entries).
type Lang string

// The supported languages.
const (
	LangZH Lang = "zh"
	LangEN Lang = "en"
)

// ParseLang returns the Lang named by s ("zh" or "en"; "" gives zh).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "zh", "zh-CN", "zh_CN", "cn":
		return LangZH, nil
	case "en", "en-GB", "en-US":
		return LangEN, nil
	}
	return "", fmt.Errorf("figures: unknown language %q (want zh or en)", s)
}

// word identifies one fixed UI string.
type word int

const (
	wMin word = iota
	wMotorway
	wMainRoad
	wMinorRoad
	wUrbanZone
	wRuralZone
	wStation
	wFiveGUnits
	wOutsideTarget
	wWithinCircle
	wOutsideCircle
	wNoData
	wMoreNotLabelled
	wKm
	wShareMeeting
	wUtilisation
	wCumShare
	wResponseTime
	wCallsPerHour
	wUnitsBusy
	wHourOfDay
	wTimeToTreatment
	wGained
	wLost
	wUnchanged
	wBoxNote
	wCI
	wFacilities
	wTownshipSeat
	wPopScale
	wTimeFromBase
	wShareNote
	wSites
	wRoadsZones
	wCircleHeader
	wUncoveredLabelled
	wSep
	wCallsSize
	wUtilSize
	wPeople
	wChange
	wSignifNote
	wCallsPerBin
	wNCalls
	wOverflow
	wFleet
	wColon
	wPP
	nWords
)

// words holds every fixed string: [zh, en].
var words = [nWords][2]string{
	wMin:               {"分钟", "min"},
	wMotorway:          {"高速公路", "Motorway"},
	wMainRoad:          {"国道/省道", "Trunk / primary"},
	wMinorRoad:         {"县乡道路", "Other roads"},
	wUrbanZone:         {"城区", "Urban area"},
	wRuralZone:         {"乡村", "Rural area"},
	wStation:           {"急救站（数字为车辆数）", "Station (number = ambulances)"},
	wFiveGUnits:        {"含5G救护车", "with 5G ambulances"},
	wOutsideTarget:     {"超出目标时间的村", "Villages outside target"},
	wWithinCircle:      {"%s分钟内", "Within %s min"},
	wOutsideCircle:     {"超过%s分钟", "Over %s min"},
	wCircleHeader:      {"%s分钟健康服务圈（人口）", "%s-minute health circle (population)"},
	wUncoveredLabelled: {"已标注圈外村 %d 个", "%d villages outside labelled"},
	wNoData:            {"无数据", "no data"},
	wMoreNotLabelled:   {"另有 %d 处未标注", "+%d more not labelled"},
	wKm:                {"公里", "km"},
	wShareMeeting:      {"达标呼叫比例", "Share of calls meeting target"},
	wUtilisation:       {"车辆利用率", "Unit utilisation"},
	wCumShare:          {"累计呼叫比例", "Cumulative share of calls"},
	wResponseTime:      {"反应时间（分钟）", "Response time (minutes)"},
	wCallsPerHour:      {"每小时呼叫数", "Calls per hour"},
	wUnitsBusy:         {"忙碌车辆数", "Units busy"},
	wHourOfDay:         {"时段（时）", "Hour of day"},
	wTimeToTreatment:   {"开始救治时间（分钟）", "Time to treatment (minutes)"},
	wGained:            {"新进入目标圈", "Now within target"},
	wLost:              {"退出目标圈", "No longer within target"},
	wUnchanged:         {"无变化", "Unchanged"},
	wBoxNote:           {"箱体：四分位数；须：P10–P90；线：中位数", "Box: quartiles; whiskers: P10-P90; line: median"},
	wCI:                {"95%置信区间", "95% CI"},
	wFacilities:        {"医疗机构与地点", "Facilities and places"},
	wTownshipSeat:      {"乡镇驻地", "Township seat"},
	wPopScale:          {"人口（点大小）", "Population (marker size)"},
	wTimeFromBase:      {"距最近急救站时间（分钟）", "Time from nearest base (min)"},
	wShareNote:         {"百分比为人口占比", "Percentages: share of population"},
	wRoadsZones:        {"道路与分区", "Roads and zones"},
	wSep:               {"；", "; "},
	wCallsSize:         {"呼叫数（符号大小）", "Calls (symbol size)"},
	wUtilSize:          {"利用率（符号大小）", "Utilisation (symbol size)"},
	wPeople:            {"人", "people"},
	wChange:            {"目标圈变化（方案对比基线）", "Change against the baseline"},
	wSignifNote:        {"标注：达标率变化显著的乡镇（百分点）", "Labelled: townships whose compliance changed significantly (pp)"},
	wCallsPerBin:       {"呼叫数（每%s分钟）", "Calls per %s min"},
	wNCalls:            {"呼叫 %s 次", "%s calls"},
	wOverflow:          {"%s 次超过 %s 分钟（未画出）", "%s above %s min (not shown)"},
	wFleet:             {"车队规模", "Fleet size"},
	wColon:             {"：", ": "},
	wPP:                {"个百分点", " pp"},
	wSites:             {"站点与医疗机构", "Stations and hospitals"},
}

// tr returns w in lang (English for anything but LangZH).
func tr(lang Lang, w word) string {
	if lang == LangZH {
		return words[w][0]
	}
	return words[w][1]
}
