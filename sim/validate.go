package sim

import (
	"errors"
	"fmt"
	"math"
)

// ErrModel is wrapped by every error that Validate returns.
var ErrModel = errors.New("sim: invalid model")

func modelErr(field string, format string, a ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrModel, field, fmt.Sprintf(format, a...))
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// shareSumTol is how far shares may sum from 1.
const shareSumTol = 1e-6

// Validate checks the model once, before any simulation, and returns an
// error (wrapping ErrModel) that names the field, e.g.
// "sim: invalid model: conditions[2].conveyance: must be in [0, 1], got 1.2".
func (m *Model) Validate() error {
	if len(m.Units) == 0 {
		return modelErr("units", "no ambulance in the deployment")
	}
	any5G := false
	for i, u := range m.Units {
		if u.Base < 0 {
			return modelErr(fmt.Sprintf("units[%d].base", i), "invalid location %d", u.Base)
		}
		if u.Station < -1 || int(u.Station) >= len(m.Stations) && u.Station != -1 {
			return modelErr(fmt.Sprintf("units[%d].station", i), "index %d out of range (%d stations)", u.Station, len(m.Stations))
		}
		any5G = any5G || u.FiveG
	}
	if any5G && (!finite(m.FiveG.HandoverFactor) || m.FiveG.HandoverFactor <= 0) {
		return modelErr("five_g.handover_factor", "must be > 0, got %g", m.FiveG.HandoverFactor)
	}
	for i, h := range m.Hospitals {
		if h.Loc < 0 {
			return modelErr(fmt.Sprintf("hospitals[%d].loc", i), "invalid location %d", h.Loc)
		}
	}
	if len(m.Classes) == 0 {
		return modelErr("classes", "no zone class")
	}
	if err := checkShares("priorities", len(m.Priorities), func(i int) float64 { return m.Priorities[i].Share }); err != nil {
		return err
	}
	if err := checkShares("conditions", len(m.Conditions), func(i int) float64 { return m.Conditions[i].Share }); err != nil {
		return err
	}
	if len(m.Targets) != len(m.Classes) {
		return modelErr("targets", "%d rows for %d zone classes", len(m.Targets), len(m.Classes))
	}
	for c, row := range m.Targets {
		if err := checkTargets(fmt.Sprintf("targets[%s]", m.Classes[c]), row, len(m.Priorities)); err != nil {
			return err
		}
	}
	conveys := false
	for i, c := range m.Conditions {
		f := fmt.Sprintf("conditions[%d]", i)
		if !finite(c.Conveyance) || c.Conveyance < 0 || c.Conveyance > 1 {
			return modelErr(f+".conveyance", "must be in [0, 1], got %g", c.Conveyance)
		}
		if !finite(c.Target) || c.Target < 0 {
			return modelErr(f+".target", "must be >= 0 seconds, got %g", c.Target)
		}
		conveys = conveys || c.Conveyance > 0
	}
	if conveys && !m.anyReceiving() {
		return modelErr("hospitals", "patients are conveyed but no hospital receives them")
	}
	d := m.Durations
	for _, x := range []struct {
		name string
		err  error
	}{{"durations.dispatch_delay", d.DispatchDelay.Validate()}, {"durations.turnout", d.Turnout.Validate()},
		{"durations.on_scene", d.OnScene.Validate()}, {"durations.handover", d.Handover.Validate()}} {
		if x.err != nil {
			return modelErr(x.name, "%v", x.err)
		}
	}
	if !finite(m.Warmup) || m.Warmup < 0 {
		return modelErr("warmup", "must be >= 0 seconds, got %g", m.Warmup)
	}
	if !finite(m.Horizon) || m.Horizon <= 0 {
		return modelErr("horizon", "must be > 0 seconds, got %g", m.Horizon)
	}
	if !finite(m.MaxWait) || m.MaxWait < 0 {
		return modelErr("max_wait", "must be >= 0 seconds, got %g", m.MaxWait)
	}
	if m.Replay != nil {
		return m.validateReplay()
	}
	return m.validateDemand()
}

func (m *Model) anyReceiving() bool {
	for _, h := range m.Hospitals {
		if h.Receives {
			return true
		}
	}
	return false
}

