package sim

import (
	"math"
)

// Ratio is a count of hits out of N.
type Ratio struct{ Hit, N int }

// Share returns Hit/N, or NaN when N is 0.
func (r Ratio) Share() float64 {
	if r.N == 0 {
		return math.NaN()
	}
	return float64(r.Hit) / float64(r.N)
}

// Times summarises a sample of durations (seconds). Every field is NaN when N is 0.
type Times struct {
	N                      int
	Mean, Median, P90, P95 float64
}

// UnitStats is one unit's load in the measured window.
type UnitStats struct {
	Busy        float64 // seconds from dispatch until free again
	Utilisation float64 // Busy / Model.Horizon
	Calls       int     // measured calls it served
}

// Replication holds the aggregates of one replication over the measured
// window (calls received in [Warmup, Warmup+Horizon); the run continues until
// they are all done). Times in seconds.
type Replication struct {
	Index       int
	WarmupCalls int // calls received during the warm-up (simulated, not measured)
	Calls       int // measured calls
	Lost        int // handed over after the maximum wait (or unreachable)
	Queued      int // no unit free when the dispatcher took the call

	// MeanWait is the mean queueing time of the served calls (0 for calls
	// that did not wait).
	MeanWait float64

	// Compliance counts calls reached within their target; a lost call
	// counts as a miss.
	Compliance Ratio
	ByClass    []Ratio // per zone class
	ByPriority []Ratio
	ByTownship []Ratio

	Response        Times   // response time of served calls
	ResponseByClass []Times // per zone class
	// ResponseHist is the histogram of response times per zone class,
	// lost calls included, for cumulative distributions.
	ResponseHist       []Histogram
	ResponseByTownship []Times

	// Treatment is the time from call to effective treatment of conveyed
	// patients; TreatmentFiveG and TreatmentOther split it by the kind of
	// unit that served them.
	Treatment, TreatmentFiveG, TreatmentOther Times

	Units []UnitStats
	// HospitalArrivals[h][c]: conveyed patients of condition c at hospital h.
	HospitalArrivals [][]int
	// CapableCentre[c]: conveyed patients of condition c that reached a
	// hospital with the capability within the condition's Target (N = 0 when
	// the condition has no target).
	CapableCentre []Ratio

	CallsByHour [24]int     // calls received by hour of day
	BusyByHour  [24]float64 // mean number of busy units by hour of day
}

// LostShare returns Lost/Calls.
func (r *Replication) LostShare() float64 { return Ratio{r.Lost, r.Calls}.Share() }

// QueueProb returns Queued/Calls: the probability that a call had to wait.
func (r *Replication) QueueProb() float64 { return Ratio{r.Queued, r.Calls}.Share() }

// MeanUtilisation returns the mean utilisation over units.
func (r *Replication) MeanUtilisation() float64 {
	var s float64
	for _, u := range r.Units {
		s += u.Utilisation
	}
	return s / float64(len(r.Units))
}

// summarise computes the aggregates from the finished replication.
func (r *rep) summarise() Replication {
	m := r.m
	nc, np, nt := len(m.Classes), len(m.Priorities), len(m.Townships)
	out := Replication{
		Index: r.index, ByClass: make([]Ratio, nc), ByPriority: make([]Ratio, np),
		ByTownship: make([]Ratio, nt), HospitalArrivals: make([][]int, len(m.Hospitals)),
		CapableCentre: make([]Ratio, len(m.Conditions)), Units: make([]UnitStats, len(r.units)),
		ResponseHist: make([]Histogram, nc),
	}
	for k := range out.ResponseHist {
		out.ResponseHist[k] = newHistogram()
	}
	for h := range out.HospitalArrivals {
		out.HospitalArrivals[h] = make([]int, len(m.Conditions))
	}
	all := make([]float64, 0, len(r.calls))
	byClass := make([][]float64, nc)
	byTown := make([][]float64, nt)
	var tr5, trO []float64
	var wait float64
	served := 0
	for i := range r.calls {
		c := &r.calls[i]
		if c.Received < r.w0 {
			out.WarmupCalls++
			continue
		}
		out.Calls++
		out.CallsByHour[int(c.Received/3600)%24]++
		met := 0
		if c.Met() {
			met = 1
		}
		add := func(x *Ratio) { x.Hit += met; x.N++ }
		add(&out.Compliance)
		add(&out.ByClass[c.Class])
		add(&out.ByPriority[c.Priority])
		if c.Township >= 0 {
			add(&out.ByTownship[c.Township])
		}
		if c.Queued {
			out.Queued++
		}
		out.ResponseHist[c.Class].add(c.Response)
		if c.Lost {
			out.Lost++
			continue
		}
		served++
		wait += c.Wait
		all = append(all, c.Response)
		byClass[c.Class] = append(byClass[c.Class], c.Response)
		if c.Township >= 0 {
			byTown[c.Township] = append(byTown[c.Township], c.Response)
		}
		if !c.Conveyed {
			continue
		}
		if c.FiveG {
			tr5 = append(tr5, c.Treatment)
		} else {
			trO = append(trO, c.Treatment)
		}
		out.HospitalArrivals[c.Hospital][c.Condition]++
		if tg := m.Conditions[c.Condition].Target; tg > 0 {
			cc := &out.CapableCentre[c.Condition]
			cc.N++
			if c.ToCentre() <= tg {
				cc.Hit++
			}
		}
	}
	out.MeanWait = math.NaN()
	if served > 0 {
		out.MeanWait = wait / float64(served)
	}
	out.Response = times(all)
	out.ResponseByClass = make([]Times, nc)
	for k := range byClass {
		out.ResponseByClass[k] = times(byClass[k])
	}
	out.ResponseByTownship = make([]Times, nt)
	for k := range byTown {
		out.ResponseByTownship[k] = times(byTown[k])
	}
	out.TreatmentFiveG, out.TreatmentOther = times(tr5), times(trO)
	out.Treatment = times(append(append(make([]float64, 0, len(tr5)+len(trO)), tr5...), trO...))
	for i, us := range r.units {
		out.Units[i] = UnitStats{Busy: us.busyTime, Utilisation: us.busyTime / m.Horizon, Calls: us.calls}
	}
	out.BusyByHour = r.busyByHour
	exposure := hourExposure(r.w0, r.w1)
	for h := range out.BusyByHour {
		if exposure[h] > 0 {
			out.BusyByHour[h] /= exposure[h]
		}
	}
	return out
}
