package sim_test

import (
	"math"
	"testing"

	"github.com/emsplan/sim/sim"
)

// The mean of the replications' CDFs at a class's target is the class's
// compliance estimate (when every priority has the class's target), and the
// histograms count every measured call.
func TestHistogramMatchesCompliance(t *testing.T) {
	s := newSynth(t, 12, 6, false, 60)
	for c := range s.model.Targets {
		for k := range s.model.Targets[c] {
			s.model.Targets[c][k] = s.model.Targets[c][0]
		}
	}
	res, err := sim.Run(s.model, s.grid, sim.Config{Replications: 4, Seed: 5, KeepCalls: -1})
	if err != nil {
		t.Fatal(err)
	}
	est := map[int]sim.Estimate{}
	for _, e := range res.Summary() {
		if e.Key == sim.FigCompliance && e.By == "class" {
			est[e.Index] = e
		}
	}
	for c := range s.model.Classes {
		target := s.model.Targets[c][0]
		got := sim.MeanCDF(res.Reps, c, target)
		if math.Abs(got-est[c].Mean) > 1e-12 {
			t.Errorf("class %d: mean CDF at the target %v, compliance %v", c, got, est[c].Mean)
		}
		// A direct count over the kept calls of replication 0.
		n, within := 0, 0
		for _, call := range res.Calls[0] {
			if int(call.Class) == c {
				n++
				if call.Met() {
					within++
				}
			}
		}
		h := res.Reps[0].ResponseHist[c]
		if h.N() != n || math.Abs(h.CDF(target)-float64(within)/float64(n)) > 1e-12 {
			t.Errorf("class %d: histogram of %d calls, CDF %v; direct count %d of %d", c, h.N(), h.CDF(target), within, n)
		}
	}
}
