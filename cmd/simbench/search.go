package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sort"
	"syscall"
	"time"

	"github.com/emsplan/sim/geo"
)

func init() {
	register(benchmark{name: "search", summary: "Dijkstra timings (one-to-all, multi-source, bounded) on a road file, wall and CPU time", run: runSearch})
}

// threadCPU returns the CPU time used by the calling OS thread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func runSearch(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search", "FILE [flags]", stdout)
	runs := fs.Int("runs", 15, "searches of each kind (random sources, fixed seed)")
	sources := fs.Int("sources", 300, "sources of the multi-source search")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one road file")
	}
	roads, err := geo.ReadRoadsFile(fs.Arg(0))
	if err != nil {
		return err
	}
	g, _, err := geo.Build(roads, geo.Options{})
	if err != nil {
		return err
	}
	runtime.GC()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	s := geo.NewSearch(g)
	rng := rand.New(rand.NewPCG(1, 2))
	node := func() geo.NodeID { return geo.NodeID(rng.IntN(g.Nodes())) }
	fmt.Fprintf(stdout, "%s: %d nodes, %d edges; %d runs each, random sources (PCG seed 1)\n", fs.Arg(0), g.Nodes(), g.Edges(), *runs)
	fmt.Fprintf(stdout, "%-26s %12s %12s %12s\n", "search", "wall median", "wall min", "CPU min")
	time1 := func(name string, seeds func() []geo.Seed, q geo.Query) {
		var wall []float64
		cpu := time.Duration(1 << 62)
		for i := 0; i < *runs; i++ {
			sd := seeds()
			t, c := time.Now(), threadCPU()
			s.Run(sd, q)
			cpu = min(cpu, threadCPU()-c)
			wall = append(wall, time.Since(t).Seconds()*1000)
		}
		sort.Float64s(wall)
		fmt.Fprintf(stdout, "%-26s %9.1f ms %9.1f ms %9.1f ms\n", name, wall[len(wall)/2], wall[0], float64(cpu.Microseconds())/1000)
	}
	one := func() []geo.Seed { return []geo.Seed{{Node: node()}} }
	multi := func() []geo.Seed {
		sd := make([]geo.Seed, *sources)
		for k := range sd {
			sd[k] = geo.Seed{Node: node(), Source: int32(k)}
		}
		return sd
	}
	time1("one-to-all", one, geo.Query{})
	time1("one-to-all reverse", one, geo.Query{Reverse: true})
	time1(fmt.Sprintf("multi-source %d", *sources), multi, geo.Query{})
	time1("bounded 10 min", one, geo.Query{Bound: 600})
	time1("one-to-one (early exit)", one, geo.Query{Targets: []geo.NodeID{node()}})
	return nil
}
