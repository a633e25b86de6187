package sim

import "math"

// CallRecord is everything that happened to one call. Times are seconds since
// the start of the simulation (a Monday 00:00, warm-up included); a stage the
// call never reached is NaN.
type CallRecord struct {
	Rep      int32  // replication index
	ID       CallID // order of generation; the same call has the same ID in every variant
	Loc      LocID
	Point    int32 // demand point index; -1 for a replayed call
	Class    int32 // zone class
	Township int32 // -1 if none
	Priority int32
	// Condition decides the destination.
	Condition int32

	Received     float64 // the call reaches the dispatch centre
	Dispatched   float64 // a unit is assigned (after the dispatch delay and any queueing)
	EnRoute      float64 // wheels rolling (after turnout; = Dispatched for a unit already on the road)
	OnScene      float64 // the unit reaches the patient
	LeftScene    float64
	AtHospital   float64 // NaN when not conveyed
	HandoverDone float64 // NaN when not conveyed
	// Available is when the unit could take another call: back at base, or
	// for a 5G unit with AVL, as soon as it left the hospital (or the scene).
	Available float64

	Unit     UnitID // -1 when lost
	Hospital int32  // -1 when not conveyed
	FiveG    bool   // served by a 5G unit
	Conveyed bool
	Queued   bool // no unit was free when the dispatcher took the call
	Lost     bool // handed to a neighbouring service after Model.MaxWait, or unreachable
	Capable  bool // conveyed to a hospital with the capability the condition needs

	Target float64 // response target (s) of this call
	// Wait is the queueing time: Dispatched - (Received + dispatch delay); 0
	// when a unit was free at once. NaN when lost.
	Wait float64
	// Response is OnScene - Received (NaN when lost): the time checked against Target.
	Response float64
	// Treatment is the time from the call to the start of effective treatment:
	// arrival at the patient for a 5G unit (treatment on board) or a patient
	// not conveyed (treated on scene); arrival at hospital otherwise. NaN when lost.
	Treatment float64
}

// Met reports whether the call was reached within its target (lost calls never are).
func (c *CallRecord) Met() bool { return !c.Lost && c.Response <= c.Target }

// ToCentre returns the time from the call to arrival at a hospital with the
// capability its condition needs, or +Inf if the patient reached none (NaN
// when not conveyed).
func (c *CallRecord) ToCentre() float64 {
	switch {
	case !c.Conveyed:
		return math.NaN()
	case !c.Capable:
		return math.Inf(1)
	}
	return c.AtHospital - c.Received
}

// draws are the random quantities of one call, drawn when it is generated.
type draws struct {
	delay, turnout, onScene, convey, handover float64
}

// newRecord returns a record with every stage unset.
func newRecord() CallRecord {
	n := math.NaN()
	return CallRecord{
		Point: -1, Township: -1, Unit: -1, Hospital: -1,
		Received: n, Dispatched: n, EnRoute: n, OnScene: n, LeftScene: n, AtHospital: n,
		HandoverDone: n, Available: n, Wait: n, Response: n, Treatment: n,
	}
}

// slot holds one call in flight: its record, its draws, and its index in
// the replication (-1 when the slot is free).
type slot struct {
	c    CallRecord
	d    draws
	id   int32
	done bool // the record is final: lost, or its unit is free again
}

// calls is the set of calls in flight, a ring indexed by call index (the
// order of arrival in the replication, which events carry). Calls enter in
// order of arrival and leave in the same order once final, so the memory is
// that of the calls in flight, not of the whole replication: the records are
// summarised (and copied when kept) as they leave.
type calls struct {
	s          []slot // len is a power of two
	mask       int32
	head, tail int32 // calls [tail, head) are in the ring
}

// reset empties the ring, keeping its memory.
func (q *calls) reset() {
	if q.s == nil {
		q.grow(1024)
	}
	for i := q.tail; i < q.head; i++ {
		q.s[i&q.mask].id = -1
	}
	q.head, q.tail = 0, 0
}

// grow resizes the ring to n slots (a power of two, >= the calls held).
func (q *calls) grow(n int) {
	s := make([]slot, n)
	for i := range s {
		s[i].id = -1
	}
	m := int32(n - 1)
	for i := q.tail; i < q.head; i++ {
		s[i&m] = q.s[i&q.mask]
	}
	q.s, q.mask = s, m
}

// room returns the slot of the next call to arrive (call head, not yet in
// the ring), growing the ring if it is full. The caller must first have
// removed the final calls at the tail (see rep.retire).
func (q *calls) room() *slot {
	if int(q.head-q.tail) == len(q.s) {
		q.grow(2 * len(q.s))
	}
	return &q.s[q.head&q.mask]
}

// push puts call head, filled through room, in the ring and returns its index.
func (q *calls) push() int32 {
	i := q.head
	s := &q.s[i&q.mask]
	s.id, s.done = i, false
	q.head++
	return i
}

// at returns call i, which must be in the ring.
func (q *calls) at(i int32) *slot { return &q.s[i&q.mask] }

// find returns call i, or nil if it already left the ring (it was final).
func (q *calls) find(i int32) *slot {
	if s := &q.s[i&q.mask]; s.id == i {
		return s
	}
	return nil
}
