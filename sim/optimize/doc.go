// Package optimize solves the location models of sim on plain matrices:
// where to put ambulance stations or health posts, and how to spread
// ambulances over stations. It knows nothing of road networks or scenarios:
// the caller builds a candidates x demand time matrix on the static clock
// (seconds, +Inf unreachable), the demand weights (population) and each
// demand point's target (e.g. 600 s urban, 1800 s rural, or 900 s for the
// 15-minute health circle), and NewInstance computes the coverage sets once
// for every model.
//
// # Models
//
// With N_i the candidate sites within Target[i] of demand point i, x_j the
// units (0/1 for sites) at candidate j and w_i the weights:
//
//   - LSCP: min sum_j x_j s.t. every coverable point with w_i > 0 has an
//     open site in N_i. Uncoverable points are reported, not dropped silently.
//   - MCLP: max sum_i w_i z_i s.t. z_i <= sum_{j in N_i} x_j, sum_j x_j = p.
//   - MEXCLP (Daskin 1983): K units, several per site allowed, each busy
//     with probability q: max sum_i w_i (1 - q^c_i), c_i the units within
//     target of i; equivalently sum_i w_i sum_k (1-q) q^(k-1) y_ik.
//     Allocate is the same model restricted to given stations.
//   - p-median: min sum_i w_i min_{open j} t_ij (weighted seconds).
//   - p-center: min max_{i: w_i > 0} min_{open j} t_ij (seconds).
//
// Fixed sites (Problem.Fixed) are open in every model and count in p; in
// MEXCLP each holds at least one unit. Demand points of weight 0 are ignored.
//
// # Solving
//
// LSCP, MCLP, MEXCLP and p-median share one engine: the Lagrangian
// relaxation of the constraints that tie demand to sites (coverage for MCLP
// and LSCP, assignment for p-median, the unit-count links for MEXCLP) leaves
// a problem that splits per demand point plus a choice of the best sites, so
// each multiplier vector gives a valid bound in O(nnz + m log m). The dual is
// maximised by subgradient steps (Polyak step towards the incumbent, scaled
// by the demand weights, blocked components zeroed, Camerini-Fratta-Maffioli
// deflection; for MEXCLP the averaged direction of the volume algorithm). Primal solutions come from greedy construction and
// interchange (vertex substitution, Teitz and Bart 1968, with Whitaker's
// fast swap evaluation for p-median and cover-count bookkeeping for MCLP;
// unit moves for MEXCLP), started also from the relaxed solutions. A
// best-first branch and bound on the site variables, with Lagrangian
// variable fixing at every node, proves optimality where the instance
// allows within Options (nodes, iterations, time, context). p-center is a
// binary search over the sorted distinct times whose feasibility questions
// are set-covering searches cut off at p.
//
// The MCLP and MEXCLP bounds are never above the ceiling that is the
// Lagrangian value at zero multipliers (every coverable point covered, by
// every unit that can reach it), and a solution reaching it ends the search.
//
// Every Result carries the solution, its objective, a proven bound, the
// relative gap |Bound-Objective|/|Objective|, whether optimality is proven,
// the work done, and what each chosen site adds given the others.
//
// Refine breaks the ties that coverage and p-center models leave (many site
// sets cover the same people or share the same worst time): swaps that keep
// the model's objective and lower the weighted time to the nearest site.
//
// # Units and complexity
//
// Times are seconds, weights are whatever the caller uses (persons); MCLP
// and MEXCLP objectives are weights, p-median weight x seconds, p-center
// seconds, LSCP a number of sites. NewInstance costs O(m n) time and
// O(m n + nnz) memory (the matrix is kept, not copied); p-median adds
// O(m n) sorted lists. Demand points with identical coverer sets are merged
// for the coverage models. Results are deterministic (ties go to the lowest
// index, no map order reaches a result) unless a time limit or cancellation
// cuts a search short.
package optimize
