package main

import (
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkCoverageNingxiang is `sim coverage scenarios/ningxiang.yaml
// --no-figures` end to end: load, network, snapping, static coverage and
// the files written (issue 3's "under 2 seconds").
func BenchmarkCoverageNingxiang(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if code := run([]string{"coverage", ningxiang, "--no-figures", "--out", out}, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkRunNingxiang is `sim run scenarios/ningxiang.yaml --no-figures`:
// the scenario's 20 replications of a year on all cores, plus coverage and
// files.
func BenchmarkRunNingxiang(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if code := run([]string{"run", ningxiang, "--no-figures", "--out", out}, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
