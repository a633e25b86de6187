// Package calibrate fits a scenario to a 120 centre's call log: the call
// rate (county-wide, and per township against the population's expectation),
// the urban share, the 24-hour and 7-day profiles, the priority and
// condition shares and each duration (lognormal by maximum likelihood, with
// the Kolmogorov-Smirnov distance of the fit), and reports the observed
// response split into the parts 120 centres measure (受理 call handling,
// 信息传递 transfer, 出车 turnout, 道路行驶 driving).
//
// Logs come as CSV with the column names of the centre's dispatch system;
// the names that older (摘机/挂机/派车/出车/到达现场/上车/送达) and newer
// (开始受理/结束受理/收到指令/驶向现场/到达现场/病人上车/到达医院) systems
// export are built in as aliases, with the pick-up position as 接车地址经度/
// 纬度, and a small YAML maps any other name. Every row dropped is counted
// with its reason (unparsable time, times going backwards, a position far
// from the county, a filtered call type, a call that did not end normally),
// never silently.
//
// Times are minutes since the Monday 00:00 before the first call; a log of
// sim's own (calls.csv of "sim run") is read as it is, its minutes counted
// from the simulation's start, itself a Monday 00:00.
package calibrate
