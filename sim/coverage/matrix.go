package coverage

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/emsplan/sim/geo"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
)

// Rule says when a site covers a demand point in a location model.
type Rule int

const (
	// Response is the "10+30" circle: the static response time from the
	// site (dispatch delay and turnout medians, then the drive at emergency
	// speeds in the static band, off-road legs included) is within the
	// point's target (its zone's, for the most urgent priority), exactly as
	// Compute counts it for today's bases.
	Response Rule = iota
	// Health is the 15-minute health-service circle: the time to the site by
	// the point's health-circle mode (walking, or driving at normal speeds)
	// is within the circle's minutes, as Compute counts it for today's
	// health facilities.
	Health
)

// String returns "response" or "health".
func (r Rule) String() string {
	if r == Health {
		return "health"
	}
	return "response"
}

// Matrix returns the location problem of st under rule for the candidate
// sites, given as facility indices of st: Times[j, i] is the time from site
// sites[j] to demand point i, in seconds, exactly as Compute counts it
// (Compute's time for a point is the least over today's sites of their
// rows); Weight is each point's population; Target its threshold in seconds
// (the response target, or the health circle's minutes). Fixed is left for
// the caller. One search per candidate site and travel mode,
// O(m (V + E) log V), spread over GOMAXPROCS goroutines; the result does not
// depend on their number.
func Matrix(st *model.Study, sites []int, rule Rule) (optimize.Problem, error) {
	s := st.Scenario
	n := len(s.Demand.Points)
	for k, f := range sites {
		if f < 0 || f >= len(s.Facilities) {
			return optimize.Problem{}, fmt.Errorf("coverage: candidate %d is facility %d, want 0..%d", k, f, len(s.Facilities)-1)
		}
	}
	p := optimize.Problem{
		Times:  optimize.Matrix{Rows: len(sites), Cols: n, Data: make([]float64, len(sites)*n)},
		Weight: make([]float64, n),
		Target: make([]float64, n),
	}
	for i := range s.Demand.Points {
		p.Weight[i] = s.Demand.Points[i].Population
		p.Target[i] = 60 * s.HealthCircle.Minutes
		if rule == Response {
			p.Target[i] = target(s, i)
		}
	}
	prof, used, start := profiles(st, rule)
	row := func(j int) {
		out := p.Times.Data[j*n : (j+1)*n]
		for _, pr := range []model.Profile{model.Emergency, model.Drive, model.Walk} {
			if !used[pr] {
				continue
			}
			r := st.Reach(pr, []model.Place{st.FacilityPlaces(pr)[sites[j]]}, start)
			dem := st.DemandPlaces(pr)
			for i := range out {
				if prof[i] == pr {
					out[i], _ = r.To(&dem[i])
				}
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(sites))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				row(j)
			}
		}()
	}
	for j := range sites {
		next <- j
	}
	close(next)
	wg.Wait()
	return p, nil
}

// profiles returns the profile each demand point is reached by under rule,
// which profiles are used (in the order Emergency, Drive, Walk), and the
// seconds counted before leaving.
func profiles(st *model.Study, rule Rule) (prof []model.Profile, used map[model.Profile]bool, start float64) {
	s := st.Scenario
	prof = make([]model.Profile, len(s.Demand.Points))
	used = map[model.Profile]bool{}
	for i := range s.Demand.Points {
		prof[i] = model.Emergency
		if rule == Health {
			prof[i], _ = healthProfile(st, s.Demand.Points[i].Class)
		}
		used[prof[i]] = true
	}
	if rule == Response {
		start = st.StaticStart()
	}
	return prof, used, start
}

// MatrixKey returns a hash (hex SHA-256) of everything the times of
// Matrix(st, sites, rule) depend on: the graphs of the profiles the rule
// uses (topology, node positions, edge times: hence the roads, the speed
// table, the emergency, urban and band factors and the zones), the
// demand points and candidate sites as placed on them (their snaps and
// off-road legs), each point's profile, the seconds counted before leaving
// (the static clock's dispatch and turnout) and the off-road rules of
// Reach. Two studies with the same key have the same matrix, bit for bit.
// O(V + E + n + m).
func MatrixKey(st *model.Study, sites []int, rule Rule) string {
	h := sha256.New()
	w := bufio.NewWriter(h)
	s := st.Scenario
	prof, used, start := profiles(st, rule)
	fmt.Fprintf(w, "sim coverage matrix v1\nrule %s\nstart %v\noffroad %v walk %v across %v\n", rule, start,
		s.Network.OffroadKmh, s.HealthCircle.WalkKmh, s.Network.SnapWarnM)
	for _, pr := range []model.Profile{model.Emergency, model.Drive, model.Walk} {
		if !used[pr] {
			continue
		}
		fmt.Fprintf(w, "profile %d\n", pr)
		hashGraph(w, st.Graph(pr))
		for _, pl := range st.DemandPlaces(pr) {
			hashPlace(w, &pl)
		}
		fmt.Fprintf(w, "sites %d\n", len(sites))
		for _, f := range sites {
			hashPlace(w, &st.FacilityPlaces(pr)[f])
		}
	}
	fmt.Fprintf(w, "profiles\n")
	for _, pr := range prof {
		fmt.Fprintf(w, "%d", pr)
	}
	w.Flush()
	return hex.EncodeToString(h.Sum(nil))
}

func hashGraph(w *bufio.Writer, g *geo.Graph) {
	fmt.Fprintf(w, "graph %d %d\n", g.Nodes(), g.Edges())
	var b [8]byte
	put := func(x float64) {
		u := math.Float64bits(x)
		for k := range b {
			b[k] = byte(u >> (8 * k))
		}
		w.Write(b[:])
	}
	for v := 0; v < g.Nodes(); v++ {
		p := g.Point(geo.NodeID(v))
		put(p[0])
		put(p[1])
	}
	for e := 0; e < g.Edges(); e++ {
		id := geo.EdgeID(e)
		put(float64(g.Tail(id)))
		put(float64(g.Head(id)))
		put(g.Time(id))
		put(g.Length(id))
	}
}

func hashPlace(w *bufio.Writer, pl *model.Place) {
	fmt.Fprintf(w, "%v %v %v %v %v %v %v %v %v\n", pl.OK, pl.Point[0], pl.Point[1], pl.Offroad,
		pl.Snap.Edge, pl.Snap.Twin, pl.Snap.T, pl.Snap.Dist, pl.Snap.Point)
}
