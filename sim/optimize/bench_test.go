package optimize

import (
	"fmt"
	"testing"
)

// The synthetic county of BENCHMARKS.md: 10,000 demand points, 500
// candidate sites, seed 1.
func benchCounty(b *testing.B) Problem {
	b.Helper()
	return syntheticCounty(1, 10000, 500)
}

func report(b *testing.B, r *Result) {
	b.ReportMetric(100*r.Gap, "gap_%")
	b.ReportMetric(r.Objective, "objective")
	b.ReportMetric(r.Bound, "bound")
	b.ReportMetric(float64(r.Iterations), "iterations")
	b.ReportMetric(float64(r.Nodes), "nodes")
}

// BenchmarkMCLPSynthetic times the target: from the time matrix to
// the best solution and its proven gap, p = 42. "gap0.5" stops once the gap
// is at most 0.5%; "root" runs the full root node (1,500 subgradient
// iterations) without branching.
func BenchmarkMCLPSynthetic(b *testing.B) {
	p := benchCounty(b)
	for _, c := range []struct {
		name string
		opt  Options
	}{
		{"gap0.5", Options{GapTolerance: 0.005}},
		{"root", Options{MaxNodes: -1}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var r *Result
			for b.Loop() {
				in, err := NewInstance(p)
				if err != nil {
					b.Fatal(err)
				}
				if r, err = MCLP(in, 42, c.opt); err != nil {
					b.Fatal(err)
				}
			}
			report(b, r)
		})
	}
}

// BenchmarkMEXCLPSynthetic places 47 units with busy fraction 0.3 on the
// same county.
func BenchmarkMEXCLPSynthetic(b *testing.B) {
	in, err := NewInstance(benchCounty(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var r *Result
	for b.Loop() {
		if r, err = MEXCLP(in, Expected{Units: 47, Busy: 0.3}, Options{GapTolerance: 0.005}); err != nil {
			b.Fatal(err)
		}
	}
	report(b, r)
}

// BenchmarkPMedianSynthetic and BenchmarkPCenterSynthetic use a 2,000-point
// county with 200 candidates (seed 1), p = 20.
func BenchmarkPMedianSynthetic(b *testing.B) {
	in, err := NewInstance(syntheticCounty(1, 2000, 200))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var r *Result
	for b.Loop() {
		if r, err = PMedian(in, 20, Options{GapTolerance: 0.005}); err != nil {
			b.Fatal(err)
		}
	}
	report(b, r)
}

func BenchmarkPCenterSynthetic(b *testing.B) {
	in, err := NewInstance(syntheticCounty(1, 2000, 200))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var r *Result
	for b.Loop() {
		if r, err = PCenter(in, 20, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	report(b, r)
}

func BenchmarkLSCPSynthetic(b *testing.B) {
	in, err := NewInstance(benchCounty(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var r *Result
	for b.Loop() {
		if r, err = LSCP(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	report(b, r)
}

// BenchmarkPMedianORLibrary solves pmed1-pmed5 to proven optimality.
func BenchmarkPMedianORLibrary(b *testing.B) {
	for k := 1; k <= 5; k++ {
		name := fmt.Sprintf("pmed%d", k)
		b.Run(name, func(b *testing.B) {
			in, p := pmedInstance(b, name)
			b.ReportAllocs()
			var r *Result
			var err error
			for b.Loop() {
				if r, err = PMedian(in, p, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			report(b, r)
		})
	}
}
