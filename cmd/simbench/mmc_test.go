package main

import (
	"bytes"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestErlangC: c=1 is M/M/1: P(wait) = rho, Wq = rho/(mu-lam).
func TestErlangC(t *testing.T) {
	pw, wq := erlangC(1, 0.5, 1)
	if math.Abs(pw-0.5) > 1e-12 || math.Abs(wq-1) > 1e-12 {
		t.Errorf("got %g %g, want 0.5 1", pw, wq)
	}
}

// TestMMCEngineOnly runs the engine side on 60,000 calls and checks that it
// lands near Erlang C (P(wait) 0.4092 for lam 8, mu 1, c 10).
func TestMMCEngineOnly(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"mmc", "--calls", "60000", "--runs", "1", "--no-peer"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	m := regexp.MustCompile(`measured: mean_wait_min=\S+ P\(wait>0\)=(\S+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("output %q", out.String())
	}
	pw, _ := strconv.ParseFloat(m[1], 64)
	if math.Abs(pw-0.4092) > 0.05 {
		t.Errorf("P(wait) = %g, want about 0.409", pw)
	}
	if code := run([]string{"mmc", "--lam", "20"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "lam < c*mu") {
		t.Errorf("unstable queue accepted: exit %d, %s", code, errb.String())
	}
}

// TestSpreadAndFields: the medians, spreads and fields the table is built from.
func TestSpreadAndFields(t *testing.T) {
	ts := []timing{{calls: 100, wall: 1, cpu: 0.5}, {calls: 100, wall: 4, cpu: 2}, {calls: 100, wall: 2, cpu: 1}}
	s := spreadOf(ts, timing.wallRate)
	if s.med != 50 || s.lo != 25 || s.hi != 100 {
		t.Errorf("wall rate spread %+v, want median 50, 25 to 100", s)
	}
	if s := spreadOf(ts[:2], timing.cpuRate); s.med != 125 { // even count: mean of the middle two
		t.Errorf("cpu median %g, want 125", s.med)
	}
	if got := thousands(2928482.4); got != "2,928,482" {
		t.Errorf("thousands = %q", got)
	}
	if got := thousands(999); got != "999" {
		t.Errorf("thousands = %q", got)
	}
	line := "peer=simpy-3.0.11 calls=200000 measured: P(wait>0)=0.4073 wall_s=2.5 calls_per_s=80000\ncpu_s=2.25\n"
	for key, want := range map[string]float64{"calls": 200000, "P(wait>0)": 0.4073, "wall_s": 2.5, "cpu_s": 2.25} {
		if got, ok := field(line, key); !ok || got != want {
			t.Errorf("field %s = %v %v, want %v", key, got, ok, want)
		}
	}
	if _, ok := field(line, "nodes"); ok {
		t.Error("a missing field was found")
	}
}

// TestMMCWithSimPy runs two interleaved rounds against the SimPy peer, where
// Debian's python3-simpy3 is installed, and checks that both sides were
// timed in wall and CPU seconds and the ratios printed.
func TestMMCWithSimPy(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import simpy").Run(); err != nil {
		t.Skip("SimPy is not installed for /usr/bin/python3 (apt-get install python3-simpy3)")
	}
	if _, err := peersDir(""); err != nil {
		t.Skip(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"mmc", "--calls", "30000", "--warmup", "2000", "--runs", "2"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"peer=simpy", "round", "\n1 ", "\n2 ", "SimPy calls/s wall median", "x CPU (rounds "} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "not measured") || strings.Contains(s, "NaN") {
		t.Errorf("a time was not measured:\n%s", s)
	}
}
