package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/geo/synth"
)

func init() {
	register(benchmark{name: "load", summary: "road file load throughput (MB/s) and peak memory (max RSS of a child process)", run: runLoad})
	register(benchmark{name: "synth", summary: "write a deterministic synthetic road network (GeoJSON)", run: runSynth})
}

func runSynth(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("synth", "--nodes N --out FILE", stdout)
	nodes := fs.Int("nodes", 1e6, "target number of graph nodes")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "output GeoJSON file (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("--out is required")
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	st, err := synth.Write(w, synth.Config{Nodes: *nodes, Seed: *seed})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		fmt.Fprintf(stdout, "wrote %s: %d features, %d x %d intersections, %d shape vertices, %.1f MB\n",
			*out, st.Features, st.Side, st.Side, st.ShapeVertices, float64(st.Bytes)/1e6)
	}
	return err
}

// runLoad times ReadRoadsFile + Build in child processes (so that each run
// starts from an empty heap and its peak RSS is its own) and reports the
// median time, MB/s and the largest peak RSS and sampled peak heap.
func runLoad(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("load", "FILE... [flags]", stdout)
	reps := fs.Int("reps", 3, "runs per file")
	child := fs.Bool("child", false, "internal: load once and print the figures")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *child {
		return loadChild(fs.Arg(0), stdout)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("want one or more road files (make a synthetic one with simbench synth)")
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-28s %8s %9s %8s %8s %10s %9s %10s %9s\n", "file", "MB", "nodes", "load s", "MB/s", "maxRSS MB", "RSS/file", "heap MB", "heap/file")
	for _, path := range fs.Args() {
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		mb := float64(st.Size()) / 1e6
		var secs []float64
		var rss, heap float64
		nodes := ""
		for r := 0; r < *reps; r++ {
			cmd := exec.Command(self, "load", "--child", path)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s: %v", path, err)
			}
			kv := map[string]string{}
			for _, f := range strings.Fields(out.String()) {
				if k, v, ok := strings.Cut(f, "="); ok {
					kv[k] = v
				}
			}
			s, _ := strconv.ParseFloat(kv["load_s"], 64)
			h, _ := strconv.ParseFloat(kv["peak_heap_mb"], 64)
			secs = append(secs, s)
			heap = max(heap, h)
			nodes = kv["nodes"]
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rss = max(rss, float64(ru.Maxrss)*1024/1e6) // Maxrss is in KiB on Linux
			}
		}
		sort.Float64s(secs)
		med := secs[len(secs)/2]
		fmt.Fprintf(stdout, "%-28s %8.1f %9s %8.3f %8.1f %10.1f %9.2f %10.1f %9.2f\n", filepath.Base(path), mb, nodes, med, mb/med, rss, rss/mb, heap, heap/mb)
	}
	fmt.Fprintf(stdout, "(load = ReadRoadsFile + Build with default options, median of %d child processes; maxRSS: the largest peak resident set of a child,\n heap: the largest sample of Go heap objects, taken every millisecond during the load)\n", *reps)
	return nil
}

func loadChild(path string, stdout io.Writer) error {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	t0 := time.Now()
	roads, err := geo.ReadRoadsFile(path)
	if err != nil {
		return err
	}
	g, _, err := geo.Build(roads, geo.Options{})
	if err != nil {
		return err
	}
	d := time.Since(t0)
	close(stop)
	<-done
	runtime.KeepAlive(g)
	fmt.Fprintf(stdout, "load_s=%.4f nodes=%d edges=%d peak_heap_mb=%.1f\n", d.Seconds(), g.Nodes(), g.Edges(), float64(peak)/1e6)
	return nil
}
