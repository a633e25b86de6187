package optimize

import "fmt"

// Allocation states a static ambulance-allocation problem: spread Units
// ambulances over the given stations.
type Allocation struct {
	Stations      []int   // candidate sites that are stations
	Units         int     // ambulances to place
	Busy          float64 // probability that an ambulance is busy, in [0, 1)
	MinPerStation int     // each station keeps at least this many (0: stations may be left empty)
	MaxPerStation int     // at most this many per station; 0: no limit
}

// Allocate spreads a.Units ambulances over a.Stations so that the MEXCLP
// expected coverage is greatest (see MEXCLP): the static first step of the
// allocation that the simulation then checks. Sites outside a.Stations get
// no unit; the instance's fixed sites must be stations and keep at least
// one. The result's Sites are the stations that receive units, with Units;
// UnitsAt gives the count for any station.
func Allocate(in *Instance, a Allocation, opt Options) (*Result, error) {
	if in.covStart == nil {
		return nil, fmt.Errorf("optimize: allocation: %w", ErrNoTargets)
	}
	if a.MinPerStation < 0 || a.MaxPerStation < 0 || (a.MaxPerStation > 0 && a.MaxPerStation < a.MinPerStation) {
		return nil, fmt.Errorf("optimize: allocation: per-station limits %d..%d: %w", a.MinPerStation, a.MaxPerStation, ErrCount)
	}
	m := in.Sites()
	lo, hi := make([]int32, m), make([]int32, m)
	up := a.Units
	if a.MaxPerStation > 0 {
		up = min(up, a.MaxPerStation)
	}
	for k, j := range a.Stations {
		if j < 0 || j >= m {
			return nil, fmt.Errorf("optimize: allocation: Stations[%d] = %d, want 0..%d: %w", k, j, m-1, ErrSite)
		}
		if hi[j] > 0 {
			return nil, fmt.Errorf("optimize: allocation: Stations[%d] = %d listed twice: %w", k, j, ErrSite)
		}
		lo[j], hi[j] = int32(a.MinPerStation), int32(max(up, a.MinPerStation))
		if in.isFix[j] {
			lo[j] = max(lo[j], 1)
		}
	}
	for _, j := range in.fixed {
		if hi[j] == 0 {
			return nil, fmt.Errorf("optimize: allocation: fixed site %d is not a station: %w", j, ErrSite)
		}
	}
	return solveExpected(in, ModelMEXCLP, a.Units, a.Busy, lo, hi, opt)
}
