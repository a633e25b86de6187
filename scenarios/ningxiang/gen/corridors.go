package main

// The named roads, in the town order county.md gives (see README "Roads").
// A stop is a seat (Seat only), a point beside a seat (motorways pass 1.5-3.5
// km from the towns they serve: Dx, Dy in km), or a point outside the county
// towards the place the road leads to (Out).

type stopDef struct {
	Seat        string
	Dx, Dy      float64
	Out         string
	Interchange bool // motorway: ramps to the nearest main road here
}

type routeDef struct {
	Highway, Ref, Name, NameEn string
	Stops                      []stopDef
	Assumed                    string // what the facts leave open and was chosen
}

// outsideDef is a point beyond the outline: the ray from the mean of the From
// seats in direction Bearing (degrees) leaves the outline; the point lies Ext
// km further on. Roads towards Changsha run on 12-15 km as a referral stub.
type outsideDef struct {
	From    []string
	Bearing float64
	Ext     float64
	Towards string
}

func seatStop(code string) stopDef { return stopDef{Seat: code} }
func out(name string) stopDef      { return stopDef{Out: name} }
func mway(code string, dx, dy float64, ic bool) stopDef {
	return stopDef{Seat: code, Dx: dx, Dy: dy, Interchange: ic}
}

const (
	cYutan, cBaimaqiao, cLijingpu, cChengjiao                     = "430182001", "430182002", "430182003", "430182004"
	cDaolin, cHuaminglou, cDonghutang, cXiaduopu, cShuangjiangkou = "430182101", "430182102", "430182103", "430182104", "430182105"
	cMeitanba, cBatang, cHuitang, cShuangfupu, cLaoliangcang      = "430182106", "430182107", "430182109", "430182110", "430182111"
	cLiushahe, cXiangzikou, cLongtian, cHengshi, cHuilongpu       = "430182112", "430182113", "430182114", "430182116", "430182117"
	cHuangcai, cDachengqiao, cQingshanqiao, cJinzhou, cDatunying  = "430182118", "430182119", "430182120", "430182121", "430182122"
	cZifu, cJinghuapu, cYujiaao, cShatian, cWeishan               = "430182123", "430182203", "430182209", "430182213", "430182218"
)

var outside = map[string]outsideDef{
	"wangcheng_g319":  {[]string{cXiaduopu}, 75, 14, "Wangcheng District, Changsha"},
	"heshan_g319":     {[]string{cJinghuapu}, 350, 3, "Heshan District, Yiyang"},
	"yuelu_jinzhou":   {[]string{cJinzhou}, 100, 15, "Yuelu District, Changsha"},
	"loudi_s209":      {[]string{cQingshanqiao}, 235, 3, "Loudi"},
	"shaoshan_s208":   {[]string{cHuaminglou}, 205, 3, "Shaoshan"},
	"taojiang":        {[]string{cMeitanba}, 330, 3, "Taojiang County"},
	"changsha_s206":   {[]string{cXiaduopu}, 100, 12, "Yuelu District, Changsha"},
	"yuelu_s327":      {[]string{cXiaduopu}, 125, 12, "Yuelu District, Changsha"},
	"lianyuan_s311":   {[]string{cQingshanqiao}, 285, 3, "Lianyuan"},
	"xiangxiang_s311": {[]string{cQingshanqiao}, 150, 3, "Xiangxiang"},
	"s219_east":       {[]string{cHuaminglou}, 85, 4, "Yuelu District, Changsha"},
	"g5513_east":      {[]string{cJinzhou}, 60, 15, "Wangcheng District, Changsha"},
	"g5513_north":     {[]string{cJinghuapu}, 330, 4, "Heshan District, Yiyang"},
	"s50_east":        {[]string{cDaolin}, 55, 12, "Yuelu District, Changsha"},
	"s50_jinshi":      {[]string{cDonghutang, cHuitang}, 180, 3, "Jinshi, Xiangxiang (the road leaves the county)"},
	"s50_jinsou":      {[]string{cHuitang}, 200, 4, "Jinsou, Xiangxiang"},
	"shaoshan_xt":     {[]string{cDatunying}, 175, 4, "Xiangtan"},
	"g0421_north":     {[]string{cHuaminglou}, 40, 4, "Changsha (north)"},
	"g0421_south":     {[]string{cHuaminglou}, 165, 4, "Xiangtan (south)"},
	"ylh_north":       {[]string{cLiushahe}, 5, 4, "Yiyang"},
	"ylh_south":       {[]string{cLiushahe}, 195, 4, "Hengyang / Loudi"},
}

