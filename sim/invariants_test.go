package sim_test

import (
	"math"
	"sort"
	"testing"

	"github.com/emsplan/sim/sim"
)

// checkInvariants: every call is served or lost exactly once; a served call's
// times are ordered; a lost one has none; a unit never serves two calls at once.
func checkInvariants(t *testing.T, name string, m *sim.Model, cs []sim.CallRecord) {
	t.Helper()
	byUnit := map[sim.UnitID][]sim.CallRecord{}
	for i, c := range cs {
		if i > 0 && c.Received < cs[i-1].Received {
			t.Fatalf("%s: calls out of order at %d", name, i)
		}
		if c.Lost {
			if c.Unit != -1 || !math.IsNaN(c.Dispatched) || !math.IsNaN(c.OnScene) || c.Met() {
				t.Fatalf("%s: lost call %d was also served: %+v", name, c.ID, c)
			}
			continue
		}
		if c.Unit < 0 || int(c.Unit) >= len(m.Units) {
			t.Fatalf("%s: call %d neither served nor lost: %+v", name, c.ID, c)
		}
		seq := []float64{c.Received, c.Dispatched, c.EnRoute, c.OnScene, c.LeftScene}
		if c.Conveyed {
			seq = append(seq, c.AtHospital, c.HandoverDone)
		} else if !math.IsNaN(c.AtHospital) || c.Hospital != -1 {
			t.Fatalf("%s: call %d not conveyed but at hospital: %+v", name, c.ID, c)
		}
		seq = append(seq, c.Available)
		for k := 1; k < len(seq); k++ {
			if !(seq[k] >= seq[k-1]) { // also catches NaN
				t.Fatalf("%s: call %d times out of order: %v", name, c.ID, seq)
			}
		}
		if c.Response != c.OnScene-c.Received || c.Wait < 0 {
			t.Fatalf("%s: call %d response %g wait %g", name, c.ID, c.Response, c.Wait)
		}
		byUnit[c.Unit] = append(byUnit[c.Unit], c)
	}
	for u, list := range byUnit {
		sort.Slice(list, func(i, j int) bool { return list[i].Dispatched < list[j].Dispatched })
		for k := 1; k < len(list); k++ {
			if list[k].Dispatched < list[k-1].Available {
				t.Fatalf("%s: unit %d took call %d at %g before it was free of call %d at %g",
					name, u, list[k].ID, list[k].Dispatched, list[k-1].ID, list[k-1].Available)
			}
		}
	}
}

func TestInvariants(t *testing.T) {
	for _, c := range []struct {
		name    string
		units   int
		fiveG   bool
		maxWait float64
	}{
		{"conventional", 10, false, 0},
		{"5G AVL", 10, true, 0},
		{"overloaded, max wait 20 min", 3, true, 1200},
	} {
		s := newSynth(t, 16, c.units, c.fiveG, 30)
		s.model.MaxWait = c.maxWait
		res, err := sim.Run(s.model, s.grid, sim.Config{Replications: 2, Seed: 11, KeepCalls: -1})
		if err != nil {
			t.Fatal(err)
		}
		for r, cs := range res.Calls {
			checkInvariants(t, c.name, s.model, cs)
			rep := res.Reps[r]
			if rep.Calls != len(cs) {
				t.Errorf("%s: %d calls counted, %d records", c.name, rep.Calls, len(cs))
			}
			if c.maxWait > 0 && rep.Lost == 0 {
				t.Errorf("%s: no call lost", c.name)
			}
			if c.maxWait == 0 && rep.Lost != 0 {
				t.Errorf("%s: %d calls lost without a maximum wait", c.name, rep.Lost)
			}
			for u, us := range rep.Units {
				if us.Utilisation < 0 || us.Utilisation > 1 {
					t.Errorf("%s: unit %d utilisation %g", c.name, u, us.Utilisation)
				}
			}
		}
	}
}

// noBound hides the Grid's lower bound, so every AVL candidate is searched.
type noBound struct{ counting }

func (noBound) LowerBound(a, b sim.LocID) float64 { return 0 }

// counting counts the searches for returning units.
type counting struct {
	*sim.Grid
	n *int
}

func (c counting) EnRoute(from, to sim.LocID, el float64, dest sim.LocID, band int, bound float64) float64 {
	*c.n++
	return c.Grid.EnRoute(from, to, el, dest, band, bound)
}

// TestPruningExact: pruning AVL searches by lower bounds picks exactly the
// units that searching every candidate picks, and most calls need no search.
func TestPruningExact(t *testing.T) {
	s := newSynth(t, 16, 12, true, 30)
	cfg := sim.Config{Replications: 2, Seed: 4, KeepCalls: -1, Workers: 1}
	var pruned, all int
	a, err := sim.Run(s.model, counting{s.grid, &pruned}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sim.Run(s.model, noBound{counting{s.grid, &all}}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if text(a) != text(b) {
		t.Error("pruned and exhaustive AVL dispatch differ")
	}
	if calls := len(a.Calls[0]) + len(a.Calls[1]); pruned > all || 2*pruned >= calls { // most calls need no search
		t.Errorf("%d searches with pruning, %d without, for %d calls", pruned, all, calls)
	}
	en := 0
	for _, c := range a.Calls[0] {
		if c.EnRoute == c.Dispatched && !c.Lost {
			en++ // sent while on the road (no turnout)
		}
	}
	if en == 0 {
		t.Error("no call was served by a unit on the road: the test exercises nothing")
	}
}

// TestHourlyTotals: over whole days, the mean of the busy-units-by-hour
// profile is the total busy time over the horizon (the sum of the
// utilisations), and calls by hour add up to the calls.
func TestHourlyTotals(t *testing.T) {
	s := newSynth(t, 12, 6, true, 14)
	res, err := sim.Run(s.model, s.grid, sim.Config{Replications: 1, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Reps[0]
	var busy, util float64
	calls := 0
	for h := 0; h < 24; h++ {
		busy += r.BusyByHour[h] / 24
		calls += r.CallsByHour[h]
	}
	for _, u := range r.Units {
		util += u.Utilisation
	}
	if math.Abs(busy-util) > 1e-9*util || util == 0 {
		t.Errorf("mean busy units by hour %g, sum of utilisations %g", busy, util)
	}
	if calls != r.Calls {
		t.Errorf("calls by hour sum to %d, want %d", calls, r.Calls)
	}
	// The hourly profile is visible: more calls at 10:00 than at 03:00.
	if r.CallsByHour[10] < 2*r.CallsByHour[3] {
		t.Errorf("calls by hour %v do not follow the profile", r.CallsByHour)
	}
}
