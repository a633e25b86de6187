package main

import (
	"bytes"
	"math"
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