var routes = []routeDef{
	// Expressways: grade-separated, ramps only at the listed towns.
	{Highway: "motorway", Ref: "G5513", Name: "长张高速", NameEn: "Changsha–Zhangjiajie Expressway",
		Stops: []stopDef{out("g5513_east"), mway(cJinzhou, 0.8, 2.6, true), mway(cShuangjiangkou, -3.5, -1.5, true),
			mway(cChengjiao, 0, 3.6, true), mway(cJinghuapu, 1.6, -1.4, true), out("g5513_north")}},
	{Highway: "motorway", Ref: "S50", Name: "长韶娄高速", NameEn: "Changsha–Shaoshan–Loudi Expressway",
		Stops: []stopDef{out("s50_east"), mway(cDaolin, -0.5, 2.2, true), mway(cHuaminglou, 0, 2.2, true),
			mway(cDonghutang, 0.5, -2.2, true), out("s50_jinshi"), mway(cHuitang, 1.5, 1.8, true), out("s50_jinsou")},
		Assumed: "between Donghutang and Huitang it runs outside the county (via Jinshi), as the Donghutang page says"},
	{Highway: "motorway", Name: "韶山高速", NameEn: "Shaoshan Expressway",
		Stops:   []stopDef{mway(cDonghutang, 0.5, -2.2, true), mway(cDatunying, -1.8, 0.2, true), out("shaoshan_xt")},
		Assumed: "no order is given: it leaves the S50 near Donghutang and runs south-east past Datunying"},
	{Highway: "motorway", Ref: "G0421", Name: "许广高速", NameEn: "Xuchang–Guangzhou Expressway",
		Stops:   []stopDef{out("g0421_north"), mway(cHuaminglou, 3.2, 0.6, true), out("g0421_south")},
		Assumed: "only its crossing with S219 in Huaminglou is known: drawn north-east to south through it"},
	{Highway: "motorway", Name: "益娄衡高速", NameEn: "Yiyang–Loudi–Hengyang Expressway",
		Stops:   []stopDef{out("ylh_north"), mway(cLiushahe, 2.2, 0.3, true), out("ylh_south")},
		Assumed: "only 'passes Liushahe' is known: drawn north-south through it"},
	// National and provincial roads, avenues.
	{Highway: "trunk", Ref: "G319", NameEn: "G319",
		Stops: []stopDef{out("wangcheng_g319"), seatStop(cXiaduopu), seatStop(cLijingpu), seatStop(cYutan), seatStop(cChengjiao),
			seatStop(cJinghuapu), out("heshan_g319")}},
	{Highway: "primary", Name: "金洲大道", NameEn: "Jinzhou Avenue",
		Stops: []stopDef{seatStop(cYutan), seatStop(cChengjiao), seatStop(cShuangjiangkou), seatStop(cJinzhou), out("yuelu_jinzhou")}},
	{Highway: "primary", Ref: "S209", NameEn: "S209",
		Stops: []stopDef{seatStop(cYutan), seatStop(cBaimaqiao), seatStop(cShuangfupu), seatStop(cHengshi), seatStop(cLaoliangcang),
			seatStop(cLiushahe), seatStop(cQingshanqiao), out("loudi_s209")},
		Assumed: "passes Baimaqiao, whose page names it"},
	{Highway: "primary", Ref: "S208", NameEn: "S208",
		Stops: []stopDef{seatStop(cYutan), seatStop(cDonghutang), seatStop(cHuaminglou), out("shaoshan_s208")}},
	{Highway: "primary", Ref: "S327", Name: "岳宁大道", NameEn: "Yue–Ning Avenue",
		Stops:   []stopDef{out("yuelu_s327"), mway(cXiaduopu, 0.5, -2.6, false), seatStop(cYutan)},
		Assumed: "runs SE-NW through southern Xiaduopu to the seat"},
	{Highway: "secondary", Ref: "S1824", NameEn: "S1824",
		Stops: []stopDef{seatStop(cJinghuapu), seatStop(cMeitanba), out("taojiang")}},
	{Highway: "secondary", Ref: "S206", NameEn: "S206",
		Stops:   []stopDef{out("changsha_s206"), seatStop(cXiaduopu), seatStop(cHuilongpu), seatStop(cMeitanba), out("taojiang")},
		Assumed: "no order is given: Xiaduopu to Meitanba south of the seat via Huilongpu; shares S1824 to Taojiang"},
	{Highway: "secondary", Ref: "S311", NameEn: "S311",
		Stops:   []stopDef{out("lianyuan_s311"), seatStop(cQingshanqiao), out("xiangxiang_s311")},
		Assumed: "only its junction with S209 at Qingshanqiao is known: drawn west (Lianyuan) to south-east (Xiangxiang)"},
	{Highway: "secondary", Ref: "S219", NameEn: "S219",
		Stops: []stopDef{seatStop(cHuaminglou), out("s219_east")}},
	// County roads named on the town pages.
	{Highway: "tertiary", Ref: "X096", NameEn: "X096",
		Stops: []stopDef{seatStop(cLaoliangcang), seatStop(cHuitang), seatStop(cZifu), seatStop(cBatang)}},
	{Highway: "tertiary", Ref: "X093", NameEn: "X093", Stops: []stopDef{seatStop(cBatang), seatStop(cHuaminglou)}},
	{Highway: "tertiary", Ref: "X104", NameEn: "X104", Stops: []stopDef{seatStop(cXiangzikou), seatStop(cHuangcai)}},
	{Highway: "tertiary", Ref: "X107", NameEn: "X107", Stops: []stopDef{seatStop(cXiangzikou), seatStop(cWeishan)}},
	{Highway: "tertiary", Ref: "X210", NameEn: "X210", Stops: []stopDef{seatStop(cXiangzikou), seatStop(cShatian), seatStop(cLiushahe)}},
	{Highway: "tertiary", Ref: "X094", NameEn: "X094", Stops: []stopDef{seatStop(cZifu), seatStop(cShuangfupu)},
		Assumed: "the Zifu page names it without an end: drawn to Shuangfupu"},
	{Highway: "tertiary", Ref: "X098", NameEn: "X098", Stops: []stopDef{seatStop(cLaoliangcang), seatStop(cHuangcai)},
		Assumed: "the Laoliangcang page names it without an end: drawn to Huangcai"},
	{Highway: "tertiary", Ref: "X105", NameEn: "X105", Stops: []stopDef{seatStop(cLaoliangcang), seatStop(cShuangfupu)},
		Assumed: "the Laoliangcang page names it without an end: drawn to Shuangfupu"},
	{Highway: "tertiary", Ref: "X022", NameEn: "X022", Stops: []stopDef{seatStop(cXiaduopu), seatStop(cDonghutang)},
		Assumed: "the Xiaduopu page names it without an end: drawn to Donghutang"},
}

