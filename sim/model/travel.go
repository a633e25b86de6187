package model

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/sim"
	"github.com/paulmach/orb"
)

// Travel answers the engine's travel-time questions on a study's network at
// emergency speeds. LocIDs number the static sites first (in the order given
// to NewTravel), then the demand points, then any extra places (replayed
// calls). Safe for concurrent use.
type Travel struct {
	net    *Network
	locs   []Place // by LocID
	nSites int
	base   []bool // per site: an ambulance base (returning units are followed to it)

	fwd [][]float64 // [band][site*nLocs+loc]: site -> loc
	rev [][]float64 // [band][site*nLocs+loc]: loc -> site
	// toBase[band][site] holds every node's time to a base site, for
	// following a returning unit along its shortest path, and fromBase the
	// times from it; both are the landmarks of lower bounds on AVL queries
	// (ALT: A*, landmarks and the triangle inequality). nil for non-bases.
	toBase, fromBase [][][]float32

	minuteBand [1440]uint8
	vmax       float64 // m/s, for straight-line lower bounds
	offKmh     float64 // off-road speed
	acrossM    float64 // places this close are also joined straight across
	searches   sync.Pool
}

var (
	_ sim.Travel  = (*Travel)(nil)
	_ sim.Tracker = (*Travel)(nil)
)

// NewTravel precomputes the site tables: sites are facility indices (bases
// and hospitals), base says which of them are ambulance bases, and extra
// places (replayed calls) follow the demand points. O(sites x bands x
// (V + E) log V) time; O(sites x bands x (locations + bases x V)) memory.
func (st *Study) NewTravel(sites []int, base []bool, extra []Place) (*Travel, error) {
	if len(sites) == 0 || len(sites) != len(base) {
		return nil, fmt.Errorf("model: %d sites with %d base flags", len(sites), len(base))
	}
	s := st.Scenario
	t := &Travel{net: st.Net, nSites: len(sites), base: base, vmax: st.Net.maxSpeed(s.Network.OffroadKmh),
		offKmh: s.Network.OffroadKmh, acrossM: s.Network.SnapWarnM}
	for _, f := range sites {
		t.locs = append(t.locs, st.Facilities[f])
	}
	t.locs = append(t.locs, st.Demand...)
	t.locs = append(t.locs, extra...)
	for m := range t.minuteBand {
		t.minuteBand[m] = uint8(s.Network.BandAt(float64(m)))
	}
	bands := len(st.Net.Emergency)
	t.fwd, t.rev = make([][]float64, bands), make([][]float64, bands)
	t.toBase, t.fromBase = make([][][]float32, bands), make([][][]float32, bands)
	n := len(t.locs)
	for b := range bands {
		t.fwd[b], t.rev[b] = make([]float64, t.nSites*n), make([]float64, t.nSites*n)
		t.toBase[b], t.fromBase[b] = make([][]float32, t.nSites), make([][]float32, t.nSites)
	}
	// One job per (band, site): a forward and a reverse search.
	jobs := make(chan [2]int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			srch := geo.NewSearch(st.Net.Drive)
			for j := range jobs {
				t.fill(srch, j[0], j[1])
			}
		}()
	}
	for b := range bands {
		for k := range t.nSites {
			jobs <- [2]int{b, k}
		}
	}
	close(jobs)
	wg.Wait()
	return t, nil
}

// fill computes site k's rows of the tables in band b.
func (t *Travel) fill(srch *geo.Search, b, k int) {
	g := t.net.Emergency[b]
	srch.Use(g)
	site := &t.locs[k]
	n := len(t.locs)
	srch.Run(departures(g, site, 0, 0), geo.Query{})
	row := t.fwd[b][k*n : (k+1)*n]
	for l := range t.locs {
		row[l] = min(arriveTime(g, &t.locs[l], srch.Time), direct(g, site, &t.locs[l]), across(site, &t.locs[l], t.offKmh, t.acrossM))
	}
	row[k] = 0
	if t.base[k] {
		t.fromBase[b][k] = srch.Times32(nil)
	}
	srch.Run(arrivals(g, site, 0), geo.Query{Reverse: true})
	row = t.rev[b][k*n : (k+1)*n]
	for l := range t.locs {
		row[l] = min(leaveTime(g, &t.locs[l], srch.Time), direct(g, &t.locs[l], site), across(&t.locs[l], site, t.offKmh, t.acrossM))
	}
	row[k] = 0
	if t.base[k] {
		t.toBase[b][k] = srch.Times32(nil)
	}
}

// Band returns the time-of-day band at t seconds since Monday 00:00.
func (t *Travel) Band(sec float64) int {
	m := int(math.Mod(sec/60, 1440))
	if m < 0 {
		m += 1440
	}
	return int(t.minuteBand[m])
}

// Time returns the emergency driving time from a to b in band; a or b must be
// a static site (it panics otherwise: the engine never asks for that).
func (t *Travel) Time(a, b sim.LocID, band int) float64 {
	n := len(t.locs)
	switch {
	case a == b:
		return 0
	case int(a) < t.nSites:
		return t.fwd[band][int(a)*n+int(b)]
	case int(b) < t.nSites:
		return t.rev[band][int(b)*n+int(a)]
	}
	panic(fmt.Sprintf("model: Time(%d, %d): neither is a static site", a, b))
}

// LowerBound returns the straight-line distance from a to b at the highest
// speed of any road or off-road leg: no drive can be quicker.
func (t *Travel) LowerBound(a, b sim.LocID) float64 {
	return geo.Haversine(t.locs[a].Point, t.locs[b].Point) / t.vmax
}

// Locations returns the number of locations (sites, demand, extra).
func (t *Travel) Locations() int { return len(t.locs) }

// Point returns where location l is.
func (t *Travel) Point(l sim.LocID) orb.Point { return t.locs[l].Point }
