package coverage

import (
	"testing"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

func ningxiangStudy(b *testing.B) *model.Study {
	b.Helper()
	s, _, err := scenario.Load("../../scenarios/ningxiang.yaml")
	if err != nil {
		b.Fatal(err)
	}
	st, err := model.Build(s, nil)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkMatrixNingxiang builds the coverage matrix of sim optimize on the
// shipped scenario: every facility (311) as a candidate, 2,052 demand
// points, rule response (one emergency search per candidate) and rule
// health (a walking and a driving search per candidate), on GOMAXPROCS
// goroutines.
func BenchmarkMatrixNingxiang(b *testing.B) {
	st := ningxiangStudy(b)
	sites := make([]int, len(st.Scenario.Facilities))
	for i := range sites {
		sites[i] = i
	}
	for _, rule := range []Rule{Response, Health} {
		b.Run(rule.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Matrix(st, sites, rule); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("key", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			MatrixKey(st, sites, Response)
		}
	})
}