// classRank orders road classes from the most important.
var classRank = map[string]int{
	"motorway": 0, "trunk": 1, "primary": 2, "secondary": 3, "tertiary": 4,
	"unclassified": 5, "residential": 6, "motorway_link": 7,
}

// styles: vertex spacing, bend amplitude (fraction of length, cap), jitter.
var styles = map[string]style{
	"motorway":      {Spacing: 300, AmpFrac: 0.025, AmpMax: 700, Jitter: 0},
	"trunk":         {Spacing: 220, AmpFrac: 0.03, AmpMax: 800, Jitter: 12},
	"primary":       {Spacing: 220, AmpFrac: 0.035, AmpMax: 800, Jitter: 15},
	"secondary":     {Spacing: 200, AmpFrac: 0.045, AmpMax: 900, Jitter: 20},
	"tertiary":      {Spacing: 140, AmpFrac: 0.06, AmpMax: 1000, Jitter: 25},
	"unclassified":  {Spacing: 100, AmpFrac: 0.08, AmpMax: 700, Jitter: 25},
	"residential":   {Spacing: 100, AmpFrac: 0.12, AmpMax: 250, Jitter: 12},
	"motorway_link": {Spacing: 120, AmpFrac: 0.10, AmpMax: 250, Jitter: 0},
}

// hillStyle makes hill roads bendier with denser vertices.
func hillStyle(s style) style {
	s.Spacing *= 0.75
	s.AmpFrac *= 1.2
	s.Jitter *= 1.6
	s.Modes = 7
	return s
}

// hillSpeeds: slow mountain roads carry an explicit travel speed (speed_kmh)
// and a speed limit (maxspeed) by class.
var hillSpeeds = map[string][2]int{ // class -> {speed_kmh, maxspeed}
	"tertiary":     {35, 40},
	"unclassified": {25, 30},
	"residential":  {20, 30},
}
