package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"syscall"
	"time"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/geo/synth"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	runtime.LockOSThread()
	var buf bytes.Buffer
	synth.Write(&buf, synth.Config{Nodes: 1e6, Seed: 1})
	t0, c0 := time.Now(), cpu()
	r, _ := geo.ReadRoads(bytes.NewReader(buf.Bytes()))
	g, _, _ := geo.Build(r, geo.Options{})
	fmt.Printf("load wall %v cpu %v (%d nodes)\n", time.Since(t0), cpu()-c0, g.Nodes())
	s := geo.NewSearch(g)
	rng := rand.New(rand.NewPCG(1, 2))
	best1, bestM := time.Hour, time.Hour
	seeds := make([]geo.Seed, 300)
	n := 15
	if len(os.Args) > 1 {
		fmt.Sscan(os.Args[1], &n)
	}
	var stop func()
	if os.Getenv("PROF") != "" {
		stop = startProf(os.Getenv("PROF"))
	}
	for i := 0; i < n; i++ {
		c := cpu()
		if os.Getenv("MULTIONLY") != "" {
			goto multi
		}
		s.Run([]geo.Seed{{Node: geo.NodeID(rng.IntN(g.Nodes()))}}, geo.Query{})
		best1 = min(best1, cpu()-c)
	multi:
		for k := range seeds {
			seeds[k] = geo.Seed{Node: geo.NodeID(rng.IntN(g.Nodes())), Source: int32(k)}
		}
		c = cpu()
		s.Run(seeds, geo.Query{})
		bestM = min(bestM, cpu()-c)
	}
	if stop != nil {
		stop()
	}
	fmt.Printf("one-to-all min cpu %v, multi-source 300 min cpu %v\n", best1, bestM)
}
