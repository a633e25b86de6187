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
