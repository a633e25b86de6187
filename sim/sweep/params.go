package sweep

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/scenario"
)

// ErrParam is wrapped by errors about a parameter or its values.
var ErrParam = errors.New("sweep: bad parameter")

// Param is a scenario key and the values a sweep gives it.
type Param struct {
	Key    string
	Values []float64
}

// key reads and writes one numeric assumption of a scenario.
type key struct {
	doc string
	get func(s *scenario.Scenario) float64
	set func(s *scenario.Scenario, v float64) error
	min float64 // smallest value allowed
	max float64
}

// durationKey scales a duration's distribution so its median is v (the p90,
// mean and scale in proportion: the shape is kept).
func durationKey(name string, d func(s *scenario.Scenario) *scenario.Dist) key {
	return key{
		doc: "median of the " + name + " (minutes; the distribution's shape kept)",
		get: func(s *scenario.Scenario) float64 { return median(*d(s)) },
		set: func(s *scenario.Scenario, v float64) error {
			x := d(s)
			m := median(*x)
			if !(m > 0) {
				return fmt.Errorf("%w: durations.%s: the baseline's median is %g, cannot scale", ErrParam, name, m)
			}
			f := v / m
			x.Value, x.Mean, x.SD, x.Median, x.P90, x.Scale = x.Value*f, x.Mean*f, x.SD*f, x.Median*f, x.P90*f, x.Scale*f
			return nil
		},
		min: 0, max: 1440,
	}
}

// median of a duration distribution in minutes.
func median(d scenario.Dist) float64 {
	switch d.Kind {
	case "fixed":
		return d.Value
	case "exponential":
		return d.Mean * math.Ln2
	case "lognormal":
		if d.Median > 0 {
			return d.Median
		}
		return d.Mean
	case "gamma":
		return d.Shape * d.Scale // the mean, as a stand-in: scaling keeps the shape
	}
	return d.Median
}

var keys = map[string]key{
	"calls_per_1000_per_year": {doc: "emergency calls per 1,000 residents per year",
		get: func(s *scenario.Scenario) float64 { return s.Simulation.CallsPer1000PerYear },
		set: func(s *scenario.Scenario, v float64) error { s.Simulation.CallsPer1000PerYear = v; return nil }, min: 1e-6, max: 1e4},
	"growth": {doc: "demand growth: multiplier on population",
		get: func(s *scenario.Scenario) float64 { return s.Demand.Growth },
		set: func(s *scenario.Scenario, v float64) error { s.Demand.Growth = v; return nil }, min: 1e-6, max: 100},
	"emergency_factor": {doc: "emergency driving speed factor",
		get: func(s *scenario.Scenario) float64 { return s.Network.EmergencyFactor },
		set: func(s *scenario.Scenario, v float64) error { s.Network.EmergencyFactor = v; return nil }, min: 0.1, max: 5},
	"urban_factor": {doc: "urban congestion speed factor",
		get: func(s *scenario.Scenario) float64 { return s.Network.UrbanFactor },
		set: func(s *scenario.Scenario, v float64) error { s.Network.UrbanFactor = v; return nil }, min: 0.1, max: 5},
	"five_g_share": {doc: "share of ambulances that are 5G units (0..1; rounded per base)",
		get: func(s *scenario.Scenario) float64 {
			n, g := 0, 0
			for _, f := range s.Facilities {
				n, g = n+f.Ambulances, g+f.FiveG
			}
			return float64(g) / math.Max(float64(n), 1)
		},
		set: func(s *scenario.Scenario, v float64) error {
			s.Facilities = append([]scenario.Facility(nil), s.Facilities...)
			for i := range s.Facilities {
				s.Facilities[i].FiveG = int(math.Round(v * float64(s.Facilities[i].Ambulances)))
			}
			return nil
		}, min: 0, max: 1},
	"durations.dispatch_delay": durationKey("dispatch delay", func(s *scenario.Scenario) *scenario.Dist { return &s.Simulation.DispatchDelay }),
	"durations.turnout":        durationKey("turnout", func(s *scenario.Scenario) *scenario.Dist { return &s.Simulation.Turnout }),
	"durations.on_scene":       durationKey("time on scene", func(s *scenario.Scenario) *scenario.Dist { return &s.Simulation.OnScene }),
	"durations.handover":       durationKey("hospital handover", func(s *scenario.Scenario) *scenario.Dist { return &s.Simulation.Handover }),
}

// lookup finds a key: the fixed ones, targets.CLASS and bands.NAME.factor.
func lookup(name string) (key, error) {
	if k, ok := keys[name]; ok {
		return k, nil
	}
	if c, ok := strings.CutPrefix(name, "targets."); ok && c != "" {
		return key{doc: "response target of the " + c + " zone (minutes)",
			get: func(s *scenario.Scenario) float64 { return s.Targets.ByClass[c] },
			set: func(s *scenario.Scenario, v float64) error {
				if _, ok := s.Targets.ByClass[c]; !ok {
					return fmt.Errorf("%w: %s: the scenario has no zone class %q", ErrParam, name, c)
				}
				m := make(map[string]float64, len(s.Targets.ByClass))
				for k, x := range s.Targets.ByClass {
					m[k] = x
				}
				m[c] = v
				s.Targets.ByClass = m
				return nil
			}, min: 1e-6, max: 1440}, nil
	}
	if b, ok := strings.CutPrefix(name, "bands."); ok {
		if band, ok := strings.CutSuffix(b, ".factor"); ok && band != "" {
			find := func(s *scenario.Scenario) int {
				for i, x := range s.Network.Bands {
					if x.Name == band {
						return i
					}
				}
				return -1
			}
			return key{doc: "speed factor of the " + band + " band",
				get: func(s *scenario.Scenario) float64 {
					if i := find(s); i >= 0 {
						return s.Network.Bands[i].Factor
					}
					return math.NaN()
				},
				set: func(s *scenario.Scenario, v float64) error {
					i := find(s)
					if i < 0 {
						return fmt.Errorf("%w: %s: the scenario has no band %q", ErrParam, name, band)
					}
					s.Network.Bands = append([]scenario.Band(nil), s.Network.Bands...)
					s.Network.Bands[i].Factor = v
					return nil
				}, min: 0.1, max: 5}, nil
		}
	}
	return key{}, fmt.Errorf("%w: %q is not a key a sweep can vary (%s)", ErrParam, name, strings.Join(Keys(), ", "))
}

// Keys lists the keys a sweep can vary, with the patterns.
func Keys() []string {
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return append(out, "targets.CLASS", "bands.NAME.factor")
}

// ParseVary reads "KEY=V1,V2,..." as a command line gives it.
func ParseVary(s string) (Param, error) {
	k, vals, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if !ok || k == "" {
		return Param{}, fmt.Errorf("%w: want KEY=V1,V2,..., got %q", ErrParam, s)
	}
	kk, err := lookup(k)
	if err != nil {
		return Param{}, err
	}
	p := Param{Key: k}
	for _, v := range strings.Split(vals, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return Param{}, fmt.Errorf("%w: %s: %q is not a number", ErrParam, k, v)
		}
		if x < kk.min || x > kk.max {
			return Param{}, fmt.Errorf("%w: %s: %g is outside %g..%g", ErrParam, k, x, kk.min, kk.max)
		}
		p.Values = append(p.Values, x)
	}
	if len(p.Values) == 0 || len(p.Values) > 1000 {
		return Param{}, fmt.Errorf("%w: %s: give 1 to 1,000 values", ErrParam, k)
	}
	return p, nil
}
