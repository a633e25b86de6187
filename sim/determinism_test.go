package sim_test

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/emsplan/sim/sim"
)

// text renders results exactly (NaN prints as NaN), for comparisons.
func text(res *sim.Results) string { return fmt.Sprintf("%+v\n%+v", res.Calls, res.Reps) }

func TestDeterminismWorkers(t *testing.T) {
	s := newSynth(t, 16, 12, true, 20)
	run := func(seed uint64, workers int) *sim.Results {
		res, err := sim.Run(s.model, s.grid, sim.Config{Replications: 4, Seed: seed, Workers: workers, KeepCalls: -1})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	a, b := run(1, 1), run(1, 2)
	if text(a) != text(b) {
		t.Error("1 and 2 workers give different results")
	}
	if len(a.Calls[0]) < 1000 {
		t.Errorf("only %d calls in a replication", len(a.Calls[0]))
	}
	if text(a) == text(run(2, 2)) {
		t.Error("seeds 1 and 2 give the same results")
	}
	if fmt.Sprint(a.Calls[0][:20]) == fmt.Sprint(a.Calls[1][:20]) {
		t.Error("replications 0 and 1 start with the same calls")
	}
}

// callKey is what common random numbers must keep equal: the call and every
// per-call draw that the records show whatever unit served it.
type callKey struct {
	id         sim.CallID
	t          float64
	loc        sim.LocID
	prio, cond int32
	onScene    float64
	conveyed   bool
}

// keys returns the calls' keys; the on-scene time is rounded to the
// millisecond because LeftScene-OnScene rounds differently at other times.
func keys(cs []sim.CallRecord) []callKey {
	var ks []callKey
	for _, c := range cs {
		ks = append(ks, callKey{c.ID, c.Received, c.Loc, c.Priority, c.Condition, math.Round((c.LeftScene-c.OnScene)*1000) / 1000, c.Conveyed})
	}
	return ks
}

// TestCRNAddUnit: one more ambulance changes the service but not the calls.
func TestCRNAddUnit(t *testing.T) {
	s := newSynth(t, 16, 8, false, 30)
	cfg := sim.Config{Replications: 2, Seed: 5, KeepCalls: -1}
	a, err := sim.Run(s.model, s.grid, cfg)
	if err != nil {
		t.Fatal(err)
	}
	m := *s.model
	m.Units = append(slices.Clone(m.Units), sim.Unit{Base: 5, Station: -1, FiveG: true})
	b, err := sim.Run(&m, s.grid, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for r := range a.Calls {
		if !slices.Equal(keys(a.Calls[r]), keys(b.Calls[r])) {
			t.Errorf("replication %d: the calls differ when a unit is added", r)
		}
	}
	if text(a) == text(b) {
		t.Error("adding a unit changed nothing at all")
	}
}

// TestCRNGrowth: at a lower actual rate generated at the higher one, the
// calls are a subset (same IDs, times, places) of the higher-rate calls, in
// the expected proportion.
func TestCRNGrowth(t *testing.T) {
	s := newSynth(t, 16, 8, false, 60)
	hi := *s.model
	hi.Growth = 1.25
	lo := *s.model
	lo.GenerationCallsPerYear = hi.ActualCallsPerYear()
	cfg := sim.Config{Replications: 1, Seed: 9, KeepCalls: 1}
	a, err := sim.Run(&lo, s.grid, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sim.Run(&hi, s.grid, cfg)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[sim.CallID]callKey{}
	for _, k := range keys(b.Calls[0]) {
		byID[k.id] = k
	}
	for _, k := range keys(a.Calls[0]) {
		kb, ok := byID[k.id]
		if !ok || kb.t != k.t || kb.loc != k.loc || kb.prio != k.prio || kb.cond != k.cond || kb.onScene != k.onScene {
			t.Fatalf("call %d of the lower rate is not in the higher-rate stream", k.id)
		}
	}
	// Kept share 1/1.25 = 0.8; binomial sd sqrt(0.8*0.2/n) with n ~ 6,000.
	na, nb := float64(len(a.Calls[0])), float64(len(b.Calls[0]))
	if share := na / nb; math.Abs(share-0.8) > 4*math.Sqrt(0.16/nb) {
		t.Errorf("kept %g of the calls, want 0.8", share)
	}
}

// TestOneMoreUnitNeverHurts: one station, one place, FCFS, per-call busy
// times fixed by common random numbers: with one more unit every call is
// reached no later (the FCFS multi-server queue is monotone in the servers).
func TestOneMoreUnitNeverHurts(t *testing.T) {
	mu := 1.0 / 3600
	a := mmcModel(t, 3, 2.4*mu, mu, 5000)
	b := mmcModel(t, 4, 2.4*mu, mu, 5000)
	cfg := sim.Config{Replications: 2, Seed: 3, KeepCalls: -1}
	ra, err := sim.Run(a, zeroTravel(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := sim.Run(b, zeroTravel(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	better := 0
	for r := range ra.Calls {
		for i, c := range ra.Calls[r] {
			d := rb.Calls[r][i]
			if d.Response > c.Response {
				t.Fatalf("rep %d call %d: %g s with 4 units, %g with 3", r, i, d.Response, c.Response)
			}
			if d.Response < c.Response {
				better++
			}
		}
	}
	if better == 0 {
		t.Error("the fourth unit helped no call")
	}
	diffs, err := sim.Compare(ra.Reps, rb.Reps)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		if d.Key == sim.FigMeanWait && d.By == "" && !(d.Significant && d.Mean < 0) && d.N == 2 {
			t.Errorf("mean wait difference %+v, want significantly negative", d)
		}
	}
}

// TestProgressAndKeep: the progress callback counts every replication once,
// in order; only the asked replications keep their call records.
func TestProgressAndKeep(t *testing.T) {
	s := newSynth(t, 8, 3, false, 5)
	var seen []int
	res, err := sim.Run(s.model, s.grid, sim.Config{Replications: 5, Seed: 1, Workers: 2, KeepCalls: 2,
		Progress: func(done, total int) {
			if total != 5 {
				t.Errorf("total %d, want 5", total)
			}
			seen = append(seen, done)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[1 2 3 4 5]" {
		t.Errorf("progress %v, want [1 2 3 4 5]", seen)
	}
	for i, cs := range res.Calls {
		if (i < 2) != (cs != nil) {
			t.Errorf("replication %d: kept %v", i, cs != nil)
		}
		if cs != nil && (len(cs) != res.Reps[i].Calls || cs[0].Rep != int32(i)) {
			t.Errorf("replication %d: %d records for %d calls, rep field %d", i, len(cs), res.Reps[i].Calls, cs[0].Rep)
		}
	}
}
