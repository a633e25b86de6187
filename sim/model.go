package sim

import "github.com/emsplan/sim/sim/dist"

// Capability is a set of hospital capabilities, one bit each (bit i is the
// i-th capability of the scenario's list, e.g. chest_pain, stroke, trauma).
type Capability uint32

// Unit is one ambulance.
type Unit struct {
	Name    string // for reports, e.g. "宁乡市人民医院-2"
	Base    LocID  // where it waits and returns to (a static site)
	Station int32  // index into Model.Stations, for reports; -1 if none
	FiveG   bool   // 5G ambulance: AVL position, treatment on board, shorter handover
}

// Hospital is a facility that may receive patients.
type Hospital struct {
	Name     string
	Loc      LocID      // a static site
	Caps     Capability // what it can treat
	Receives bool       // receives ambulance patients; others are never chosen
}

// DemandPoint is a place where calls arise, in proportion to Weight.
type DemandPoint struct {
	Loc      LocID
	Weight   float64   // population (>= 0); calls are drawn in proportion to it
	Class    int32     // zone class, index into Model.Classes
	Township int32     // index into Model.Townships; -1 if none
	Targets  []float64 // optional response targets (s) per priority; nil: Model.Targets[Class]
}

// Priority is a dispatch priority; index 0 is served first.
type Priority struct {
	Name  string
	Share float64 // share of calls; shares sum to 1
}

// Condition is what the patient has; it decides the destination.
type Condition struct {
	Name       string
	Share      float64    // share of calls; shares sum to 1
	Needs      Capability // the destination must have these (0: any receiving hospital)
	Conveyance float64    // probability the patient is taken to hospital, in [0, 1]
	Target     float64    // call-to-capable-centre target (s); 0: none
}

// Durations are the per-call random durations, in seconds.
type Durations struct {
	DispatchDelay dist.Spec // call received -> unit assigned (call taking, triage)
	Turnout       dist.Spec // unit assigned at its base -> wheels rolling
	OnScene       dist.Spec // arrival at the patient -> departure from the scene
	Handover      dist.Spec // arrival at hospital -> unit free again (5G: times HandoverFactor)
}

// FiveG holds the effects of 5G ambulances.
type FiveG struct {
	AVL            bool    // a returning 5G unit can be dispatched from where it is
	HandoverFactor float64 // multiplies the handover time of 5G units (> 0; 1: no reduction)
}

// ReplayCall is one historical call, already placed on the network.
type ReplayCall struct {
	Time      float64 // seconds since the start (a Monday 00:00)
	Loc       LocID
	Class     int32 // zone class of the place
	Township  int32 // -1 if none
	Priority  int32
	Condition int32
}

// Model is everything one simulation needs, in engine units (seconds, LocIDs).
// It is read-only during Run and may be shared by concurrent runs.
type Model struct {
	Units     []Unit
	Stations  []string // station names, for reports
	Hospitals []Hospital
	Points    []DemandPoint

	Classes   []string    // zone class names, e.g. urban, rural
	Townships []string    // township names
	Targets   [][]float64 // response target (s), [class][priority]

	Priorities []Priority
	Conditions []Condition
	Durations  Durations

	// CallsPer1000PerYear is the call rate per 1,000 residents per year;
	// Growth multiplies the total weight (0 means 1). The actual rate is
	// sum(Weight) * Growth * CallsPer1000PerYear / 1000 calls per 365 days.
	CallsPer1000PerYear float64
	Growth              float64
	// GenerationCallsPerYear is the rate (calls per 365 days) at which calls
	// are generated before thinning to the actual rate; set it to the highest
	// actual rate of a compared set so that every variant sees the same calls
	// (common random numbers). 0 means the model's own rate.
	GenerationCallsPerYear float64

	Hourly []float64 // 24 relative rates by hour of day; nil: flat
	Weekly []float64 // 7 relative rates, Monday first; nil: flat

	Warmup  float64 // seconds simulated before measuring
	Horizon float64 // seconds measured after the warm-up
	MaxWait float64 // a call queued this long is handed over (lost); 0: queue forever

	FiveG FiveG

	// Replay, when non-nil, replaces the generated calls by these (in any
	// order). Rates and profiles are then ignored; durations are still drawn.
	Replay []ReplayCall
}

// ActualCallsPerYear returns the model's call rate in calls per 365 days.
func (m *Model) ActualCallsPerYear() float64 {
	var w float64
	for _, p := range m.Points {
		w += p.Weight
	}
	g := m.Growth
	if g == 0 {
		g = 1
	}
	return w * g * m.CallsPer1000PerYear / 1000
}

// target returns the response target of a call at point p (or class c) with priority k.
func (m *Model) target(p *DemandPoint, c, k int32) float64 {
	if p != nil && p.Targets != nil {
		return p.Targets[k]
	}
	return m.Targets[c][k]
}
