package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/model"
)

// Run describes a simulation run for the files it writes. Workers are
// deliberately absent: results do not depend on them.
type Run struct {
	Replications int     `json:"replications"`
	Days         float64 `json:"days"`
	WarmupDays   float64 `json:"warmup_days"`
	Seed         uint64  `json:"seed"`
	AVL          bool    `json:"avl"`
	Calls        string  `json:"calls_csv"` // "first" or "all" replications in calls.csv
}

// Est is an estimate across replications in output units: mean and its 95%
// confidence interval (t-based, across replications).
type Est struct {
	Mean Num `json:"mean"`
	Lo   Num `json:"lo"`
	Hi   Num `json:"hi"`
	N    int `json:"n"` // replications where the figure is defined
}

// FigureJSON is one headline figure of the simulation.
type FigureJSON struct {
	Key  string `json:"key"`
	By   string `json:"by,omitempty"`
	Name string `json:"name,omitempty"` // of the class, township, unit, hospital...
	Unit string `json:"unit"`           // "min", "share", "count"
	Est
}

// isTime reports whether figure key k is a duration (written in minutes).
func isTime(k string) bool {
	return strings.HasPrefix(k, "response_") || strings.HasPrefix(k, "treatment_") || k == sim.FigMeanWait
}

func isShare(k string) bool {
	switch k {
	case sim.FigCompliance, sim.FigLostShare, sim.FigQueueProb, sim.FigUtilisation, sim.FigCapableCentre:
		return true
	}
	return false
}

// est converts an engine estimate of figure key into output units.
func est(e sim.Estimate) Est {
	switch {
	case isTime(e.Key):
		return Est{Minutes(e.Mean), Minutes(e.Lo), Minutes(e.Hi), e.N}
	case isShare(e.Key): // a share's interval stays within [0, 1]
		return Est{Share(e.Mean), Share(clamp01(e.Lo)), Share(clamp01(e.Hi)), e.N}
	}
	return Est{N(e.Mean, 2), N(e.Lo, 2), N(e.Hi, 2), e.N}
}

func unitOf(k string) string {
	switch {
	case isTime(k):
		return "min"
	case isShare(k):
		return "share"
	}
	return "count"
}

// Estimates indexes a run's estimates by (key, by, index).
type Estimates map[string]sim.Estimate

// NewEstimates indexes es.
func NewEstimates(es []sim.Estimate) Estimates {
	m := Estimates{}
	for _, e := range es {
		m[estKey(e.Key, e.By, e.Index)] = e
	}
	return m
}

func estKey(k, by string, i int) string { return k + "|" + by + "|" + strconv.Itoa(i) }

// Get returns the estimate of figure key by (by, i); a NaN estimate when the
// run has none.
func (m Estimates) Get(key, by string, i int) sim.Estimate {
	if e, ok := m[estKey(key, by, i)]; ok {
		return e
	}
	n := math.NaN()
	return sim.Estimate{Key: key, By: by, Index: i, Mean: n, Lo: n, Hi: n}
}

// figureName names the subject of an estimate for the files.
func figureName(e *model.Engine, by string, i int) string {
	m := e.Model
	switch by {
	case "class":
		return m.Classes[i]
	case "priority":
		return m.Priorities[i].Name
	case "township":
		return m.Townships[i]
	case "unit":
		return m.Units[i].Name
	case "hospital":
		return m.Hospitals[i].Name
	case "condition":
		return m.Conditions[i].Name
	case "kind":
		return [...]string{"conventional", "5g"}[i]
	}
	return ""
}

func clamp01(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	return math.Min(math.Max(x, 0), 1)
}
