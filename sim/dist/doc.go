// Package dist holds the duration distributions of the simulation: fixed,
// exponential, lognormal (by median and 90th percentile, or by mean and
// standard deviation) and gamma (by mean and standard deviation, or by shape
// and scale).
//
// A Spec is a plain, validated value (the scenario loader builds it once); a
// Sampler draws from it with a caller-supplied math/rand/v2 source, so every
// random stream of the simulation stays seeded and reproducible. Sampling is
// built on gonum's distuv. Constructors check their parameters and return an
// error (wrapping ErrParam) instead of panicking; NaN and Inf are rejected.
//
// Units are the caller's: the engine works in seconds, planners write
// minutes, and Spec.Scaled converts one into the other exactly.
package dist
