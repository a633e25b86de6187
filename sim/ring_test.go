package sim_test

import (
	"math"
	"testing"

	"github.com/emsplan/sim/sim"
)

// TestSummaryFromKeptCalls: calls are summarised as they leave the engine's
// ring of calls in flight; the figures equal those recomputed from the kept
// records: in a loaded queue (M/M/1 at 98%), with a maximum wait that loses
// calls after they were queued, and with a unit that never comes back, whose
// call stays in flight to the end, so the ring must grow to hold every later
// call.
func TestSummaryFromKeptCalls(t *testing.T) {
	mu := 1.0 / 600
	stuck := mmcModel(t, 2, 0.5*mu, mu, 5000)
	stuck.Points[0].Loc = 2
	stuck.Units[1].Base = 1
	// Unit 0 reaches the point but can never drive back to its base 0.
	inf := math.Inf(1)
	stuckTr, err := sim.NewMatrix(3, []float64{0, 0, 60, 0, 0, 60, inf, 60, 0})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		m    *sim.Model
		tr   sim.Travel
	}{
		{"M/M/1", mmcModel(t, 1, 0.98*mu, mu, 60000), zeroTravel(t)},
		{"M/M/1 max wait", mmcModel(t, 1, 0.98*mu, mu, 60000), zeroTravel(t)},
		{"stuck unit", stuck, stuckTr},
	}
	cases[1].m.MaxWait = 7200
	for _, tc := range cases {
		res, err := sim.Run(tc.m, tc.tr, sim.Config{Replications: 2, Seed: 11, KeepCalls: -1})
		if err != nil {
			t.Fatal(err)
		}
		for i, rep := range res.Reps {
			cs := res.Calls[i]
			if len(cs) != rep.Calls {
				t.Fatalf("%s rep %d: %d records kept, %d calls counted", tc.name, i, len(cs), rep.Calls)
			}
			var queued, lost, met, served, open int
			var wait float64
			for k := range cs {
				c := &cs[k]
				if k > 0 && c.ID <= cs[k-1].ID {
					t.Fatalf("%s: records out of order at %d", tc.name, k)
				}
				if c.Queued {
					queued++
				}
				if c.Met() {
					met++
				}
				if c.Lost {
					lost++
					continue
				}
				if math.IsNaN(c.Available) {
					open++
				}
				served++
				wait += c.Wait
			}
			if queued != rep.Queued || lost != rep.Lost || met != rep.Compliance.Hit || rep.Compliance.N != rep.Calls {
				t.Errorf("%s rep %d: queued %d/%d lost %d/%d met %d/%d", tc.name, i, queued, rep.Queued, lost, rep.Lost, met, rep.Compliance.Hit)
			}
			if w := wait / float64(served); w != rep.MeanWait { // summed in the same order: exact
				t.Errorf("%s rep %d: mean wait %v from the records, %v in the summary", tc.name, i, w, rep.MeanWait)
			}
			switch tc.name {
			case "M/M/1":
				if queued < rep.Calls/2 || lost > 0 {
					t.Errorf("rep %d: %d of %d calls queued, %d lost", i, queued, rep.Calls, lost)
				}
			case "M/M/1 max wait":
				if lost == 0 || queued <= lost {
					t.Errorf("rep %d: %d queued, %d lost after the maximum wait", i, queued, lost)
				}
			case "stuck unit":
				// One call (after the warm-up: none of the measured ones,
				// or the first) keeps its unit for ever; the other unit
				// serves the thousands of calls after it.
				if open > 1 || rep.Units[0].Calls > 1 || rep.Units[1].Calls < 2000 || rep.Units[0].Utilisation < 0.99 {
					t.Errorf("rep %d: %d calls never finished; units %+v", i, open, rep.Units)
				}
			}
		}
	}
}
