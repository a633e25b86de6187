package coverage

import (
	"fmt"
	"math"

	"github.com/emsplan/sim/sim/model"
)

// gaps lists the data problems a planner should look at before trusting the
// figures: points and facilities far from any road, points no ambulance base
// reaches, and road network dropped as cut off from the rest.
func (r *Result) gaps(st *model.Study) {
	s := st.Scenario
	warn := s.Network.SnapWarnM
	var far, unreached Gap
	far.Kind, unreached.Kind = "far_from_road", "unreachable"
	for i, p := range s.Demand.Points {
		if st.Demand[i].SnapM() > warn {
			far.Count++
			far.Population += p.Population
		}
		if math.IsInf(r.Points[i].Response, 1) {
			unreached.Count++
			unreached.Population += p.Population
		}
	}
	if far.Count > 0 {
		far.Detail = fmt.Sprintf("%d demand points (%.0f residents) lie more than %.0f m from any road: their times include a long off-road leg", far.Count, far.Population, warn)
		r.Gaps = append(r.Gaps, far)
	}
	if unreached.Count > 0 {
		unreached.Detail = fmt.Sprintf("%d demand points (%.0f residents) cannot be reached from any ambulance base", unreached.Count, unreached.Population)
		r.Gaps = append(r.Gaps, unreached)
	}
	ffar := Gap{Kind: "facility_far_from_road"}
	for i, f := range s.Facilities {
		if st.Facilities[i].SnapM() > warn {
			ffar.Count++
			if ffar.Detail == "" {
				ffar.Detail = fmt.Sprintf("facility %s (%s) is %.0f m from the nearest road", f.ID, f.Name, st.Facilities[i].SnapM())
			}
		}
	}
	if ffar.Count > 1 {
		ffar.Detail += fmt.Sprintf(", and %d more facilities are farther than %.0f m", ffar.Count-1, warn)
	}
	if ffar.Count > 0 {
		r.Gaps = append(r.Gaps, ffar)
	}
	if rep := st.Net.DriveReport; rep.DroppedNodes > 0 {
		r.Gaps = append(r.Gaps, Gap{Kind: "network_dropped", Count: rep.DroppedComponents,
			Detail: fmt.Sprintf("%d pieces of road network (%d nodes, %.1f km) are cut off from the rest and were dropped", rep.DroppedComponents, rep.DroppedNodes, rep.DroppedKm)})
	}
}
