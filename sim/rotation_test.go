package sim_test

import (
	"testing"

	"github.com/emsplan/sim/sim"
)

// Two units at one base take turns: the second call, after the first unit
// is back, goes to the unit that waited longer, not again to the first.
func TestUnitsAtOneBaseTakeTurns(t *testing.T) {
	m := tinyModel([]sim.ReplayCall{
		{Time: 0, Loc: 2, Township: -1},     // unit 0 (lower index) goes; back at base long before the next call
		{Time: 20000, Loc: 2, Township: -1}, // both free at base A: unit 1 has been idle since the start
		{Time: 40000, Loc: 2, Township: -1}, // unit 0 has now been idle longer
	})
	m.Units = []sim.Unit{{Name: "A1", Base: 0, Station: -1}, {Name: "A2", Base: 0, Station: -1}}
	m.FiveG.AVL = false
	calls := runOne(t, m, tiny3(t))
	for i, want := range []sim.UnitID{0, 1, 0} {
		if calls[i].Unit != want {
			t.Errorf("call %d served by unit %d, want %d", i, calls[i].Unit, want)
		}
	}
}
