package sim

// Figure is one headline number of a replication. Times are seconds, shares
// are in [0, 1], counts are per replication; NaN when undefined (e.g. a
// township without calls).
type Figure struct {
	Key   string // e.g. "compliance", "response_p90", "utilisation"
	By    string // "" (whole study), "class", "priority", "township", "unit", "hospital", "condition", "kind"
	Index int    // index in the By list (class, township...); for By "kind", 0 conventional, 1 5G; -1 when By is ""
	Value float64
}

// The figure keys.
const (
	FigCalls          = "calls"
	FigLostShare      = "lost_share"
	FigQueueProb      = "queue_prob"
	FigMeanWait       = "mean_wait"
	FigCompliance     = "compliance"
	FigResponseMean   = "response_mean"
	FigResponseMedian = "response_median"
	FigResponseP90    = "response_p90"
	FigResponseP95    = "response_p95"
	FigTreatmentMean  = "treatment_mean"
	FigTreatmentP90   = "treatment_p90"
	FigUtilisation    = "utilisation"
	FigUnitCalls      = "unit_calls"
	FigArrivals       = "hospital_arrivals"
	FigCapableCentre  = "capable_centre"
)

// Figures lists the headline figures of r in a fixed order, the same for
// every replication of a model, so that they can be matched by position.
func (r *Replication) Figures() []Figure {
	var fs []Figure
	top := func(k string, v float64) { fs = append(fs, Figure{k, "", -1, v}) }
	by := func(k, b string, i int, v float64) { fs = append(fs, Figure{k, b, i, v}) }
	resp := func(b string, i int, t Times) {
		by(FigResponseMean, b, i, t.Mean)
		by(FigResponseMedian, b, i, t.Median)
		by(FigResponseP90, b, i, t.P90)
		by(FigResponseP95, b, i, t.P95)
	}
	top(FigCalls, float64(r.Calls))
	top(FigLostShare, r.LostShare())
	top(FigQueueProb, r.QueueProb())
	top(FigMeanWait, r.MeanWait)
	top(FigCompliance, r.Compliance.Share())
	resp("", -1, r.Response)
	for i, x := range r.ByClass {
		by(FigCompliance, "class", i, x.Share())
		resp("class", i, r.ResponseByClass[i])
	}
	for i, x := range r.ByPriority {
		by(FigCompliance, "priority", i, x.Share())
	}
	for i, x := range r.ByTownship {
		by(FigCompliance, "township", i, x.Share())
		resp("township", i, r.ResponseByTownship[i])
	}
	top(FigTreatmentMean, r.Treatment.Mean)
	top(FigTreatmentP90, r.Treatment.P90)
	for i, t := range []Times{r.TreatmentOther, r.TreatmentFiveG} {
		by(FigTreatmentMean, "kind", i, t.Mean)
		by(FigTreatmentP90, "kind", i, t.P90)
	}
	top(FigUtilisation, r.MeanUtilisation())
	for i, u := range r.Units {
		by(FigUtilisation, "unit", i, u.Utilisation)
		by(FigUnitCalls, "unit", i, float64(u.Calls))
	}
	for h, row := range r.HospitalArrivals {
		n := 0
		for _, x := range row {
			n += x
		}
		by(FigArrivals, "hospital", h, float64(n))
	}
	for c, x := range r.CapableCentre { // NaN for conditions without a target
		by(FigCapableCentre, "condition", c, x.Share())
	}
	return fs
}
