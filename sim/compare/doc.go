// Package compare runs several deployments of one study on common random
// numbers and measures their differences with honest uncertainty.
//
// Every option (the baseline first, then variants or other scenarios on the
// same road network) is placed on the network and simulated with the same
// seed and replications; calls are generated at the highest call rate of the
// set and thinned to each option's own rate, so all options see the very
// same calls. Differences of every headline figure are then paired by
// replication, which removes the call-to-call noise the options share: the
// paired 95% interval is much narrower than the interval of two independent
// runs (Unpaired, Welch), and a difference is called significant only when
// its interval excludes zero. Static coverage differences are exact.
package compare
