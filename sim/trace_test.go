package sim_test

import (
	"math"
	"testing"

	"github.com/emsplan/sim/sim"
)

// TestTraceTwoUnitsThreeCalls follows two units and three calls by hand
// (matrix and durations in tinyModel).
func TestTraceTwoUnitsThreeCalls(t *testing.T) {
	m := tinyModel([]sim.ReplayCall{
		{Time: 0, Loc: 2, Township: -1},    // call 0 at V
		{Time: 100, Loc: 2, Township: -1},  // call 1 at V
		{Time: 1000, Loc: 0, Township: -1}, // call 2 at A, whose unit is out
	})
	cs := runOne(t, m, tiny3(t))
	if len(cs) != 3 {
		t.Fatalf("%d calls, want 3", len(cs))
	}
	// Call 0: dispatcher decides at 0+60. A1: 60 turnout + 300 drive = 360;
	// B1: 60 + 400 = 460 -> A1. En route 120, on scene 120+300 = 420, leaves
	// 420+600 = 1020, at H 1020+400 = 1420, handover done 1720, back at A
	// 1720+600 = 2320.
	checkStamps(t, "call 0", cs[0], []float64{0, 60, 120, 420, 1020, 1420, 1720, 2320})
	// Call 1: decided at 160; only B1 is free: en route 220, on scene 620,
	// leaves 1220, at H 1620, handover done 1920, H is B1's base: back at 1920.
	checkStamps(t, "call 1", cs[1], []float64{100, 160, 220, 620, 1220, 1620, 1920, 1920})
	// Call 2: decided at 1060, no unit free: queued. B1 is back first (1920)
	// and takes it: en route 1980, on scene 1980+600 = 2580, leaves 3180, at H
	// 3180+600 = 3780, handover done 4080, back at base (H) 4080.
	checkStamps(t, "call 2", cs[2], []float64{1000, 1920, 1980, 2580, 3180, 3780, 4080, 4080})
	for i, want := range []struct {
		unit              sim.UnitID
		resp, wait, treat float64
		queued, met       bool
	}{
		{0, 420, 0, 1420, false, true}, // target P1 600 s
		{1, 520, 0, 1620 - 100, false, true},
		{1, 1580, 1920 - 1060, 3780 - 1000, true, false},
	} {
		c := cs[i]
		if c.Unit != want.unit || c.Response != want.resp || c.Wait != want.wait || c.Treatment != want.treat ||
			c.Queued != want.queued || c.Met() != want.met || c.Hospital != 0 || !c.Conveyed || c.Lost {
			t.Errorf("call %d: unit %d response %g wait %g treatment %g queued %v met %v hospital %d, want %+v",
				i, c.Unit, c.Response, c.Wait, c.Treatment, c.Queued, c.Met(), c.Hospital, want)
		}
	}
}

// TestPriorityOvertakes: with one unit busy, a later P1 call is served
// before an earlier P2 call.
func TestPriorityOvertakes(t *testing.T) {
	m := tinyModel([]sim.ReplayCall{
		{Time: 0, Loc: 2, Priority: 1, Township: -1},  // takes the only unit
		{Time: 10, Loc: 2, Priority: 1, Township: -1}, // P2, queued first
		{Time: 20, Loc: 2, Priority: 0, Township: -1}, // P1, queued second
	})
	m.Units = m.Units[:1]
	cs := runOne(t, m, tiny3(t))
	// Call 0: A1 decided 60, back at A 2320 (as in the first trace).
	// Then call 2 (P1): dispatched 2320, en route 2380, on scene 2680,
	// leaves 3280, at H 3680, handover 3980, back at A 4580.
	// Then call 1 (P2): dispatched 4580.
	checkStamps(t, "call 2 (P1)", cs[2], []float64{20, 2320, 2380, 2680, 3280, 3680, 3980, 4580})
	if cs[1].Dispatched != 4580 {
		t.Errorf("call 1 (P2) dispatched at %g, want 4580 after the P1 call", cs[1].Dispatched)
	}
}

