// Command simbench times sim against the tools a planner or analyst would
// otherwise use (../shared/peers: scipy, networkx, igraph, pgRouting, SimPy),
// on the same inputs in the same run, and prints side-by-side tables with
// ratios, plus checks that the answers agree.
//
//	go run ./cmd/simbench               # list the sub-benchmarks
//	go run ./cmd/simbench coverage      # routing: grid300 and grid1000, 20 sources
//	go run ./cmd/simbench load FILE     # load throughput and peak memory
//
// Sub-benchmarks live in one file per topic and add themselves to the
// registry from init():
//
//	func init() {
//		register(benchmark{name: "mmc", summary: "M/M/c queue against SimPy", run: runMMC})
//	}
//
// where run parses its own flags (pflag) from args and writes to stdout.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/spf13/pflag"
)

// benchmark is one "simbench NAME" sub-benchmark.
type benchmark struct {
	name    string                                              // the sub-command
	summary string                                              // one line for the list
	run     func(args []string, stdout, stderr io.Writer) error // parses its own flags
}

var registry = map[string]benchmark{}

// register adds a sub-benchmark; it panics on a duplicate name (a
// programming error caught at start-up).
func register(b benchmark) {
	if _, dup := registry[b.name]; dup {
		panic("simbench: duplicate benchmark " + b.name)
	}
	registry[b.name] = b
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	b, ok := registry[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "simbench: unknown benchmark %q\n", args[0])
		usage(stderr)
		return 2
	}
	if err := b.run(args[1:], stdout, stderr); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "simbench %s: %v\n", b.name, err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "simbench: time sim against peer tools on the same inputs\n\nUsage:\n  simbench NAME [FLAGS]    (simbench NAME --help for the flags)\n\nBenchmarks:\n")
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, registry[n].summary)
	}
}

// newFlags returns a flag set that prints its help to stdout.
func newFlags(name, synopsis string, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet("simbench "+name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(stdout)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "Usage:\n  simbench %s %s\n\nFlags:\n%s", name, synopsis, fs.FlagUsages())
	}
	return fs
}
