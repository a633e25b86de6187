package sim

// evKind is the kind of an event. The set is open: a new kind (shift change,
// move-up decision) needs a constant here and a case in (*rep).handle.
type evKind uint8

const (
	evDispatch   evKind = iota // the dispatcher assigns a unit (after the dispatch delay)
	evAtScene                  // the unit reaches the patient
	evLeaveScene               // the unit leaves the scene
	evAtHospital               // the unit reaches the hospital
	evHandover                 // handover done: the unit is free
	evAtBase                   // the unit is back at its base
	evGiveUp                   // a queued call reaches the maximum wait
)

// event is one scheduled event. gen guards unit events: an event whose gen
// differs from the unit's current one was overtaken (e.g. a 5G unit sent to
// a new call before reaching its base) and is ignored.
type event struct {
	t    float64
	seq  uint64
	kind evKind
	gen  uint32
	unit int32
	call int32
}

// eventHeap is a binary min-heap ordered by (t, seq); seq is the order of
// scheduling, so ties are first scheduled, first served. Events scheduled
// for the current instant skip the heap (see rep.schedule): they go to a
// FIFO, which preserves the same order.
type eventHeap struct {
	ev  []event
	seq uint64
}

func (h *eventHeap) reset() { h.ev, h.seq = h.ev[:0], 0 }

func (h *eventHeap) len() int { return len(h.ev) }

func less(a, b *event) bool { return a.t < b.t || a.t == b.t && a.seq < b.seq }

// push schedules e (its seq is assigned here). O(log n).
func (h *eventHeap) push(e event) {
	e.seq = h.seq
	h.seq++
	h.ev = append(h.ev, e)
	i := len(h.ev) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !less(&h.ev[i], &h.ev[p]) {
			break
		}
		h.ev[i], h.ev[p] = h.ev[p], h.ev[i]
		i = p
	}
}

// pop removes and returns the earliest event. O(log n); the heap must not be empty.
func (h *eventHeap) pop() event {
	top := h.ev[0]
	n := len(h.ev) - 1
	h.ev[0] = h.ev[n]
	h.ev = h.ev[:n]
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && less(&h.ev[r], &h.ev[l]) {
			m = r
		}
		if !less(&h.ev[m], &h.ev[i]) {
			break
		}
		h.ev[i], h.ev[m] = h.ev[m], h.ev[i]
		i = m
	}
	return top
}