// TestFiveGRedispatch: A1 serves call 0 at V and returns from H towards A.
// Call 1 at V is decided at 1870. A returning 5G unit with AVL is sent from
// where it is when it is closer than B1 at its base; a conventional one is not.
func TestFiveGRedispatch(t *testing.T) {
	calls := []sim.ReplayCall{{Time: 0, Loc: 2, Township: -1}, {Time: 1810, Loc: 2, Township: -1}}

	m := tinyModel(calls)
	m.Units[0].FiveG = true
	cs := runOne(t, m, tiny3(t))
	// Call 0: at H 1420; 5G handover 300*0.5 = 150 -> 1570: A1 heads for A
	// (600 s) and is free from 1570 (AVL). Time to treatment = on scene - call = 420.
	checkStamps(t, "5G call 0", cs[0], []float64{0, 60, 120, 420, 1020, 1420, 1570, 1570})
	if cs[0].Treatment != 420 || !cs[0].FiveG {
		t.Errorf("5G call 0: treatment %g (5G %v), want 420 (on scene)", cs[0].Treatment, cs[0].FiveG)
	}
	// Call 1 decided at 1870: A1 has driven 300 of 600 s (half way), so by
	// the matrix's interpolation it is 0.5*T(H,V) + 0.5*T(A,V) = 200+150 = 350
	// from V, with no turnout; B1 needs 60+400 = 460. A1 goes: on scene 2220.
	if c := cs[1]; c.Unit != 0 || c.Dispatched != 1870 || c.EnRoute != 1870 || c.OnScene != 2220 || c.Response != 410 {
		t.Errorf("5G call 1: unit %d dispatched %g en route %g on scene %g response %g; want unit 0, 1870, 1870, 2220, 410",
			c.Unit, c.Dispatched, c.EnRoute, c.OnScene, c.Response)
	}

	m = tinyModel(calls) // conventional A1: not dispatchable until back at A (2320)
	cs = runOne(t, m, tiny3(t))
	checkStamps(t, "conventional call 0", cs[0], []float64{0, 60, 120, 420, 1020, 1420, 1720, 2320})
	if cs[0].Treatment != 1420 {
		t.Errorf("conventional call 0: treatment %g, want 1420 (at hospital)", cs[0].Treatment)
	}
	// B1 goes from its base: en route 1930, on scene 2330.
	checkStamps(t, "conventional call 1", cs[1], []float64{1810, 1870, 1930, 2330, 2930, 3330, 3630, 3630})

	m = tinyModel(calls) // 5G without AVL: handover shorter, no redispatch
	m.Units[0].FiveG = true
	m.FiveG.AVL = false
	cs = runOne(t, m, tiny3(t))
	// Handover done 1570, back at A 1570+600 = 2170; call 1 goes to B1 as above.
	checkStamps(t, "5G no AVL call 0", cs[0], []float64{0, 60, 120, 420, 1020, 1420, 1570, 2170})
	if cs[1].Unit != 1 {
		t.Errorf("5G without AVL: call 1 served by unit %d, want 1", cs[1].Unit)
	}
}

