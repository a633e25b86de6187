package sim_test

import (
	"fmt"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/dist"
)

// One ambulance at a station (place 0), a hospital (place 1) and a village
// (place 2), one replayed call with fixed durations: every stage in minutes.
func ExampleRun() {
	travel, _ := sim.NewMatrix(3, []float64{ // seconds
		0, 600, 300,
		600, 0, 400,
		300, 400, 0,
	})
	min := func(m float64) dist.Spec { s, _ := dist.Fixed(m); return s.Scaled(60) }
	m := &sim.Model{
		Units:      []sim.Unit{{Name: "120-1", Base: 0, Station: -1}},
		Hospitals:  []sim.Hospital{{Name: "county hospital", Loc: 1, Receives: true}},
		Classes:    []string{"rural"},
		Targets:    [][]float64{{30 * 60}},
		Priorities: []sim.Priority{{Name: "P1", Share: 1}},
		Conditions: []sim.Condition{{Name: "other", Share: 1, Conveyance: 1}},
		Durations:  sim.Durations{DispatchDelay: min(1), Turnout: min(1), OnScene: min(10), Handover: min(5)},
		Horizon:    86400,
		Replay:     []sim.ReplayCall{{Time: 0, Loc: 2, Township: -1}},
	}
	res, err := sim.Run(m, travel, sim.Config{Replications: 1, Seed: 1, KeepCalls: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Calls[0][0]
	fmt.Printf("dispatched %.0f, en route %.0f, on scene %.0f, left %.0f, at hospital %.0f, free %.0f, back %.0f\n",
		c.Dispatched/60, c.EnRoute/60, c.OnScene/60, c.LeftScene/60, c.AtHospital/60, c.HandoverDone/60, c.Available/60)
	fmt.Printf("response %.0f min (target met: %v), time to treatment %.0f min\n", c.Response/60, c.Met(), c.Treatment/60)
	// Output:
	// dispatched 1, en route 2, on scene 7, left 17, at hospital 24, free 29, back 39
	// response 7 min (target met: true), time to treatment 24 min
}
