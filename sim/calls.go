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
	delay, turnout, onScene, handover          sampler
}

// sampler draws one duration. The fixed and exponential families, the common
// ones, are drawn here without an interface call; they give the very numbers
// dist's samplers give (the exponential divides by the same rate).
type sampler struct {
	kind  dist.Kind
	v     float64 // fixed: the value; exponential: the rate 1/mean
	r     *rand.Rand
	other dist.Sampler // any other family
}

func newSampler(s dist.Spec, src rand.Source) (sampler, error) {
	switch s.Kind {
	case dist.KindFixed, dist.KindExponential:
		if err := s.Validate(); err != nil {
			return sampler{}, err
		}
		if s.Kind == dist.KindFixed {
			return sampler{kind: s.Kind, v: s.A}, nil
		}
		return sampler{kind: s.Kind, v: 1 / s.A, r: rand.New(src)}, nil
	}
	o, err := s.New(src)
	return sampler{kind: s.Kind, other: o}, err
}

// rand draws the next value.
func (s *sampler) rand() float64 {
	switch s.kind {
	case dist.KindFixed:
		return s.v
	case dist.KindExponential:
		return s.r.ExpFloat64() / s.v
	}
	return s.other.Rand()
}

func newSamplers(m *Model, seed uint64, rep int) (samplers, error) {
	r := func(name string) *rand.Rand { return rand.New(NewStream(seed, rep, name)) }
	var err error
	d := func(s dist.Spec, name string) sampler {
		smp, e := newSampler(s, NewStream(seed, rep, name))
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
		delay: s.delay.rand(), turnout: s.turnout.rand(), onScene: s.onScene.rand(),
		convey: s.convey.Float64(), handover: s.handover.rand(),
	}
}

// startCalls prepares the calls of one replication, up to the end of the
// measured window, and draws the first (see nextCall). Calls are generated one
// at a time as the simulation reaches them: each quantity has its own stream,
// so the calls are the same as if they were all drawn first.
func (r *rep) startCalls() {
	m := r.m
	r.gt, r.gid, r.gk = 0, 0, 0
	r.gend = m.Warmup + m.Horizon
	if m.Replay != nil {
		r.sortReplay(r.gend)
	}
	r.nextCall()
}

// nextCall draws the next call, in time order, into the slot r.calls.room();
// r.arrival is its time, +Inf when there is none before the end of the
// measured window.
func (r *rep) nextCall() {
	m, g, s := r.m, r.gen, &r.smp
	r.arrival = math.Inf(1)
	if m.Replay != nil {
		if r.gk >= len(r.order) {
			return
		}
		k := r.gk
		rc := &m.Replay[r.order[k]]
		r.gk++
		sl := r.calls.room()
		sl.c = newRecord()
		c := &sl.c
		c.Rep, c.ID, c.Loc, c.Class, c.Township = int32(r.index), CallID(k), rc.Loc, rc.Class, rc.Township
		c.Priority, c.Condition, c.Received = rc.Priority, rc.Condition, rc.Time
		c.Target = m.target(nil, rc.Class, rc.Priority)
		sl.d, r.arrival = s.drawDurations(), c.Received
		return
	}
	if g.genRate <= 0 {
		return
	}
	peak := g.genRate * g.peak
	for {
		r.gt += s.arrival.ExpFloat64() / peak
		t := r.gt
		if t >= r.gend {
			r.gt = math.Inf(1) // no more calls, whatever is asked later
			return
		}
		if g.peak != 1 && s.arrival.Float64()*g.peak >= g.rateFactor(t) {
			continue // thinned by the hourly and weekly profiles (never when flat)
		}
		pt := g.places.draw(s.place)
		pr := g.prios.draw(s.prio)
		cd := g.conds.draw(s.cond)
		dr := s.drawDurations()
		cid := r.gid
		r.gid++
		if g.keep < 1 && s.demand.Float64() >= g.keep {
			continue // thinned to the actual rate (the stream is not needed at the generation rate)
		}
		p := &m.Points[pt]
		sl := r.calls.room()
		sl.c = newRecord()
		c := &sl.c
		c.Rep, c.ID, c.Loc, c.Point, c.Class, c.Township = int32(r.index), cid, p.Loc, pt, p.Class, p.Township
		c.Priority, c.Condition, c.Received = pr, cd, t
		c.Target = m.target(p, p.Class, pr)
		sl.d, r.arrival = dr, t
		return
	}
}

// sortReplay sets r.order to the replayed calls before end, in time order (stable).
func (r *rep) sortReplay(end float64) {
	m := r.m
	idx := r.order[:0]
	for i := range m.Replay {
		if m.Replay[i].Time < end {
			idx = append(idx, int32(i))
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return m.Replay[idx[a]].Time < m.Replay[idx[b]].Time })
	r.order = idx
}
