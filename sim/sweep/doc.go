// Package sweep runs a scenario over a set of values of its assumptions
// (call rate, growth, speeds, durations, targets, band factors, the share of
// 5G units) on common random numbers with the baseline, so that what each
// assumption moves is measured with paired intervals, and finds where a
// goal stops being met.
//
// Designs: one at a time (each parameter over its values, the others at the
// baseline's), a full grid, or a Latin hypercube of N points over the
// parameters' ranges (seeded from the scenario). Every point sees the very
// same calls as the baseline (generated at the highest rate of the sweep and
// thinned), so differences are paired replication by replication.
package sweep
