package plan

import (
	"math"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
)

// MinutesPerYear is the length of the year the busy fraction divides by.
const MinutesPerYear = 365 * 24 * 60

// MaxBusy caps the busy fraction: at q = 1 expected coverage means nothing.
const MaxBusy = 0.95

// Busy is the static estimate of the share of time an ambulance is
// busy (MEXCLP's q), from the scenario:
//
//	q = calls a year x busy minutes per call / units / 525,600 minutes
//	busy per call = turnout + 2 x drive + on scene + conveyance x (transport + handover)
//
// with the means of the scenario's distributions, drive the
// population-weighted mean static drive from today's nearest base (out and,
// roughly, back), transport the population-weighted mean emergency drive
// from the scene to the nearest receiving hospital, and handover shortened
// by the 5G factor for the fleet's 5G share.
type Busy struct {
	CallsPerYear            float64
	Turnout, Drive, OnScene float64 // minutes
	Conveyance              float64 // share of calls conveyed
	Transport, Handover     float64 // minutes (Handover after the 5G factor)
	PerCall                 float64 // busy minutes per call
	Units                   int
	Q                       float64
	Capped                  bool // the formula gave more than MaxBusy
}

// EstimateBusy estimates the busy fraction of units ambulances on study st,
// whose static coverage by today's bases is cov (for the drive). It never
// fails: missing parts (no receiving hospital, nothing reached) count 0.
func EstimateBusy(st *model.Study, cov *coverage.Result, units int) Busy {
	s := st.Scenario
	sm := &s.Simulation
	b := Busy{Units: units, Turnout: model.Mean(sm.Turnout), OnScene: model.Mean(sm.OnScene)}
	pop := 0.0
	for _, p := range s.Demand.Points {
		pop += p.Population
	}
	b.CallsPerYear = pop * s.Demand.Growth * sm.CallsPer1000PerYear / 1000
	if mt := cov.Total.MeanTime; !math.IsNaN(mt) && !math.IsInf(mt, 0) {
		b.Drive = math.Max(mt-st.StaticStart(), 0) / 60
	}
	b.Conveyance = sm.Conveyance
	if len(sm.Conditions) > 0 {
		b.Conveyance = 0
		for _, c := range sm.Conditions {
			b.Conveyance += c.Share * c.Conveyance
		}
	}
	var hosp []model.Place
	fleet, five := 0, 0
	for i, f := range s.Facilities {
		if f.Receives {
			hosp = append(hosp, st.Facilities[i])
		}
		fleet, five = fleet+f.Ambulances, five+f.FiveG
	}
	if len(hosp) > 0 {
		r := st.Reach(model.Emergency, hosp, 0)
		w, sum := 0.0, 0.0
		for i, p := range s.Demand.Points {
			if t, _ := r.To(&st.Demand[i]); !math.IsInf(t, 1) {
				w, sum = w+p.Population, sum+p.Population*t
			}
		}
		if w > 0 {
			b.Transport = sum / w / 60
		}
	}
	b.Handover = model.Mean(sm.Handover)
	if fleet > 0 {
		share := float64(five) / float64(fleet)
		b.Handover *= 1 - share*(1-sm.HandoverFactor)
	}
	b.PerCall = b.Turnout + 2*b.Drive + b.OnScene + b.Conveyance*(b.Transport+b.Handover)
	if units > 0 {
		b.Q = b.CallsPerYear * b.PerCall / float64(units) / MinutesPerYear
	}
	if b.Q > MaxBusy {
		b.Q, b.Capped = MaxBusy, true
	}
	return b
}
