package sim

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Config says how to run a Model.
type Config struct {
	Replications int    // > 0
	Seed         uint64 // root of every random stream
	Workers      int    // replications run in parallel; 0: GOMAXPROCS
	// KeepCalls is how many replications (the first ones) keep their call
	// records in Results.Calls; < 0 keeps every one.
	KeepCalls int
	// Progress, if not nil, is called after each replication with the number
	// done so far, one call at a time (from any goroutine).
	Progress func(done, total int)
}

// Results are the outcome of Run. Every slice is indexed by replication, so
// the results do not depend on the number of workers.
type Results struct {
	Reps []Replication
	// Calls[i] are the measured calls of replication i in order of arrival
	// (nil for replications not kept).
	Calls [][]CallRecord
}

// Summary returns the mean and 95% confidence interval of every headline
// figure across the replications (see Summarise).
func (r *Results) Summary() []Estimate { return Summarise(r.Reps) }

// ErrConfig is wrapped by errors in a Config.
var ErrConfig = errors.New("sim: invalid run configuration")

// Run validates m and simulates cfg.Replications replications of it with
// travel times from tr, in parallel. Replication i draws every random number
// from streams derived from (cfg.Seed, i, stream name) only, so the same seed
// gives the same calls whatever the deployment and the number of workers.
// If m.FiveG.AVL is set and some unit is 5G, tr must implement Tracker.
// One replication costs O(E log U) for E events and U units, plus the
// dispatch searches.
func Run(m *Model, tr Travel, cfg Config) (*Results, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if cfg.Replications <= 0 {
		return nil, fmt.Errorf("%w: replications must be > 0, got %d", ErrConfig, cfg.Replications)
	}
	if tr == nil {
		return nil, fmt.Errorf("%w: no Travel", ErrConfig)
	}
	if _, ok := tr.(Tracker); !ok && m.FiveG.AVL {
		for _, u := range m.Units {
			if u.FiveG {
				return nil, fmt.Errorf("%w: AVL dispatch of 5G units needs a Travel that implements Tracker", ErrConfig)
			}
		}
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, cfg.Replications)
	n := cfg.Replications
	res := &Results{Reps: make([]Replication, n), Calls: make([][]CallRecord, n)}
	keep := cfg.KeepCalls
	if keep < 0 || keep > n {
		keep = n
	}
	g := newGenerator(m)
	var next atomic.Int64
	var mu sync.Mutex
	done := 0
	errs := make([]error, n)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := newRep(m, tr, g)
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if errs[i] = r.run(cfg.Seed, i, i < keep); errs[i] != nil {
					continue
				}
				res.Reps[i] = r.summarise()
				if len(r.kept) > 0 {
					res.Calls[i] = r.kept
				}
				r.kept = nil
				if cfg.Progress != nil {
					mu.Lock()
					done++
					cfg.Progress(done, n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}
