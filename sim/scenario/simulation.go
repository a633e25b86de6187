package scenario

import "github.com/paulmach/orb"

// Simulation holds the parameters of the discrete-event simulation. Every
// value is filled: keys the YAML leaves out take the documented defaults
// (docs/simulation.md says where each default comes from).
type Simulation struct {
	Days                float64
	WarmupDays          float64
	Replications        int
	CallsPer1000PerYear float64
	Hourly              [24]float64 // relative rate by hour of day, sums to 24 (mean 1)
	Weekly              [7]float64  // relative rate Monday..Sunday, sums to 7 (mean 1)
	Priorities          []Priority
	Conditions          []Condition
	Conveyance          float64 // default probability of transport to hospital
	DispatchDelay       Dist
	Turnout             Dist
	OnScene             Dist
	Handover            Dist
	AVL                 bool    // 5G units can be dispatched while returning
	HandoverFactor      float64 // multiplies the handover time of 5G units
	MaxWaitMin          float64 // > 0: calls waiting longer go to a neighbouring service
	Replay              string  // CSV of historical calls; empty: generate calls
	ReplayCalls         []ReplayCall
}

// Priority is a call priority class (P1 most urgent).
type Priority struct {
	Name  string
	Share float64
}

// Condition is what the patient has; it decides the destination hospital.
type Condition struct {
	Name       string
	Share      float64
	Needs      string  // capability the destination must have; "" for any receiving hospital
	TargetMin  float64 // target from call to arrival at a capable centre; 0: none
	Conveyance float64 // probability of transport to hospital
}

// Dist is a duration distribution in minutes. Kind is "fixed",
// "exponential", "lognormal" or "gamma"; the parameters set are the ones the
// kind uses (Value; Mean; Median and P90 or Mean and SD; Mean and SD or
// Shape and Scale).
type Dist struct {
	Kind   string
	Value  float64
	Mean   float64
	SD     float64
	Median float64
	P90    float64
	Shape  float64
	Scale  float64
}

// ReplayCall is one historical call.
type ReplayCall struct {
	TimeMin   float64 // minutes since the start of the simulation (a Monday 00:00)
	Point     orb.Point
	Priority  string
	Condition string
	Pos       Pos
}
