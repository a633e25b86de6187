package main

import (
	"bufio"
	"os"

	"github.com/emsplan/sim/geo/synth"
)

func main() {
	f, _ := os.Create(os.Args[1])
	w := bufio.NewWriter(f)
	synth.Write(w, synth.Config{Nodes: 1e6, Seed: 1})
	w.Flush()
	f.Close()
}