// TestStrokePassesNearerHospital: a stroke patient at V goes past the nearer
// hospital at A (no stroke unit) to H; another patient goes to the nearest.
func TestStrokePassesNearerHospital(t *testing.T) {
	const stroke sim.Capability = 1 << 1
	m := tinyModel([]sim.ReplayCall{
		{Time: 0, Loc: 2, Condition: 1, Township: -1},     // stroke at V
		{Time: 10000, Loc: 2, Condition: 0, Township: -1}, // other at V
	})
	m.Hospitals = []sim.Hospital{
		{Name: "A hospital", Loc: 0, Receives: true},                    // 300 s from V
		{Name: "H stroke centre", Loc: 1, Caps: stroke, Receives: true}, // 400 s from V
		{Name: "clinic", Loc: 2, Caps: stroke, Receives: false},         // on the spot, takes no patients
	}
	m.Conditions = []sim.Condition{
		{Name: "other", Share: 0.9, Conveyance: 1},
		{Name: "stroke", Share: 0.1, Needs: stroke, Conveyance: 1, Target: 1800},
	}
	cs := runOne(t, m, tiny3(t))
	// Stroke: leaves V at 1020, H is 400 s away: at H 1420; call-to-centre 1420 s.
	if c := cs[0]; c.Hospital != 1 || c.AtHospital != 1420 || !c.Capable || c.ToCentre() != 1420 {
		t.Errorf("stroke: hospital %d at %g capable %v to centre %g; want 1, 1420, true, 1420", c.Hospital, c.AtHospital, c.Capable, c.ToCentre())
	}
	// Other: leaves V at 10000+60+60+300+600 = 11020, A hospital 300 s: 11320.
	if c := cs[1]; c.Hospital != 0 || c.AtHospital != 11320 {
		t.Errorf("other: hospital %d at %g; want 0 at 11320", c.Hospital, c.AtHospital)
	}
	res, err := sim.Run(m, tiny3(t), sim.Config{Replications: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Reps[0]
	if cc := r.CapableCentre[1]; cc.Hit != 1 || cc.N != 1 {
		t.Errorf("capable centre for stroke = %+v, want 1 of 1", cc)
	}
	if r.HospitalArrivals[1][1] != 1 || r.HospitalArrivals[0][0] != 1 {
		t.Errorf("hospital arrivals = %v", r.HospitalArrivals)
	}

	// No receiving hospital has the capability: nearest one, not capable.
	m.Hospitals[1].Caps = 0
	cs = runOne(t, m, tiny3(t))
	if c := cs[0]; c.Hospital != 0 || c.Capable || !math.IsInf(c.ToCentre(), 1) {
		t.Errorf("stroke without a stroke centre: hospital %d capable %v to centre %g; want 0, false, +Inf", c.Hospital, c.Capable, c.ToCentre())
	}
}

// TestMaxWaitLoses: one unit busy until 2320 (as in the first trace); a second
// call at 100 decided at 160 waits; with a maximum wait of 10 minutes it is
// handed over at 760, never served, and counts as a miss.
func TestMaxWaitLoses(t *testing.T) {
	m := tinyModel([]sim.ReplayCall{{Time: 0, Loc: 2, Township: -1}, {Time: 100, Loc: 2, Township: -1}})
	m.Units = m.Units[:1]
	m.MaxWait = 600
	res, err := sim.Run(m, tiny3(t), sim.Config{Replications: 1, Seed: 1, KeepCalls: 1})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Calls[0][1]
	if !c.Lost || !c.Queued || c.Unit != -1 || !math.IsNaN(c.Dispatched) || c.Met() {
		t.Errorf("call 1: %+v, want lost after queueing", c)
	}
	r := res.Reps[0]
	if r.Lost != 1 || r.Queued != 1 || r.Compliance != (sim.Ratio{Hit: 1, N: 2}) || r.Response.N != 1 {
		t.Errorf("replication: lost %d queued %d compliance %+v responses %d", r.Lost, r.Queued, r.Compliance, r.Response.N)
	}
	// Unreachable: the only unit cannot reach the village: lost at once, not queued.
	inf := math.Inf(1)
	tr, _ := sim.NewMatrix(3, []float64{0, 600, inf, 600, 0, 400, 300, 400, 0})
	m = tinyModel([]sim.ReplayCall{{Time: 0, Loc: 2, Township: -1}})
	m.Units = m.Units[:1]
	cs := runOne(t, m, tr)
	if !cs[0].Lost || cs[0].Queued {
		t.Errorf("unreachable call: lost %v queued %v, want lost, not queued", cs[0].Lost, cs[0].Queued)
	}
}
