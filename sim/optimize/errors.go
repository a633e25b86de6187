package optimize

import "errors"

// Sentinel errors. Errors returned by this package wrap one of these and name
// the offending field and index, e.g.
// "optimize: Times[site 3, demand 17] = NaN: optimize: invalid time".
var (
	ErrShape     = errors.New("optimize: inconsistent dimensions")
	ErrTime      = errors.New("optimize: invalid time")
	ErrWeight    = errors.New("optimize: invalid weight")
	ErrTarget    = errors.New("optimize: invalid target")
	ErrSite      = errors.New("optimize: invalid site index")
	ErrCount     = errors.New("optimize: invalid number of sites or units")
	ErrBusy      = errors.New("optimize: busy fraction must be in [0, 1)")
	ErrNoTargets = errors.New("optimize: model needs per-demand targets")
)
