package coverage

import (
	"math"
	"testing"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
)

// The tiny study of sim/model/testdata/tiny: two ambulance bases (S1 at A,
// H1 at D), four health facilities (M1 at B, C1 at E, T1 at F, H1 at D), six
// demand points, an urban zone around A-B. Static clock: 1 + 1 minutes of
// dispatch and turnout, then the drive at 1.25 x road speed (A-B also x 0.4).
// Targets: urban 5 min, rural 8 min; health circle 4 min at normal speed.

type edges struct{ AB, BC, CD, BE, CF, FE, off6 float64 }

func times(f float64) edges {
	p := func(lon, lat float64) orb.Point { return orb.Point{lon, lat} }
	ew := geo.Haversine(p(112.00, 28.00), p(112.02, 28.00))
	ns := geo.Haversine(p(112.02, 28.00), p(112.02, 28.02))
	fe := geo.Haversine(p(112.04, 28.02), p(112.02, 28.02))
	mps := func(kmh float64) float64 { return kmh * f / 3.6 }
	return edges{AB: ew / mps(24), BC: ew / mps(60), CD: 2 * ew / mps(60), BE: ns / mps(30), CF: ns / mps(40),
		FE: fe / mps(30), off6: geo.Haversine(p(112.08, 28.01), p(112.08, 28.00)) / (15 / 3.6)}
}

func tinyResult(t *testing.T) (*Result, *scenario.Scenario) {
	t.Helper()
	s, _, err := scenario.Load("../model/testdata/tiny/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := model.Build(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Compute(st), s
}

func TestTinyByHand(t *testing.T) {
	r, s := tinyResult(t)
	e, n := times(1.25), times(1) // emergency and normal speeds
	const S1, H1, C1, T1, M1 = 0, 1, 2, 3, 4
	// Static response (120 s of dispatch and turnout first), nearest base:
	//   P1 mid A-B:        S1, half of A-B                       (H1: CD+BC+AB/2)
	//   P2 B-E at 0.2:     S1, AB + 0.2 BE                       (H1: CD+BC+0.2BE, longer)
	//   P3 mid C-D:        H1, CD/2
	//   P4 mid C->F:       H1, CD + CF/2                         (S1: AB+BC+CF/2)
	//   P5 F-E, 1/4 from F: H1, CD + CF + FE/4                   (S1: AB+BE+3FE/4)
	//   P6 1.1 km off D:   H1, the off-road leg
	resp := []struct {
		station int
		sec     float64
		within  bool
	}{
		{S1, e.AB / 2, true},              // 237.8 s <= 300
		{S1, e.AB + 0.2*e.BE, false},      // 398.3 s > 300
		{H1, e.CD / 2, true},              // 214.2 s <= 480
		{H1, e.CD + e.CF/2, true},         // 388.6 s <= 480
		{H1, e.CD + e.CF + e.FE/4, false}, // 514.1 s > 480
		{H1, e.off6, true},                // 386.9 s <= 480
	}
	// Health circle (4 min, normal speeds), nearest health facility:
	//   P1: M1 at B, half of A-B; P2: M1, 0.2 B-E; P3: H1, half of C-D;
	//   P4: M1, BC + CF/2 (F cannot drive back against the one-way);
	//   P5: T1 at F, a quarter of F-E; P6: H1, the off-road leg (266.9 s > 240).
	health := []struct {
		facility int
		sec      float64
	}{{M1, n.AB / 2}, {M1, 0.2 * n.BE}, {H1, n.CD / 2}, {M1, n.BC + n.CF/2}, {T1, n.FE / 4}, {H1, n.off6}}
	for i, p := range r.Points {
		w := resp[i]
		if p.Station != w.station || math.Abs(p.Response-(120+w.sec)) > tol || p.Within != w.within {
			t.Errorf("P%d response: station %d, %.3f s, within %v; want %d, %.3f s, %v", i+1, p.Station, p.Response, p.Within, w.station, 120+w.sec, w.within)
		}
		h := health[i]
		if p.HealthFacility != h.facility || math.Abs(p.Health-h.sec) > tol || p.HealthWithin != (h.sec <= 240) || p.HealthMode != "drive" {
			t.Errorf("P%d health: facility %d, %.3f s (%s); want %d, %.3f s", i+1, p.HealthFacility, p.Health, p.HealthMode, h.facility, h.sec)
		}
	}
	_ = C1
	// Populations 1000, 500 (urban) and 300, 200, 100, 50 (rural).
	checkGroup(t, "urban", r.Classes[0], 1500, 1000, 1500)
	checkGroup(t, "rural", r.Classes[1], 650, 550, 600) // P3, P4, P6 within; P6 outside the health circle
	checkGroup(t, "total", r.Total, 2150, 1550, 2100)
	if len(r.Townships) != 2 || r.Townships[0].Key != "T1" || r.Townships[1].Covered != 550 {
		t.Errorf("townships %+v", r.Townships)
	}
	// Population-weighted mean response of the urban class.
	wantMean := 120 + (1000*e.AB/2+500*(e.AB+0.2*e.BE))/1500
	if math.Abs(r.Classes[0].MeanTime-wantMean) > tol {
		t.Errorf("urban mean %.3f, want %.3f", r.Classes[0].MeanTime, wantMean)
	}
	// Weighted p90 of the rural class: sorted times P3 214, P6 387, P4 389,
	// P5 514 with weights 300, 50, 200, 100: 90% of 650 = 585 is first
	// reached at P5.
	if want := 120 + e.CD + e.CF + e.FE/4; math.Abs(r.Classes[1].P90Time-want) > tol {
		t.Errorf("rural p90 %.3f, want %.3f", r.Classes[1].P90Time, want)
	}
	// County hospital (H1 only) from P1: D-C-B, then half of A-B (normal speeds).
	if c := r.Points[0].CutTime[0]; math.Abs(c-(n.CD+n.BC+n.AB/2)) > tol || r.Points[0].CutFacility[0] != H1 {
		t.Errorf("P1 to the county hospital %.3f s", c)
	}
	// Township centre or better (H1, T1) from P5: T1.
	if r.Points[4].CutFacility[2] != T1 || !r.Cuts[2].Exists || r.Cuts[1].Tier != scenario.SubCentre {
		t.Errorf("cuts %+v / P5 %v", r.Cuts, r.Points[4].CutFacility)
	}
	// P6 is 1.1 km from the road (snap_warn_m 1000): a data gap.
	if len(r.Gaps) != 1 || r.Gaps[0].Kind != "far_from_road" || r.Gaps[0].Population != 50 {
		t.Errorf("gaps %+v", r.Gaps)
	}
	if len(r.Villages) != 6 || r.Villages[1].Outside() != 500 || r.Villages[1].Name != "Town North" {
		t.Errorf("villages %+v", r.Villages)
	}
	_ = s
}

// tol is the tolerance on times: geo stores edge times as float32 (7
// significant digits), a few hundredths of a millisecond here.
const tol = 1e-3

func checkGroup(t *testing.T, name string, g Group, pop, covered, healthy float64) {
	t.Helper()
	if g.Population != pop || g.Covered != covered || g.Healthy != healthy {
		t.Errorf("%s: population %v covered %v healthy %v; want %v %v %v", name, g.Population, g.Covered, g.Healthy, pop, covered, healthy)
	}
}
