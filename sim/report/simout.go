package report

import (
	"math"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
)

// SimSummary is sim/summary.json: every headline figure with its 95%
// confidence interval across replications, beside the static coverage.
type SimSummary struct {
	Scenario  ScenarioInfo      `json:"scenario"`
	Run       Run               `json:"run"`
	Headline  Headline          `json:"headline"`
	Figures   []FigureJSON      `json:"figures"`
	Hospitals []HospitalJSON    `json:"hospital_arrivals"`
	CDF       []CurveJSON       `json:"response_cdf"` // per zone class: the mean of the replications' CDFs
	ByHour    HoursJSON         `json:"by_hour"`
	Units     int               `json:"units"`
	Static    []GroupJSON       `json:"static_coverage"` // "all", then each zone class
	Notes     map[string]string `json:"notes"`
}

// Headline holds the figures a planner asks for first.
type Headline struct {
	Calls          Est            `json:"calls"`
	Compliance     Est            `json:"compliance"`
	ByClass        []ClassJSON    `json:"by_class"`
	ByPriority     []NamedEst     `json:"compliance_by_priority"`
	QueueProb      Est            `json:"queue_prob"`
	MeanWaitMin    Est            `json:"mean_wait_min"`
	LostShare      Est            `json:"lost_share"`
	TreatmentFiveG Est            `json:"treatment_5g_mean_min"`
	TreatmentOther Est            `json:"treatment_conventional_mean_min"`
	Utilisation    Est            `json:"utilisation"`
	CapableCentre  []ConditionEst `json:"call_to_capable_centre"`
}

// ClassJSON is the dynamic result of one zone class.
type ClassJSON struct {
	Class      string `json:"class"`
	TargetMin  Num    `json:"target_min"`
	Compliance Est    `json:"compliance"`
	MeanMin    Est    `json:"response_mean_min"`
	MedianMin  Est    `json:"response_median_min"`
	P90Min     Est    `json:"response_p90_min"`
	P95Min     Est    `json:"response_p95_min"`
	Static     Num    `json:"static_share_within_target"`
}

// NamedEst is an estimate for a named subject.
type NamedEst struct {
	Name string `json:"name"`
	Est
}

// ConditionEst is the call-to-capable-centre compliance of a condition.
type ConditionEst struct {
	Condition string `json:"condition"`
	TargetMin Num    `json:"target_min"`
	Share     Est    `json:"share_within_target"`
}

// HospitalJSON is the mean number of patients a hospital receives per run
// horizon, by condition.
type HospitalJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Total       Num    `json:"total"`
	ByCondition []Num  `json:"by_condition"` // in the order of the scenario's conditions
}

// CurveJSON is a cumulative distribution of response times: Share[k] of the
// calls (lost ones included) were reached within (k+1) x StepMin minutes.
type CurveJSON struct {
	Class     string `json:"class"`
	TargetMin Num    `json:"target_min"`
	StepMin   Num    `json:"step_min"`
	Share     []Num  `json:"share"`
}

// HoursJSON holds the mean calls received and units busy in each hour of the day.
type HoursJSON struct {
	Calls []Num `json:"calls"`
	Busy  []Num `json:"units_busy"`
}

// NewSimSummary gathers the run's figures.
func NewSimSummary(e *model.Engine, res *sim.Results, cov *coverage.Result, run Run) *SimSummary {
	st := e.Model
	es := res.Summary()
	m := NewEstimates(es)
	g := func(k, by string, i int) Est { return est(m.Get(k, by, i)) }
	sum := &SimSummary{Scenario: NewScenarioInfo(e.Study), Run: run, Notes: simNotes()}
	h := &sum.Headline
	h.Calls, h.Compliance = g(sim.FigCalls, "", -1), g(sim.FigCompliance, "", -1)
	h.QueueProb, h.MeanWaitMin, h.LostShare = g(sim.FigQueueProb, "", -1), g(sim.FigMeanWait, "", -1), g(sim.FigLostShare, "", -1)
	h.TreatmentOther, h.TreatmentFiveG = g(sim.FigTreatmentMean, "kind", 0), g(sim.FigTreatmentMean, "kind", 1)
	h.Utilisation = g(sim.FigUtilisation, "", -1)
	for c, name := range st.Classes {
		cj := ClassJSON{Class: name, TargetMin: Minutes(st.Targets[c][0]), Compliance: g(sim.FigCompliance, "class", c),
			MeanMin: g(sim.FigResponseMean, "class", c), MedianMin: g(sim.FigResponseMedian, "class", c),
			P90Min: g(sim.FigResponseP90, "class", c), P95Min: g(sim.FigResponseP95, "class", c), Static: Share(staticShare(cov, name))}
		h.ByClass = append(h.ByClass, cj)
	}
	for p, pr := range st.Priorities {
		h.ByPriority = append(h.ByPriority, NamedEst{pr.Name, g(sim.FigCompliance, "priority", p)})
	}
	for c, cond := range st.Conditions {
		if cond.Target > 0 {
			h.CapableCentre = append(h.CapableCentre, ConditionEst{cond.Name, Minutes(cond.Target), g(sim.FigCapableCentre, "condition", c)})
		}
	}
	for _, x := range es {
		sum.Figures = append(sum.Figures, FigureJSON{Key: x.Key, By: x.By, Name: figureName(e, x.By, x.Index), Unit: unitOf(x.Key), Est: est(x)})
	}
	sum.Hospitals = hospitalArrivals(e, res)
	sum.CDF = responseCurves(e, res)
	sum.ByHour = byHour(res)
	sum.Units = len(st.Units)
	if cov != nil {
		sum.Static = append(sum.Static, groupJSON(&cov.Total))
		for i := range cov.Classes {
			sum.Static = append(sum.Static, groupJSON(&cov.Classes[i]))
		}
	}
	return sum
}

