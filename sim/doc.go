// Package sim is the discrete-event simulation of an ambulance service: call
// generation, dispatch, the unit life cycle, replications in parallel, and
// per-replication figures with t-based confidence intervals and paired
// differences for comparing deployments.
//
// The engine reaches the road network only through the Travel interface (and
// Tracker, for AVL dispatch of returning 5G units); it imports no file format.
// Callers build a Model (units, hospitals, demand points, rates, durations in
// seconds, LocIDs of their Travel) and call Run:
//
//	res, err := sim.Run(model, travel, sim.Config{Replications: 20, Seed: 1})
//	est := sim.Summarise(res.Reps)        // mean and 95% CI of every figure
//	diff, err := sim.Compare(base, variant) // paired differences (same seed)
//
// One replication is a single goroutine: an event heap ordered by (time,
// sequence), float64 seconds since a Monday 00:00. Every random quantity of a
// call is drawn when the call is generated, from PCG streams that depend only
// on (seed, replication, stream name): the same seed gives the same calls
// whatever the deployment and the number of workers (common random numbers).
//
// Matrix and Grid are small in-memory Travel implementations for tests and
// benchmarks. The definitions of every figure and the documented defaults
// (with sources) are in docs/simulation.md.
package sim
