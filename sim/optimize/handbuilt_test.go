package optimize

import (
	"errors"
	"math"
	"reflect"
	"testing"
)

var inf = math.Inf(1)

// Three sites, four points (target 600 s). Site 0 covers points 0 and 1,
// site 1 points 1 and 2, site 2 point 2; nothing reaches point 3 in time.
// LSCP needs site 0 (only it covers point 0) and one of sites 1 and 2: two
// sites, point 3 (weight 7) uncoverable.
func TestLSCPHandUncoverable(t *testing.T) {
	in := mustInstance(t, Problem{
		Times: Matrix{Rows: 3, Cols: 4, Data: []float64{
			100, 200, 900, 1000,
			900, 300, 400, inf,
			800, 700, 500, 2000,
		}},
		Weight: []float64{1, 2, 3, 7},
		Target: []float64{600, 600, 600, 600},
	})
	r, err := LSCP(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Objective != 2 || r.Bound != 2 || !r.Optimal || len(r.Sites) != 2 || r.Sites[0] != 0 {
		t.Errorf("LSCP %v sites %v bound %v optimal %v, want 2 sites starting with 0", r.Objective, r.Sites, r.Bound, r.Optimal)
	}
	if !reflect.DeepEqual(r.Uncoverable, []int{3}) || r.UncoverableWeight != 7 || r.Covered != 6 {
		t.Errorf("uncoverable %v (%v), covered %v; want [3] (7), 6", r.Uncoverable, r.UncoverableWeight, r.Covered)
	}
}

// The example's villages with site 0 fixed and p = 2: {0,1} covers
// 100+200+150 = 450, {0,2} covers 100+200+50+300 = 650, so {0,2}, although
// {1,2} (700) would be better without the fixed site. Site 0 adds 300
// (villages 0 and 1 only it covers), site 2 adds 350.
func TestMCLPHandFixed(t *testing.T) {
	p := exampleProblem()
	p.Fixed = []int{0}
	r, err := MCLP(mustInstance(t, p), 2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Sites, []int{0, 2}) || r.Objective != 650 || r.Bound != 650 || !r.Optimal {
		t.Errorf("sites %v objective %v bound %v optimal %v, want [0 2] 650", r.Sites, r.Objective, r.Bound, r.Optimal)
	}
	if !reflect.DeepEqual(r.Added, []float64{300, 350}) {
		t.Errorf("added %v, want [300 350]", r.Added)
	}
}

func exampleProblem() Problem {
	return Problem{
		Times: Matrix{Rows: 3, Cols: 5, Data: []float64{
			300, 500, 900, 1200, 1500,
			900, 400, 300, 700, 1000,
			1500, 1100, 800, 500, 200,
		}},
		Weight: []float64{100, 200, 150, 50, 300},
		Target: []float64{600, 600, 600, 600, 600},
	}
}

// Allocation of 3 ambulances over stations 0 and 2 (q = 0.5). Station 0
// covers 300 people, station 2 350, no overlap: (a, b) units give
// 300 (1-0.5^a) + 350 (1-0.5^b): (0,3) 306.25, (1,2) 412.5, (2,1) 400,
// (3,0) 262.5, so one at station 0 and two at station 2.
func TestAllocateHand(t *testing.T) {
	in := mustInstance(t, exampleProblem())
	r, err := Allocate(in, Allocation{Stations: []int{0, 2}, Units: 3, Busy: 0.5}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.UnitsAt(0) != 1 || r.UnitsAt(1) != 0 || r.UnitsAt(2) != 2 || r.Objective != 412.5 || !r.Optimal {
		t.Errorf("units %v at %v, expected %v optimal %v; want 1 at 0, 2 at 2, 412.5", r.Units, r.Sites, r.Objective, r.Optimal)
	}
	// Removing station 2's two units leaves 150: it adds 262.5; station 0's
	// one unit adds 150.
	if !reflect.DeepEqual(r.Added, []float64{150, 262.5}) {
		t.Errorf("added %v, want [150 262.5]", r.Added)
	}
	// At most one per station cannot hold 3 units.
	if _, err := Allocate(in, Allocation{Stations: []int{0, 2}, Units: 3, Busy: 0.5, MaxPerStation: 1}, Options{}); !errors.Is(err, ErrCount) {
		t.Errorf("3 units on 2 one-unit stations: %v", err)
	}
	// At least two per station needs 2 + 2 = 4 > 3 units.
	if _, err := Allocate(in, Allocation{Stations: []int{0, 2}, Units: 3, Busy: 0.5, MinPerStation: 2}, Options{}); !errors.Is(err, ErrCount) {
		t.Errorf("minimum 2 per station with 3 units: %v", err)
	}
}

// p-median and p-center ignore weight-0 points and report unreachable ones.
// Point 2 (weight 0) is far from everything; point 3 (weight 5) unreachable.
// p = 1: site 0 costs 1*10 + 2*40 = 90, site 1 costs 1*30 + 2*20 = 70;
// worst times 40 and 30: site 1 for both.
func TestMedianCenterHand(t *testing.T) {
	in := mustInstance(t, Problem{
		Times: Matrix{Rows: 2, Cols: 4, Data: []float64{
			10, 40, 5000, inf,
			30, 20, 9000, inf,
		}},
		Weight: []float64{1, 2, 0, 5},
	})
	r, err := PMedian(in, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Sites, []int{1}) || r.Objective != 70 || r.Bound != 70 || !reflect.DeepEqual(r.Uncoverable, []int{3}) {
		t.Errorf("p-median %v cost %v bound %v uncoverable %v; want [1] 70 70 [3]", r.Sites, r.Objective, r.Bound, r.Uncoverable)
	}
	// Closing site 1 with p = 1 leaves nothing: +Inf added.
	if !math.IsInf(r.Added[0], 1) {
		t.Errorf("added %v, want +Inf", r.Added)
	}
	c, err := PCenter(in, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Sites, []int{1}) || c.Objective != 30 || c.Bound != 30 || !c.Optimal {
		t.Errorf("p-center %v worst %v bound %v; want [1] 30 30", c.Sites, c.Objective, c.Bound)
	}
}
