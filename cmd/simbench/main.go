// Command simbench times sim against the peer tools in ../shared/peers, in
// the same run, and prints both results side by side.
//
//	simbench            lists the benchmarks
//	simbench NAME ARGS  runs one (NAME --help for its flags)
//
// Each benchmark lives in its own file and registers itself from init().
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

type bench struct {
	name string
	fn   func(args []string) error
}

var benches []bench

// stdout is where benchmarks print (tests replace it).
var stdout io.Writer = os.Stdout

// register adds a benchmark; called from init() in each benchmark's file.
func register(name string, fn func(args []string) error) {
	benches = append(benches, bench{name, fn})
	sort.Slice(benches, func(i, j int) bool { return benches[i].name < benches[j].name })
}

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run runs the benchmark named by args[0] and returns the exit status.
func run(args []string, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, "usage: simbench NAME [ARGS]\nbenchmarks:")
		for _, b := range benches {
			fmt.Fprintln(stderr, " ", b.name)
		}
		return 2
	}
	for _, b := range benches {
		if b.name == args[0] {
			if err := b.fn(args[1:]); err != nil {
				fmt.Fprintf(stderr, "simbench %s: %v\n", b.name, err)
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "simbench: unknown benchmark %q\n", args[0])
	return 2
}