func staticShare(cov *coverage.Result, class string) float64 {
	if cov == nil {
		return nan()
	}
	for i := range cov.Classes {
		if cov.Classes[i].Key == class {
			return cov.Classes[i].Share()
		}
	}
	return nan()
}

func hospitalArrivals(e *model.Engine, res *sim.Results) []HospitalJSON {
	var out []HospitalJSON
	nrep := float64(len(res.Reps))
	for h, fi := range e.HospitalFacility {
		f := &e.Study.Scenario.Facilities[fi]
		hj := HospitalJSON{ID: f.ID, Name: f.Name}
		total := 0.0
		for c := range e.Model.Conditions {
			n := 0
			for _, r := range res.Reps {
				n += r.HospitalArrivals[h][c]
			}
			hj.ByCondition = append(hj.ByCondition, N(float64(n)/nrep, 1))
			total += float64(n) / nrep
		}
		hj.Total = N(total, 1)
		out = append(out, hj)
	}
	return out
}

// simNotes defines the figures for whoever reads summary.json.
func simNotes() map[string]string {
	return map[string]string{
		"response":     "call received to first unit at the patient: queueing, dispatch delay, turnout and drive",
		"compliance":   "share of calls reached within their target; lost calls count as misses",
		"treatment":    "call to effective treatment of conveyed patients: arrival at the patient for 5G units, at hospital otherwise",
		"ci":           "95% confidence intervals, t-based, across replications",
		"utilisation":  "share of the measured horizon a unit spent from dispatch until free again",
		"calls":        "calls in the measured horizon (days), per replication",
		"capable_time": "call to arrival at a hospital with the capability the condition needs (conveyed patients)",
	}
}

// SetSim puts a simulation's results into d: its summary and its tables.
// cov, when not nil, gives the static shares shown beside.
func (d *RunData) SetSim(e *model.Engine, res *sim.Results, cov *coverage.Result, run Run) {
	d.Sim = NewSimSummary(e, res, cov, run)
	d.Tables["sim/calls.csv"] = callsTable(e, res, run.Calls == "all")
	d.Tables["sim/units.csv"] = unitsTable(e, res)
	d.Tables["sim/townships.csv"] = simTownshipsTable(e, res, cov)
	d.Tables["sim/hospitals.csv"] = hospitalsTable(e, d.Sim)
}

// responseCurves returns the mean CDF of each zone class, trimmed once it
// stops rising.
func responseCurves(e *model.Engine, res *sim.Results) []CurveJSON {
	var out []CurveJSON
	for c, name := range e.Model.Classes {
		cv := CurveJSON{Class: name, TargetMin: Minutes(e.Model.Targets[c][0]), StepMin: N(sim.HistogramWidth/60, 1)}
		final := sim.MeanCDF(res.Reps, c, math.Inf(1))
		for k := 1; ; k++ {
			y := sim.MeanCDF(res.Reps, c, float64(k)*sim.HistogramWidth)
			if math.IsNaN(y) {
				break
			}
			cv.Share = append(cv.Share, N(y, 5))
			if y >= final || k*int(sim.HistogramWidth) >= 3*3600 {
				break
			}
		}
		out = append(out, cv)
	}
	return out
}

// byHour averages the calls and busy units by hour over the replications.
func byHour(res *sim.Results) HoursJSON {
	var h HoursJSON
	n := float64(len(res.Reps))
	for k := 0; k < 24; k++ {
		var calls, busy float64
		for _, r := range res.Reps {
			calls += float64(r.CallsByHour[k])
			busy += r.BusyByHour[k]
		}
		h.Calls = append(h.Calls, N(calls/n, 2))
		h.Busy = append(h.Busy, N(busy/n, 3))
	}
	return h
}
