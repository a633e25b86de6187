package sim

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/emsplan/sim/sim/dist"
)

// year is the length of the "per year" in call rates.
const year = 365 * 86400.0

// generator holds what call generation needs, built once per Model.
type generator struct {
	places, prios, conds alias
	hourly, weekly       [24]float64 // normalised to mean 1 (weekly uses 7)
	peak                 float64     // peak of hourly*weekly
	genRate              float64     // calls per second generated
	keep                 float64     // probability a generated call is kept (actual/generation)
}

func newGenerator(m *Model) *generator {
	g := &generator{}
	w := make([]float64, len(m.Points))
	for i, p := range m.Points {
		w[i] = p.Weight
	}
	if m.Replay == nil {
		g.places = newAlias(w)
	}
	ps := make([]float64, len(m.Priorities))
	for i, p := range m.Priorities {
		ps[i] = p.Share
	}
	g.prios = newAlias(ps)
	cs := make([]float64, len(m.Conditions))
	for i, c := range m.Conditions {
		cs[i] = c.Share
	}
	g.conds = newAlias(cs)
	maxH := normProfile(g.hourly[:24], m.Hourly)
	maxW := normProfile(g.weekly[:7], m.Weekly)
	g.peak = maxH * maxW
	act := m.ActualCallsPerYear()
	gen := math.Max(act, m.GenerationCallsPerYear)
	g.genRate = gen / year
	g.keep = 1
	if gen > 0 {
		g.keep = act / gen
	}
	return g
}

// normProfile writes p (or a flat profile when nil) scaled to mean 1 into dst
// and returns its maximum.
func normProfile(dst, p []float64) float64 {
	var sum float64
	for i := range dst {
		dst[i] = 1
		if p != nil {
			dst[i] = p[i]
		}
		sum += dst[i]
	}
	mx := 0.0
	for i := range dst {
		dst[i] *= float64(len(dst)) / sum
		mx = math.Max(mx, dst[i])
	}
	return mx
}

// rateFactor is the profile at time t (seconds since Monday 00:00).
func (g *generator) rateFactor(t float64) float64 {
	h := int(t/3600) % 24
	d := int(t/86400) % 7
	return g.hourly[h] * g.weekly[d]
}

// samplers holds the per-replication random streams.
type samplers struct {
	arrival, place, prio, cond, demand, convey *rand.Rand
	delay, turnout, onScene, handover          dist.Sampler
}

func newSamplers(m *Model, seed uint64, rep int) (samplers, error) {
	r := func(name string) *rand.Rand { return rand.New(NewStream(seed, rep, name)) }
	var err error
	d := func(s dist.Spec, name string) dist.Sampler {
		smp, e := s.New(NewStream(seed, rep, name))
		if e != nil && err == nil {
			err = e
		}
		return smp
	}
	s := samplers{
		arrival: r(streamArrival), place: r(streamPlace), prio: r(streamPriority),
		cond: r(streamCondition), demand: r(streamDemand), convey: r(streamConvey),
		delay:    d(m.Durations.DispatchDelay, streamDelay),
		turnout:  d(m.Durations.Turnout, streamTurnout),
		onScene:  d(m.Durations.OnScene, streamOnScene),
		handover: d(m.Durations.Handover, streamHandover),
	}
	return s, err
}

// drawDurations draws the per-call durations, one value from each stream.
func (s *samplers) drawDurations() draws {
	return draws{
		delay: s.delay.Rand(), turnout: s.turnout.Rand(), onScene: s.onScene.Rand(),
		convey: s.convey.Float64(), handover: s.handover.Rand(),
	}
}

// generate fills r.calls and r.draws with the calls of one replication,
// sorted by time, up to the end of the measured window.
func (r *rep) generate() {
	m, g, s := r.m, r.gen, &r.smp
	r.calls, r.draws = r.calls[:0], r.draws[:0]
	end := m.Warmup + m.Horizon
	if m.Replay != nil {
		r.replay(end)
		return
	}
	if g.genRate <= 0 {
		return
	}
	if want := int(g.genRate*g.keep*end*1.05) + 64; cap(r.calls) < want {
		r.calls = make([]CallRecord, 0, want)
		r.draws = make([]draws, 0, want)
	}
	peak := g.genRate * g.peak
	t := 0.0
	for id := CallID(0); ; {
		t += s.arrival.ExpFloat64() / peak
		if t >= end {
			return
		}
		if g.peak != 1 && s.arrival.Float64()*g.peak >= g.rateFactor(t) {
			continue // thinned by the hourly and weekly profiles (never when flat)
		}
		pt := g.places.draw(s.place)
		pr := g.prios.draw(s.prio)
		cd := g.conds.draw(s.cond)
		dr := s.drawDurations()
		cid := id
		id++
		if g.keep < 1 && s.demand.Float64() >= g.keep {
			continue // thinned to the actual rate (the stream is not needed at the generation rate)
		}
		p := &m.Points[pt]
		c := newRecord()
		c.ID, c.Loc, c.Point, c.Class, c.Township = cid, p.Loc, pt, p.Class, p.Township
		c.Priority, c.Condition, c.Received = pr, cd, t
		c.Target = m.target(p, p.Class, pr)
		r.calls = append(r.calls, c)
		r.draws = append(r.draws, dr)
	}
}

// replay fills the calls from Model.Replay, in time order (stable).
func (r *rep) replay(end float64) {
	m := r.m
	idx := r.order[:0]
	for i := range m.Replay {
		if m.Replay[i].Time < end {
			idx = append(idx, int32(i))
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return m.Replay[idx[a]].Time < m.Replay[idx[b]].Time })
	r.order = idx
	for k, i := range idx {
		rc := &m.Replay[i]
		c := newRecord()
		c.ID, c.Loc, c.Class, c.Township = CallID(k), rc.Loc, rc.Class, rc.Township
		c.Priority, c.Condition, c.Received = rc.Priority, rc.Condition, rc.Time
		c.Target = m.target(nil, rc.Class, rc.Priority)
		r.calls = append(r.calls, c)
		r.draws = append(r.draws, r.smp.drawDurations())
	}
}
