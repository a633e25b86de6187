package sim

// LocID identifies a place known to the Travel implementation: static sites
// (stations, hospitals) and call locations (demand points, replayed calls).
type LocID int32

// UnitID indexes Model.Units.
type UnitID int32

// CallID numbers the calls of one replication in order of arrival, from 0.
type CallID int32

// Travel answers driving-time questions at emergency speeds. Times in seconds,
// +Inf when unreachable. Safe for concurrent use by several replications.
type Travel interface {
	// Band returns the time-of-day band in force at simulation time t
	// (seconds since the start of the simulation, which starts on a Monday at 00:00).
	Band(t float64) int
	// Time returns the driving time from a to b in band. In every call the engine
	// makes, a or b is a static site, so implementations answer from tables.
	Time(a, b LocID, band int) float64
}

// Tracker is implemented by Travel values that can follow a returning unit,
// which AVL dispatch of 5G units needs.
type Tracker interface {
	// EnRoute returns the driving time to dest for a unit that left `from`
	// towards the static site `to` elapsed seconds ago, or +Inf if it exceeds bound.
	EnRoute(from, to LocID, elapsed float64, dest LocID, band int, bound float64) float64
	// LowerBound returns a lower bound on Time(a, b, band) for any band (e.g. the
	// straight-line distance at the fastest speed), used to prune AVL queries.
	LowerBound(a, b LocID) float64
}
