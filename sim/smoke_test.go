package sim_test

import (
	"testing"
	"time"

	"github.com/emsplan/sim/sim"
)

func TestSmoke(t *testing.T) {
	m := mmcModel(t, 10, 8.0/3600, 1.0/3600, 200000)
	t0 := time.Now()
	res, err := sim.Run(m, zeroTravel(t), sim.Config{Replications: 1, Seed: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Reps[0]
	t.Logf("%v calls=%d queue=%.4f wait=%.2f min util=%.4f", time.Since(t0), r.Calls, r.QueueProb(), r.MeanWait/60, r.MeanUtilisation())
}
