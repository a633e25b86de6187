package report

// words are the fixed texts of figures and reports, Chinese and English.
var words = map[string][2]string{
	"map_coverage":              {"急救站静态覆盖：到达患者时间", "Static coverage: time to reach a patient from the nearest base"},
	"map_health_circle":         {"15分钟健康服务圈", "15-minute health-service circle"},
	"map_compliance":            {"各乡镇急救反应达标率（仿真）", "Calls reached within target, by township (simulation)"},
	"map_utilisation":           {"各急救站救护车使用率（仿真）", "Ambulance utilisation by station (simulation)"},
	"chart_response_cdf":        {"急救反应时间累计分布（仿真）", "Response time, cumulative distribution (simulation)"},
	"chart_response_hist":       {"急救反应时间分布（仿真，第1次重复）", "Response time distribution (simulation, first replication)"},
	"chart_township_compliance": {"各乡镇达标率（仿真，由低到高）", "Share of calls within target by township (simulation), worst first"},
	"chart_static_townships":    {"各乡镇静态覆盖率（由低到高）", "Residents within target by township (static), worst first"},
	"chart_hourly":              {"各时段呼叫量与在用救护车（仿真）", "Calls by hour of day and units busy (simulation)"},
	"chart_utilisation":         {"各救护车使用率（仿真）", "Utilisation per ambulance (simulation)"},
	"chart_treatment":           {"呼叫至开始救治时间：5G与常规救护车", "Call to treatment: 5G and conventional ambulances"},
	"urban":                     {"城区", "urban"},
	"rural":                     {"乡村", "rural"},
	"seed":                      {"种子", "seed"},
	"replications":              {"次重复", "replications"},
	"days":                      {"天", "days"},
	"share_within":              {"达标率", "Share within target"},
	"share_residents":           {"目标内人口比例", "Share of residents within target"},
	"utilisation":               {"使用率", "Utilisation"},
	"all_calls":                 {"全部", "all"},
	"five_g":                    {"5G救护车", "5G ambulances"},
	"conventional":              {"常规救护车", "conventional ambulances"},
	"chest_pain":                {"胸痛", "chest pain"},
	"stroke":                    {"卒中", "stroke"},
	"trauma":                    {"创伤", "trauma"},
	"maternal":                  {"孕产妇", "maternal"},
	"neonatal":                  {"新生儿", "neonatal"},
	"other":                     {"其他", "other"},
}

// word returns the text of key in lang ("zh" or "en"); an unknown key is
// returned as it is (e.g. a zone class the scenario named itself).
func word(key, lang string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return w[1]
	}
	return w[0]
}

// both returns the Chinese and English texts of key, for figures that pick
// by font (Name, NameEn).
func both(key string) (string, string) { return word(key, "zh"), word(key, "en") }
