// Package model places a scenario on its road network: it reads the roads,
// builds one graph per speed profile (emergency speeds per time-of-day band,
// normal speeds, walking), snaps demand points and facilities to the nearest
// road, checks the placement, and answers the travel-time questions of the
// coverage computations and of the simulation engine.
//
// Travel implements sim.Travel and sim.Tracker: travel times between static
// sites (ambulance bases, receiving hospitals) and every call location are
// precomputed per band, one forward and one reverse search per site and band;
// a returning 5G unit's position is followed along the shortest path to its
// base, and its drive to a new call is a bounded search with early exit.
//
// Times are in seconds. Every time from or to a point includes the off-road
// leg between the point and its road (network.offroad_kmh) and the partial
// edge to the nearest node; two points on the same segment are joined
// directly along it, and two points within network.snap_warn_m of each
// other may also go straight across at the off-road speed (a clinic in the
// village itself).
package model
