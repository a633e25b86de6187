// Package coverage computes static (potential) coverage: for every demand
// point, the static response time from the nearest ambulance base and
// whether it meets its zone's target (the "10+30" circle), the time to the
// nearest health facility of any tier by the zone's travel mode (the
// 15-minute health-service circle), and the time to the nearest facility of
// a tier or better; then the shares of the population by zone class,
// township and village, and the data gaps to check first.
//
// The static response time uses the simulation's clock (DESIGN "Static
// coverage"): the medians of dispatch delay and turnout, then the drive at
// emergency speeds in the static band, off-road legs included, assuming a
// unit is free at its base. All times are in seconds; +Inf is unreachable.
//
// Matrix builds the candidates x demand problem of the location models
// (package optimize) on the same clocks: a candidate at today's base has
// exactly that base's times, so a model's coverage is Compute's coverage.
// MatrixKey hashes what the matrix depends on, for caching it.
package coverage
