package sim

import "math"

// leaveScene: the patient is conveyed (with the condition's probability) to
// the nearest receiving hospital that has the needed capability, else the
// nearest receiving hospital; otherwise the unit heads back.
func (r *rep) leaveScene(u, ci int32) {
	s := r.calls.at(ci)
	c := &s.c
	c.LeftScene = r.now
	cond := &r.m.Conditions[c.Condition]
	if s.d.convey < cond.Conveyance {
		h, drive, capable := r.hospital(c.Loc, cond.Needs, r.tr.Band(r.now))
		if h >= 0 && !math.IsInf(drive, 1) {
			c.Conveyed, c.Hospital, c.Capable = true, h, capable
			r.schedule(r.now+drive, evAtHospital, u, ci)
			return
		}
	}
	c.Treatment = c.OnScene - c.Received // treated on scene
	r.startReturn(u, c.Loc)
}

// hospital returns the receiving hospital for a patient at loc: the nearest
// with the capabilities needs, else the nearest; the drive time; and whether
// it has the capabilities. -1 if none.
func (r *rep) hospital(loc LocID, needs Capability, band int) (int32, float64, bool) {
	hs := r.m.Hospitals
	anyH, capH := int32(-1), int32(-1)
	anyT, capT := math.Inf(1), math.Inf(1)
	for _, i := range r.recv {
		t := r.tr.Time(loc, hs[i].Loc, band)
		if t < anyT {
			anyH, anyT = i, t
		}
		if hs[i].Caps&needs == needs && t < capT {
			capH, capT = i, t
		}
	}
	if capH >= 0 {
		return capH, capT, true
	}
	return anyH, anyT, false
}

func (r *rep) atHospital(u, ci int32) {
	s := r.calls.at(ci)
	c, d := &s.c, &s.d
	c.AtHospital = r.now
	c.Treatment = r.now - c.Received
	ho := d.handover
	if c.FiveG {
		c.Treatment = c.OnScene - c.Received // boarding is admission
		ho *= r.m.FiveG.HandoverFactor
	}
	r.schedule(r.now+ho, evHandover, u, ci)
}

// startReturn sends unit u from `from` back to its base. A 5G unit with AVL
// is free from now on (and takes a queued call at once); others when back.
func (r *rep) startReturn(u int32, from LocID) {
	us := &r.units[u]
	band := r.tr.Band(r.now)
	us.from, us.depart, us.band = from, r.now, band
	us.trip = r.tr.Time(from, us.base, band)
	us.status = returning
	us.gen++
	r.schedule(r.now+us.trip, evAtBase, u, -1)
	if us.avl {
		r.release(u)
		r.serveQueue(u)
	}
}

// release ends unit u's busy period: it can take another call.
func (r *rep) release(u int32) {
	us := &r.units[u]
	r.integrate(r.now)
	r.nBusy--
	us.busyTime += overlap(us.busySince, r.now, r.w0, r.w1)
	if us.call >= 0 {
		s := r.calls.at(us.call)
		s.c.Available, s.done = r.now, true
	}
}

func (r *rep) atBase(u int32) {
	us := &r.units[u]
	wasBusy := !us.avl
	us.status = atBase
	us.idleSince = r.now
	if wasBusy {
		r.release(u)
	}
	r.serveQueue(u)
}
