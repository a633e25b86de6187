package optimize

import (
	"context"
	"math"
	"time"
)

// Model names a location model.
type Model string

// The models of this package.
const (
	ModelLSCP    Model = "LSCP"
	ModelMCLP    Model = "MCLP"
	ModelMEXCLP  Model = "MEXCLP"
	ModelPMedian Model = "p-median"
	ModelPCenter Model = "p-center"
)

// Status says why a solve stopped.
type Status int

// Reasons a solve stops.
const (
	Optimal    Status = iota // the bound proves the solution optimal
	GapReached               // the gap fell to Options.GapTolerance
	NodeLimit                // Options.MaxNodes branch-and-bound nodes were used
	TimeLimit                // Options.TimeLimit elapsed
	Cancelled                // Options.Context was cancelled
)

func (s Status) String() string {
	switch s {
	case Optimal:
		return "optimal"
	case GapReached:
		return "gap reached"
	case NodeLimit:
		return "node limit"
	case TimeLimit:
		return "time limit"
	case Cancelled:
		return "cancelled"
	}
	return "unknown"
}

// Options limit a solve. The zero value is ready to use: no time limit, a
// node limit scaled to the instance (about 1e9 multiply-adds of node work,
// between 50 and 20000 nodes), optimality proven to a relative 1e-9.
// Results are deterministic unless a time limit or cancellation cuts the
// search short; node and iteration limits keep them reproducible.
type Options struct {
	Context        context.Context // nil: context.Background()
	TimeLimit      time.Duration   // 0: none
	MaxNodes       int             // branch-and-bound nodes; 0: scaled default; < 0: root node only
	MaxIterations  int             // subgradient iterations at the root; 0: 1500
	NodeIterations int             // subgradient iterations at other nodes; 0: 60
	GapTolerance   float64         // stop once Gap <= this; 0: 1e-9
}

// Result is the answer of a model.
type Result struct {
	Model Model
	// Maximize is true for MCLP and MEXCLP (Bound is an upper bound), false
	// for LSCP, p-median and p-center (Bound is a lower bound).
	Maximize bool
	// Sites are the open sites in increasing order, fixed sites included.
	Sites []int
	// Units[k] is the number of units at Sites[k] (MEXCLP; 1 for other models).
	Units []int
	// Added[k] is what Sites[k] adds given the other open sites: the change
	// in Objective if its units were withdrawn, stated as a gain (covered
	// weight lost for LSCP/MCLP/MEXCLP; weighted seconds or seconds added for
	// p-median/p-center; +Inf when demand would become unreachable).
	Added []float64
	// Objective of Sites: LSCP number of sites; MCLP covered weight; MEXCLP
	// expected covered weight; p-median sum of weight x seconds; p-center
	// seconds.
	Objective float64
	// Bound is a proven bound on the optimum: no solution is better than it.
	Bound float64
	// Gap is |Bound - Objective| / |Objective|, 0 when they are equal, +Inf
	// when Objective is 0 (or infinite) and they differ.
	Gap float64
	// Optimal is true when the bound proves the solution optimal (Gap <= 1e-9,
	// or equal after rounding when every objective value is an integer).
	Optimal bool
	Status  Status
	// Iterations counts subgradient iterations, Nodes branch-and-bound nodes
	// (for p-center: summed over the set-covering probes).
	Iterations, Nodes int
	// Covered is the weight within target of at least one open site
	// (LSCP/MCLP/MEXCLP), or the weight reached (p-median/p-center).
	Covered float64
	// Total is the sum of all demand weights.
	Total float64
	// Uncoverable lists the demand points of positive weight that no candidate
	// covers (LSCP/MCLP/MEXCLP) or reaches (p-median/p-center), in increasing
	// order; UncoverableWeight is their weight. They are left out of the model.
	Uncoverable       []int
	UncoverableWeight float64
}

// UnitsAt returns the number of units the result puts at site j.
func (r *Result) UnitsAt(j int) int {
	for k, s := range r.Sites {
		if s == j {
			return r.Units[k]
		}
	}
	return 0
}

// relGap is the gap of Result: |bound-obj|/|obj|.
func relGap(obj, bound float64) float64 {
	if obj == bound {
		return 0
	}
	if obj == 0 || math.IsInf(obj, 0) || math.IsNaN(bound) {
		return math.Inf(1)
	}
	return math.Abs(bound-obj) / math.Abs(obj)
}

type limits struct {
	ctx                context.Context
	deadline           time.Time
	maxNodes           int
	rootIter, nodeIter int
	gapTol             float64
	status             Status
	stopped            bool
}

func (o Options) limits() *limits {
	l := &limits{ctx: o.Context, maxNodes: o.MaxNodes, rootIter: o.MaxIterations, nodeIter: o.NodeIterations, gapTol: o.GapTolerance}
	if l.ctx == nil {
		l.ctx = context.Background()
	}
	if o.TimeLimit > 0 {
		l.deadline = time.Now().Add(o.TimeLimit)
	}
	if l.rootIter <= 0 {
		l.rootIter = 1500
	}
	if l.nodeIter <= 0 {
		l.nodeIter = 60
	}
	if !(l.gapTol > 1e-9) {
		l.gapTol = 1e-9
	}
	return l
}

// expired reports (and remembers) whether time or the context ran out.
func (l *limits) expired() bool {
	if l.stopped {
		return true
	}
	if l.ctx.Err() != nil {
		l.stopped, l.status = true, Cancelled
	} else if !l.deadline.IsZero() && time.Now().After(l.deadline) {
		l.stopped, l.status = true, TimeLimit
	}
	return l.stopped
}
