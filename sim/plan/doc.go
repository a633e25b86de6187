// Package plan is the study-level planning workflow of sim: it turns a
// question about where ambulance bases or health posts should go into a
// location problem, solves it with package optimize (the pure solver), and
// writes the answer back as a scenario a planner can validate, simulate and
// compare.
//
// The steps, each callable on its own:
//
//   - Candidates: the candidate sites, named (health-centres, hospitals,
//     stations, all-facilities, demand) or read from a CSV or GeoJSON file,
//     placed on the study's road network; KeepExisting fixes today's sites
//     open.
//   - CoverageMatrix: the candidates x demand time matrix on the static clock
//     of package coverage (seconds, +Inf unreachable), read from a cache file
//     in the output folder when its key (roads, network settings, clock,
//     candidates, demand) matches; WriteMatrix and ReadMatrix are its format.
//   - EstimateBusy: MEXCLP's busy fraction q of an ambulance from the
//     scenario's call rate and mean durations.
//   - Plan.Solve: the model (LSCP, MCLP, MEXCLP, p-median, p-center), its
//     ties broken by the least population-weighted time, and the fleet
//     spread over the chosen sites for the most expected coverage.
//   - Plan.Propose: the proposal as changes to the baseline (BuildProposal:
//     set_ambulances and add_facilities), written as a scenario that extends
//     the baseline (ProposalYAML), loaded back to prove it says what the
//     model chose, and its static coverage beside today's.
//   - Plan.WriteFiles: optimize/proposal-KEY.yaml, sites.csv, summary.json
//     and the matrix cache into a report.Staging folder.
//
// Run does New, Solve and Propose in one call. Simulating the proposal
// against the baseline is package compare's work, on Plan.ProposalScenario.
//
// Units: times in seconds inside, minutes in words and files; weights are
// residents. A request that cannot run as given is a *RequestError (the
// CLI's usage errors); bad input files give errors naming the file and the
// line or feature.
package plan
