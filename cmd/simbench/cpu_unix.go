//go:build unix

package main

import (
	"math"
	"syscall"
)

// processCPU returns the CPU time (user + system, seconds) this process has
// used so far, every thread included (the garbage collector's too); NaN if
// it cannot be read.
func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return math.NaN()
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
