package model

import (
	"math"
	"testing"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

// tiny holds the hand-computed edge times of testdata/tiny (seconds).
type tiny struct {
	AB, BC, CD, BE, CF, FE float64 // edge times
	off6                   float64 // P6's off-road leg: 0.01 degree of latitude at 15 km/h
}

// tinyTimes returns the edge times at speed factor f: 1.25 (the emergency
// factor) for ambulances, 1 for normal driving. A-B lies in the urban zone
// (urban_factor 0.4).
func tinyTimes(f float64) tiny {
	p := func(lon, lat float64) orb.Point { return orb.Point{lon, lat} }
	ew := geo.Haversine(p(112.00, 28.00), p(112.02, 28.00)) // 0.02 degree west-east at lat 28.00
	ns := geo.Haversine(p(112.02, 28.00), p(112.02, 28.02)) // every S-N segment
	fe := geo.Haversine(p(112.04, 28.02), p(112.02, 28.02))
	mps := func(kmh float64) float64 { return kmh * f / 3.6 }
	return tiny{
		AB: ew / mps(60*0.4),
		BC: ew / mps(60), CD: 2 * ew / mps(60),
		BE: ns / mps(30), CF: ns / mps(40), FE: fe / mps(30),
		off6: geo.Haversine(p(112.08, 28.01), p(112.08, 28.00)) / (15 / 3.6),
	}
}

func loadTiny(t *testing.T) (*Study, *Engine) {
	t.Helper()
	s, _, err := scenario.Load("testdata/tiny/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := Build(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := st.Engine()
	if err != nil {
		t.Fatal(err)
	}
	return st, e
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// Site tables: LocID 0 is S1 (at A), 1 is H1 (at D); demand P1..P6 are 2..7.
func TestTravelTimesByHand(t *testing.T) {
	_, e := loadTiny(t)
	h := tinyTimes(1.25)
	tr := e.Travel
	const S1, H1, P1, P2, P3, P4, P5, P6 = 0, 1, 2, 3, 4, 5, 6, 7
	for _, c := range []struct {
		name     string
		from, to sim.LocID
		want     float64
	}{
		{"S1->P1: half of A-B (same segment, direct)", S1, P1, h.AB / 2},
		{"P1->S1: back along the same segment", P1, S1, h.AB / 2},
		{"S1->P2: A-B, then a fifth of B-E", S1, P2, h.AB + 0.2*h.BE},
		{"S1->P4: A-B-C, half the one-way C->F", S1, P4, h.AB + h.BC + h.CF/2},
		{"H1->P4: D-C, half of C->F", H1, P4, h.CD + h.CF/2},
		{"P4->H1: on with the one-way to F, then F-E-B-C-D", P4, H1, h.CF/2 + h.FE + h.BE + h.BC + h.CD},
		{"H1->P5: D-C-F, a quarter of F-E", H1, P5, h.CD + h.CF + h.FE/4},
		{"P6->S1: off-road to D, then D-C-B-A", P6, S1, h.off6 + h.CD + h.BC + h.AB},
		{"S1->H1", S1, H1, h.AB + h.BC + h.CD},
		{"H1->S1", H1, S1, h.CD + h.BC + h.AB},
		{"H1->P6: D, then off-road", H1, P6, h.off6},
		{"S1->P3: A-B-C, half of C-D", S1, P3, h.AB + h.BC + h.CD/2},
	} {
		if got := tr.Time(c.from, c.to, 0); !near(got, c.want) {
			t.Errorf("%s: %.3f s, want %.3f s", c.name, got, c.want)
		}
	}
	if tr.Band(3600*30) != 0 {
		t.Errorf("one band only")
	}
}

// A unit going home from H1 (D) to S1 (A) drives D-C-B-A.
func TestEnRouteByHand(t *testing.T) {
	_, e := loadTiny(t)
	h := tinyTimes(1.25)
	tr := e.Travel
	const S1, H1, P2, P4 = 0, 1, 3, 5
	inf := math.Inf(1)
	for _, c := range []struct {
		name    string
		elapsed float64
		dest    sim.LocID
		bound   float64
		want    float64
	}{
		{"halfway D-C, finishes to C, then half of C->F", h.CD / 2, P4, inf, h.CD/2 + h.CF/2},
		{"halfway C-B, finishes to B, then a fifth of B-E", h.CD + h.BC/2, P2, inf, h.BC/2 + 0.2*h.BE},
		{"the same, bound just below", h.CD + h.BC/2, P2, h.BC/2 + 0.2*h.BE - 0.01, inf},
		{"the same, bound just above", h.CD + h.BC/2, P2, h.BC/2 + 0.2*h.BE + 0.01, h.BC/2 + 0.2*h.BE},
		{"home already: from the base", 1e6, P4, inf, h.AB + h.BC + h.CF/2},
		{"at the start: from D", 0, P4, inf, h.CD + h.CF/2},
	} {
		got := tr.EnRoute(H1, S1, c.elapsed, c.dest, 0, c.bound)
		if !(near(got, c.want) || math.IsInf(got, 1) && math.IsInf(c.want, 1)) {
			t.Errorf("%s: %.3f s, want %.3f s", c.name, got, c.want)
		}
	}
}

func TestEngineModelByHand(t *testing.T) {
	st, e := loadTiny(t)
	m := e.Model
	if len(m.Units) != 2 || !m.Units[0].FiveG || m.Units[1].FiveG || m.Units[0].Base != 0 || m.Units[1].Base != 1 {
		t.Errorf("units %+v", m.Units)
	}
	// Capabilities in order chest_pain, stroke, trauma, ...: stroke|trauma = 2|4.
	if len(m.Hospitals) != 1 || m.Hospitals[0].Caps != 6 || m.Hospitals[0].Loc != 1 {
		t.Errorf("hospitals %+v", m.Hospitals)
	}
	if len(m.Classes) != 2 || m.Classes[0] != "urban" || m.Targets[0][0] != 300 || m.Targets[1][2] != 480 {
		t.Errorf("classes %v targets %v", m.Classes, m.Targets)
	}
	classes := ""
	for _, p := range m.Points {
		classes += m.Classes[p.Class][:1]
	}
	if classes != "uurrrr" {
		t.Errorf("demand classes %q, want uurrrr (P1, P2 in the urban zone)", classes)
	}
	if m.Durations.DispatchDelay.Quantile(0.5) != 60 || st.StaticStart() != 120 {
		t.Errorf("durations in seconds: dispatch %v, static start %v", m.Durations.DispatchDelay.Quantile(0.5), st.StaticStart())
	}
}

// The landmark bound never exceeds the true time from any node to any
// demand point (here: every node of the tiny network, every point).
func TestLandmarkBoundIsALowerBound(t *testing.T) {
	st, e := loadTiny(t)
	tr := e.Travel
	g := st.Net.Emergency[0]
	srch := geo.NewSearch(g)
	for v := range g.Nodes() {
		srch.Run([]geo.Seed{{Node: geo.NodeID(v)}}, geo.Query{})
		for d := 2; d < tr.Locations(); d++ {
			exact := arriveTime(g, &tr.locs[d], srch.Time)
			if lb := tr.landmarkBound(geo.NodeID(v), sim.LocID(d), 0); lb > exact+1e-9 {
				t.Errorf("node %d to loc %d: bound %.3f above the exact %.3f", v, d, lb, exact)
			}
		}
	}
}
