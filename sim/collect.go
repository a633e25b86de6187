package sim

import "math"

// collector builds a Replication from the calls as they leave the ring, in
// order of arrival, so that no record of the whole replication is kept. Its
// scratch slices are reused by the next replication of the same worker.
type collector struct {
	out     Replication
	wait    float64
	served  int
	all     []float64   // response times of served calls, in order of arrival
	byClass [][]float64 // the same per zone class (unused with one class)
	byTown  [][]float64
	tr5     []float64 // treatment times by kind of unit
	trO     []float64
	trAll   []float64
}

// reset starts the replication r.index: fresh result slices (the caller
// keeps them), emptied scratch.
func (k *collector) reset(r *rep) {
	m := r.m
	nc, np, nt := len(m.Classes), len(m.Priorities), len(m.Townships)
	k.out = Replication{
		Index: r.index, ByClass: make([]Ratio, nc), ByPriority: make([]Ratio, np),
		ByTownship: make([]Ratio, nt), HospitalArrivals: make([][]int, len(m.Hospitals)),
		CapableCentre: make([]Ratio, len(m.Conditions)), Units: make([]UnitStats, len(r.units)),
		ResponseHist: make([]Histogram, nc),
	}
	for i := range k.out.ResponseHist {
		k.out.ResponseHist[i] = newHistogram()
	}
	arr := make([]int, len(m.Hospitals)*len(m.Conditions))
	for h := range k.out.HospitalArrivals {
		k.out.HospitalArrivals[h] = arr[h*len(m.Conditions) : (h+1)*len(m.Conditions) : (h+1)*len(m.Conditions)]
	}
	k.wait, k.served = 0, 0
	if k.all == nil {
		k.all = make([]float64, 0, r.expectedCalls())
	}
	k.all, k.tr5, k.trO = k.all[:0], k.tr5[:0], k.trO[:0]
	if nc > 1 {
		k.byClass = resetLists(k.byClass, nc)
	}
	k.byTown = resetLists(k.byTown, nt)
}

// resetLists returns n empty lists, reusing the memory of ls.
func resetLists(ls [][]float64, n int) [][]float64 {
	for len(ls) < n {
		ls = append(ls, nil)
	}
	ls = ls[:n]
	for i := range ls {
		ls[i] = ls[i][:0]
	}
	return ls
}

// add counts one final call.
func (k *collector) add(r *rep, c *CallRecord) {
	out := &k.out
	if c.Received < r.w0 {
		out.WarmupCalls++
		return
	}
	out.Calls++
	out.CallsByHour[int(c.Received/3600)%24]++
	met := 0
	if c.Met() {
		met = 1
	}
	out.Compliance.Hit += met
	out.Compliance.N++
	out.ByClass[c.Class].Hit += met
	out.ByClass[c.Class].N++
	out.ByPriority[c.Priority].Hit += met
	out.ByPriority[c.Priority].N++
	if c.Township >= 0 {
		out.ByTownship[c.Township].Hit += met
		out.ByTownship[c.Township].N++
	}
	if c.Queued {
		out.Queued++
	}
	out.ResponseHist[c.Class].add(c.Response)
	if c.Lost {
		out.Lost++
		return
	}
	k.served++
	k.wait += c.Wait
	k.all = append(k.all, c.Response)
	if k.byClass != nil {
		k.byClass[c.Class] = append(k.byClass[c.Class], c.Response)
	}
	if c.Township >= 0 {
		k.byTown[c.Township] = append(k.byTown[c.Township], c.Response)
	}
	if !c.Conveyed {
		return
	}
	if c.FiveG {
		k.tr5 = append(k.tr5, c.Treatment)
	} else {
		k.trO = append(k.trO, c.Treatment)
	}
	out.HospitalArrivals[c.Hospital][c.Condition]++
	if tg := r.m.Conditions[c.Condition].Target; tg > 0 {
		cc := &out.CapableCentre[c.Condition]
		cc.N++
		if c.ToCentre() <= tg {
			cc.Hit++
		}
	}
}

// summarise returns the aggregates of the finished replication.
func (r *rep) summarise() Replication {
	m, k := r.m, &r.col
	out := k.out
	k.out = Replication{}
	nc, nt := len(m.Classes), len(m.Townships)
	out.MeanWait = math.NaN()
	if k.served > 0 {
		out.MeanWait = k.wait / float64(k.served)
	}
	out.ResponseByClass = make([]Times, nc)
	if nc == 1 {
		// The class holds every call, in the same order: the same figures
		// (the mean is summed in the same order; quantiles by selection).
		out.Response = times(k.all)
		out.ResponseByClass[0] = out.Response
	} else {
		out.Response = times(k.all)
		for c := range k.byClass {
			out.ResponseByClass[c] = times(k.byClass[c])
		}
	}
	out.ResponseByTownship = make([]Times, nt)
	for t := range k.byTown {
		out.ResponseByTownship[t] = times(k.byTown[t])
	}
	// times reorders its sample: the whole is joined from the reordered
	// halves, so its mean is summed in the order it always was.
	out.TreatmentFiveG, out.TreatmentOther = times(k.tr5), times(k.trO)
	k.trAll = append(append(k.trAll[:0], k.tr5...), k.trO...)
	out.Treatment = times(k.trAll)
	for i, us := range r.units {
		out.Units[i] = UnitStats{Busy: us.busyTime, Utilisation: us.busyTime / m.Horizon, Calls: us.calls}
	}
	out.BusyByHour = r.busyByHour
	exposure := hourExposure(r.w0, r.w1)
	for h := range out.BusyByHour {
		if exposure[h] > 0 {
			out.BusyByHour[h] /= exposure[h]
		}
	}
	return out
}

// expectedCalls is about how many calls a replication holds (the generated
// rate over the whole run, or the replayed calls), to size buffers once.
func (r *rep) expectedCalls() int {
	if r.m.Replay != nil {
		return len(r.m.Replay)
	}
	g := r.gen
	n := g.genRate * g.keep * (r.m.Warmup + r.m.Horizon) * 1.05
	return int(math.Min(n, 1<<22)) + 64
}
