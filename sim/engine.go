package sim

import "math"

type unitStatus uint8

const (
	atBase    unitStatus = iota // waiting at its base: free
	busy                        // assigned to a call, until free again
	returning                   // driving back to base: free only for AVL (5G) units
)

type unitState struct {
	status unitStatus
	avl    bool // 5G with AVL on: dispatchable while returning
	fiveG  bool
	base   LocID
	gen    uint32 // bumped whenever the unit's plan changes; stale events are ignored
	call   int32  // the call served last (its Available is set when the unit is free)

	from   LocID   // start of the return trip
	depart float64 // when it started
	trip   float64 // Time(from, base) when it started
	band   int     // band at departure

	busySince float64
	idleSince float64 // when it was last back at base (ties between units at one base go to the longest idle)
	busyTime  float64 // busy seconds inside the measured window
	calls     int     // measured calls served
}

// cand is an AVL candidate with its lower bound.
type cand struct {
	lb float64
	u  int32
}

// rep is one replication in progress; a worker reuses it for the next one.
type rep struct {
	m     *Model
	tr    Travel
	tk    Tracker // nil unless AVL is on and some unit is 5G
	gen   *generator
	recv  []int32 // receiving hospitals
	index int
	smp   samplers

	calls   calls   // calls in flight, by index of arrival
	arrival float64 // time of the next call, drawn into r.calls.room(); +Inf if none
	gt      float64 // generation: time of the last call drawn
	gid     CallID  // generation: ID of the next call
	gk      int     // replay: position of the next call in order
	gend    float64 // end of the measured window
	order   []int32 // replay: the calls in time order
	col     collector
	keep    bool         // copy the measured records into kept
	kept    []CallRecord // the measured records when keep
	units   []unitState
	h       eventHeap
	now     float64
	fifo    []event // events scheduled for the current instant, in order
	fhead   int

	queue [][]int32 // per priority, FIFO
	qhead []int
	cands []cand

	w0, w1     float64 // measured window [w0, w1)
	nBusy      int
	lastT      float64
	busyByHour [24]float64
	hStart     float64 // start of the hour of the last integration
	hIdx       int     // its hour of day
}

func newRep(m *Model, tr Travel, g *generator) *rep {
	r := &rep{m: m, tr: tr, gen: g}
	if tk, ok := tr.(Tracker); ok && m.FiveG.AVL {
		r.tk = tk
	}
	for i, h := range m.Hospitals {
		if h.Receives {
			r.recv = append(r.recv, int32(i))
		}
	}
	r.units = make([]unitState, len(m.Units))
	r.queue = make([][]int32, len(m.Priorities))
	r.qhead = make([]int, len(m.Priorities))
	return r
}

// run simulates replication index with the given seed; with keep, r.kept
// receives a copy of the measured calls' records, in order of arrival.
func (r *rep) run(seed uint64, index int, keep bool) error {
	m := r.m
	var err error
	if r.smp, err = newSamplers(m, seed, index); err != nil {
		return err
	}
	r.index = index
	r.h.reset()
	r.now, r.lastT, r.nBusy = 0, 0, 0
	r.w0, r.w1 = m.Warmup, m.Warmup+m.Horizon
	r.busyByHour = [24]float64{}
	r.hStart, r.hIdx = math.Inf(1), 0
	for i := range r.queue {
		r.queue[i], r.qhead[i] = r.queue[i][:0], 0
	}
	for i, u := range m.Units {
		r.units[i] = unitState{base: u.Base, fiveG: u.FiveG, avl: u.FiveG && r.tk != nil, call: -1}
	}
	r.calls.reset()
	r.col.reset(r)
	r.keep, r.kept = keep, nil
	if keep {
		r.kept = make([]CallRecord, 0, r.expectedCalls())
	}
	r.startCalls()
	r.fifo, r.fhead = r.fifo[:0], 0
	for {
		// Calls arrive in time order from the generator; a call received
		// at the same instant as a scheduled event is taken first.
		if t := r.arrival; t <= r.nextTime() && !math.IsInf(t, 1) {
			sl := r.calls.at(r.calls.push())
			r.now = sl.c.Received
			r.schedule(r.now+sl.d.delay, evDispatch, -1, sl.id)
			r.retire()
			r.nextCall()
			continue
		}
		e, ok := r.pop()
		if !ok {
			break
		}
		r.now = e.t
		r.handle(e)
	}
	r.integrate(math.Max(r.now, r.w1))
	for i := range r.units {
		if us := &r.units[i]; us.status == busy || us.status == returning && !us.avl {
			us.busyTime += overlap(us.busySince, r.w1, r.w0, r.w1) // never came back
		}
	}
	for r.calls.tail < r.calls.head { // the rest, final or not (a unit that never came back)
		r.finish(r.calls.at(r.calls.tail))
	}
	return nil
}

