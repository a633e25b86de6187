package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/scenario"
)

// knownScenario extends the tiny study with parameters the calibration must
// recover: a call rate, a day/night profile, priority shares and lognormal
// durations (one simulated year, about 4,000 calls).
const knownScenario = `extends: %s
seed: 11
simulation:
  days: 365
  warmup_days: 0
  replications: 1
  calls_per_1000_per_year: 2000
  hourly_profile: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5]
  priorities: [{name: P1, share: 0.3}, {name: P2, share: 0.5}, {name: P3, share: 0.2}]
  five_g: {handover_factor: 1}
  durations:
    dispatch_delay: {dist: lognormal, median: 2, p90: 4}
    turnout: {dist: lognormal, median: 1.5, p90: 3}
    on_scene: {dist: lognormal, median: 12, p90: 25}
    handover: {dist: lognormal, median: 10, p90: 20}
`

// TestCalibrateRecovers simulates a year with known parameters, then fits
// the log sim wrote: the rate's interval holds the true rate, the profile
// its two levels, each priority's interval its share, and each duration's
// median and p90 come within 6% of the truth; the fragment it writes loads.
func TestCalibrateRecovers(t *testing.T) {
	dir := t.TempDir()
	tiny, _ := filepath.Abs("../../sim/model/testdata/tiny/tiny.yaml")
	scen := filepath.Join(dir, "known.yaml")
	os.WriteFile(scen, []byte(strings.Replace(knownScenario, "%s", tiny, 1)), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", scen, "--out", filepath.Join(dir, "run"), "--no-figures"}, &stdout, &stderr); code != 0 {
		t.Fatalf("sim run: %d %s", code, stderr.String())
	}
	out := filepath.Join(dir, "fit")
	if code := run([]string{"calibrate", filepath.Join(dir, "run", "sim", "calls.csv"), "--scenario", scen, "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("sim calibrate: %d %s", code, stderr.String())
	}
	raw, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sum struct {
		Calls int
		Rate  struct {
			Value float64
			CI95  []float64
		} `json:"calls_per_1000_per_year"`
		Hourly     []float64 `json:"hourly_profile"`
		Priorities []struct {
			Name  string
			Share float64
			CI95  []float64
		}
		Durations []struct {
			Name        string
			N           int
			Median, P90 float64
		}
	}
	if err := json.Unmarshal(raw, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Calls < 3500 || sum.Rate.CI95[0] > 2000 || sum.Rate.CI95[1] < 2000 {
		t.Errorf("%d calls, rate %g (CI %v): want the interval to hold 2,000", sum.Calls, sum.Rate.Value, sum.Rate.CI95)
	}
	for h, v := range sum.Hourly {
		if want := map[bool]float64{true: 0.5, false: 1.5}[h < 12]; math.Abs(v-want) > 0.2 {
			t.Errorf("hour %d: %.2f, want about %.1f", h, v, want)
		}
	}
	truth := map[string]float64{"P1": 0.3, "P2": 0.5, "P3": 0.2}
	for _, p := range sum.Priorities {
		if p.CI95[0] > truth[p.Name] || p.CI95[1] < truth[p.Name] {
			t.Errorf("%s: share %.3f (CI %v), truth %g", p.Name, p.Share, p.CI95, truth[p.Name])
		}
	}
	want := map[string][2]float64{"dispatch_delay": {2, 4}, "turnout": {1.5, 3}, "on_scene": {12, 25}, "handover": {10, 20}}
	for _, d := range sum.Durations {
		w, ok := want[d.Name]
		if !ok {
			continue
		}
		if math.Abs(d.Median/w[0]-1) > 0.06 || math.Abs(d.P90/w[1]-1) > 0.06 {
			t.Errorf("%s (n %d): median %.2f, p90 %.2f; truth %g, %g", d.Name, d.N, d.Median, d.P90, w[0], w[1])
		}
	}
	bt, err := os.ReadFile(filepath.Join(out, "backtest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if first := strings.Split(string(bt), "\n")[1]; !strings.HasPrefix(first, "all,") || !strings.HasSuffix(first, ",false") {
		t.Errorf("the back-test of a log against its own scenario disagrees: %s", first)
	}
	s, ps, err := scenario.Load(filepath.Join(out, "fit.yaml"))
	if err != nil || len(ps.Errors()) > 0 {
		t.Fatalf("fit.yaml does not load: %v %v", err, ps.Err())
	}
	if math.Abs(s.Simulation.CallsPer1000PerYear-sum.Rate.Value) > 1e-3 || math.Abs(s.Simulation.DispatchDelay.Median-2) > 0.12 {
		t.Errorf("fit.yaml: rate %g, dispatch delay median %g", s.Simulation.CallsPer1000PerYear, s.Simulation.DispatchDelay.Median)
	}
}

// TestCalibrateBadRows reads a log in a newer 120 system's format (Chinese
// headers) whose bad rows are each counted under their reason with their
// line; a log without a received-time column is an error naming it.
func TestCalibrateBadRows(t *testing.T) {
	dir := t.TempDir()
	log := "呼救类型,是否正常结束,开始受理时间,收到指令时间,驶向现场时间,到达现场时间,病人上车时间,到达医院时间,接车地址经度,接车地址纬度,病情分级\n" +
		"急救,是,2026-01-05 08:00:00,2026-01-05 08:01:30,2026-01-05 08:02:30,2026-01-05 08:10:00,2026-01-05 08:25:00,2026-01-05 08:40:00,112.02,28.00,P1\n" +
		"急救,是,2026-01-05 09:00:00,2026-01-05 09:01:00,2026-01-05 08:59:00,2026-01-05 09:10:00,,,112.02,28.00,P2\n" + // line 3: backwards
		"急救,是,2026-01-05 10:00:00,yesterday,,,,,112.02,28.00,P2\n" + // line 4: unparsable
		"急救,是,2026-01-05 11:00:00,,,,,,114.50,28.00,P2\n" + // line 5: 240 km east
		"咨询,是,2026-01-05 12:00:00,,,,,,112.02,28.00,P3\n" + // line 6: call type
		"急救,否,2026-01-05 13:00:00,,,,,,112.02,28.00,P3\n" + // line 7: abnormal end
		"急救,是,2026/1/6 14:00,2026/1/6 14:02,,,,,112.06,28.00,P2\n"
	os.WriteFile(filepath.Join(dir, "log.csv"), []byte(log), 0o644)
	var stdout, stderr bytes.Buffer
	code := run([]string{"calibrate", filepath.Join(dir, "log.csv"), "--scenario", "../../sim/model/testdata/tiny/tiny.yaml",
		"--call-types", "急救", "--out", filepath.Join(dir, "fit")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"7 rows, 2 calls kept", "time goes backwards: 驶向现场时间 before 收到指令时间 (line 3)",
		"unparsable time in 收到指令时间 (line 4)", "position far from the study area (line 5)", "call type not kept (咨询) (line 6)",
		"did not end normally (是否正常结束 = 否) (line 7)"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	os.WriteFile(filepath.Join(dir, "nohead.csv"), []byte("time,lon,lat\n1,112,28\n"), 0o644)
	code = run([]string{"calibrate", filepath.Join(dir, "nohead.csv"), "--scenario", "../../sim/model/testdata/tiny/tiny.yaml", "--out", filepath.Join(dir, "x")}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "nohead.csv: line 1: no call-received time column") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// TestCalibrateSpeeds simulates a year at emergency factor 1.25 and
// calibrates the log against the same study at 1.0: the drives come out
// 1.25 times faster than that network says, for every class, and
// --apply-speeds writes the emergency factor back as 1.25.
func TestCalibrateSpeeds(t *testing.T) {
	dir := t.TempDir()
	tiny, _ := filepath.Abs("../../sim/model/testdata/tiny/tiny.yaml")
	scen := filepath.Join(dir, "known.yaml")
	os.WriteFile(scen, []byte(strings.Replace(knownScenario, "%s", tiny, 1)), 0o644)
	slow := filepath.Join(dir, "slow.yaml")
	os.WriteFile(slow, []byte("extends: "+scen+"\nchanges: {emergency_factor: 1.0}\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", scen, "--out", filepath.Join(dir, "run"), "--no-figures"}, &stdout, &stderr); code != 0 {
		t.Fatalf("sim run: %d %s", code, stderr.String())
	}
	out := filepath.Join(dir, "fit")
	if code := run([]string{"calibrate", filepath.Join(dir, "run", "sim", "calls.csv"), "--scenario", slow, "--out", out,
		"--apply-speeds", "--backtest-replications", "0"}, &stdout, &stderr); code != 0 {
		t.Fatalf("sim calibrate: %d %s", code, stderr.String())
	}
	raw, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	var sum struct {
		Speed struct {
			Drives  int
			Overall float64
			ByClass []struct {
				Class  string
				Factor float64
				CI95   []float64
			} `json:"by_class"`
		} `json:"speed_correction"`
	}
	if err := json.Unmarshal(raw, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Speed.Drives < 1000 || math.Abs(sum.Speed.Overall-1.25) > 0.02 {
		t.Errorf("%d drives, overall factor %.3f, want 1.25", sum.Speed.Drives, sum.Speed.Overall)
	}
	for _, c := range sum.Speed.ByClass {
		if math.Abs(c.Factor-1.25) > 0.03 {
			t.Errorf("%s: factor %.3f (CI %v), want 1.25", c.Class, c.Factor, c.CI95)
		}
	}
	s, ps, err := scenario.Load(filepath.Join(out, "fit.yaml"))
	if err != nil || len(ps.Errors()) > 0 {
		t.Fatalf("fit.yaml: %v %v", err, ps.Err())
	}
	if math.Abs(s.Network.EmergencyFactor-1.25) > 0.02 {
		t.Errorf("fit.yaml's emergency factor %.3f, want 1.25", s.Network.EmergencyFactor)
	}
}