func checkShares(field string, n int, share func(int) float64) error {
	if n == 0 {
		return modelErr(field, "none given")
	}
	var sum float64
	for i := 0; i < n; i++ {
		s := share(i)
		if !finite(s) || s < 0 {
			return modelErr(fmt.Sprintf("%s[%d].share", field, i), "must be >= 0, got %g", s)
		}
		sum += s
	}
	if math.Abs(sum-1) > shareSumTol {
		return modelErr(field, "shares sum to %g, not 1", sum)
	}
	return nil
}

func checkTargets(field string, t []float64, n int) error {
	if len(t) != n {
		return modelErr(field, "%d targets for %d priorities", len(t), n)
	}
	for k, x := range t {
		if !finite(x) || x <= 0 {
			return modelErr(fmt.Sprintf("%s[%d]", field, k), "target must be > 0 seconds, got %g", x)
		}
	}
	return nil
}

func (m *Model) validateDemand() error {
	if len(m.Points) == 0 {
		return modelErr("points", "no demand point")
	}
	var w float64
	for i, p := range m.Points {
		f := fmt.Sprintf("points[%d]", i)
		if p.Loc < 0 {
			return modelErr(f+".loc", "invalid location %d", p.Loc)
		}
		if !finite(p.Weight) || p.Weight < 0 {
			return modelErr(f+".weight", "population must be >= 0, got %g", p.Weight)
		}
		if p.Class < 0 || int(p.Class) >= len(m.Classes) {
			return modelErr(f+".class", "index %d out of range", p.Class)
		}
		if p.Township < -1 || int(p.Township) >= len(m.Townships) {
			return modelErr(f+".township", "index %d out of range", p.Township)
		}
		if p.Targets != nil {
			if err := checkTargets(f+".targets", p.Targets, len(m.Priorities)); err != nil {
				return err
			}
		}
		w += p.Weight
	}
	if w <= 0 {
		return modelErr("points", "total population is 0")
	}
	if !finite(m.CallsPer1000PerYear) || m.CallsPer1000PerYear <= 0 {
		return modelErr("calls_per_1000_per_year", "must be > 0, got %g", m.CallsPer1000PerYear)
	}
	if !finite(m.Growth) || m.Growth < 0 {
		return modelErr("growth", "must be > 0 (0 means 1), got %g", m.Growth)
	}
	act := m.ActualCallsPerYear()
	if g := m.GenerationCallsPerYear; !finite(g) || g < 0 || g > 0 && g < act*(1-1e-12) {
		return modelErr("generation_calls_per_year", "must be 0 or >= the actual rate %g, got %g", act, g)
	}
	if err := checkProfile("hourly_profile", m.Hourly, 24); err != nil {
		return err
	}
	return checkProfile("weekly_profile", m.Weekly, 7)
}

func checkProfile(field string, p []float64, n int) error {
	if p == nil {
		return nil
	}
	if len(p) != n {
		return modelErr(field, "need %d numbers, got %d", n, len(p))
	}
	var sum float64
	for i, x := range p {
		if !finite(x) || x < 0 {
			return modelErr(fmt.Sprintf("%s[%d]", field, i), "must be >= 0, got %g", x)
		}
		sum += x
	}
	if sum <= 0 {
		return modelErr(field, "all zero")
	}
	return nil
}

func (m *Model) validateReplay() error {
	for i, c := range m.Replay {
		f := fmt.Sprintf("replay[%d]", i)
		switch {
		case !finite(c.Time) || c.Time < 0:
			return modelErr(f+".time", "must be >= 0 seconds, got %g", c.Time)
		case c.Loc < 0:
			return modelErr(f+".loc", "invalid location %d", c.Loc)
		case c.Class < 0 || int(c.Class) >= len(m.Classes):
			return modelErr(f+".class", "index %d out of range", c.Class)
		case c.Township < -1 || int(c.Township) >= len(m.Townships):
			return modelErr(f+".township", "index %d out of range", c.Township)
		case c.Priority < 0 || int(c.Priority) >= len(m.Priorities):
			return modelErr(f+".priority", "index %d out of range", c.Priority)
		case c.Condition < 0 || int(c.Condition) >= len(m.Conditions):
			return modelErr(f+".condition", "index %d out of range", c.Condition)
		}
	}
	return nil
}