// retire removes the final calls at the tail of the ring, in order of arrival.
func (r *rep) retire() {
	for q := &r.calls; q.tail < q.head; {
		s := q.at(q.tail)
		if !s.done {
			return
		}
		r.finish(s)
	}
}

// finish summarises the call at the tail of the ring (and keeps a copy of
// its record if asked), then frees its slot.
func (r *rep) finish(s *slot) {
	r.col.add(r, &s.c)
	if r.keep && s.c.Received >= r.w0 {
		r.kept = append(r.kept, s.c)
	}
	s.id = -1
	r.calls.tail++
}

// nextTime is the time of the next scheduled event (+Inf if none).
func (r *rep) nextTime() float64 {
	if r.fhead < len(r.fifo) {
		return r.now
	}
	if r.h.len() > 0 {
		return r.h.ev[0].t
	}
	return math.Inf(1)
}

// pop returns the next event in (time, seq) order: heap events due now were
// scheduled before any FIFO event, then the FIFO, then the heap.
func (r *rep) pop() (event, bool) {
	if r.h.len() > 0 && r.h.ev[0].t <= r.now {
		return r.h.pop(), true
	}
	if r.fhead < len(r.fifo) {
		e := r.fifo[r.fhead]
		r.fhead++
		if r.fhead == len(r.fifo) {
			r.fifo, r.fhead = r.fifo[:0], 0
		}
		return e, true
	}
	if r.h.len() > 0 {
		return r.h.pop(), true
	}
	return event{}, false
}

func overlap(a, b, lo, hi float64) float64 {
	return math.Max(0, math.Min(b, hi)-math.Max(a, lo))
}

// integrate adds the busy-unit count times the time since the last change to
// the busy-by-hour totals, inside the measured window.
func (r *rep) integrate(t float64) {
	a, b := math.Max(r.lastT, r.w0), math.Min(t, r.w1)
	r.lastT = t
	if r.nBusy == 0 || b <= a {
		return
	}
	n := float64(r.nBusy)
	if a >= r.hStart && b <= r.hStart+3600 { // the usual case: within one hour
		r.busyByHour[r.hIdx] += n * (b - a)
		return
	}
	r.hStart = math.Floor(b/3600) * 3600
	if r.hStart == b {
		r.hStart -= 3600
	}
	r.hIdx = int(r.hStart/3600) % 24
	for a < b {
		hr := math.Floor(a/3600) + 1
		end := math.Min(b, hr*3600)
		r.busyByHour[int(hr-1)%24] += n * (end - a)
		a = end
	}
}

func (r *rep) schedule(t float64, kind evKind, u, c int32) {
	if math.IsInf(t, 1) { // never happens: the unit is stuck (unreachable)
		return
	}
	var gen uint32
	if u >= 0 {
		gen = r.units[u].gen
	}
	e := event{t: t, kind: kind, unit: u, call: c, gen: gen}
	if t <= r.now {
		r.fifo = append(r.fifo, e)
		return
	}
	r.h.push(e)
}

func (r *rep) handle(e event) {
	if e.unit >= 0 && r.units[e.unit].gen != e.gen {
		return // overtaken
	}
	switch e.kind {
	case evDispatch:
		r.dispatch(e.call)
	case evAtScene:
		r.schedule(r.now+r.calls.at(e.call).d.onScene, evLeaveScene, e.unit, e.call)
	case evLeaveScene:
		r.leaveScene(e.unit, e.call)
	case evAtHospital:
		r.atHospital(e.unit, e.call)
	case evHandover:
		c := &r.calls.at(e.call).c
		c.HandoverDone = r.now
		r.startReturn(e.unit, r.m.Hospitals[c.Hospital].Loc)
	case evAtBase:
		r.atBase(e.unit)
	case evGiveUp:
		// A call that already left the ring was final: served or lost.
		if s := r.calls.find(e.call); s != nil && s.c.Unit < 0 && !s.c.Lost {
			s.c.Lost, s.done = true, true
		}
	}
}
