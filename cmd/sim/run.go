package main

import (
	"fmt"
	"time"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/report"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "run",
		args:  "SCENARIO.yaml [flags]",
		short: "simulate a year of calls: dynamic compliance with confidence intervals, beside static coverage",
		long: `Simulates the ambulance service: calls arrive as the demand, the 24-hour and 7-day profiles
say; each is dispatched to the free unit with the shortest response (a returning 5G unit from
where it is), queues by priority when none is free, and goes through turnout, drive, scene,
transport to the nearest capable hospital, handover and return. Replications run in parallel
from independent random streams, so the same seed gives byte-identical files whatever -j.
Prints the dynamic figures with 95% confidence intervals beside the static coverage, and
writes OUT/sim/ (calls.csv, units.csv, townships.csv, hospitals.csv, summary.json) and
OUT/coverage/.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var of outFlags
			of.declare(fs)
			var sf simFlags
			sf.declare(fs)
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one scenario file, got %d arguments", len(args))
				}
				if err := sf.check(); err != nil {
					return err
				}
				st, err := loadStudy(args[0], e.stderr)
				if err != nil {
					return err
				}
				sf.apply(st.Scenario)
				return runStudy(e, st, &of, sf.jobs, sf.calls)
			}
		},
	})
}

// runStudy computes the static coverage, simulates, writes both and prints
// the summary.
func runStudy(e *env, st *model.Study, of *outFlags, jobs int, calls string) error {
	s := st.Scenario
	cov := coverage.Compute(st)
	eng, err := st.Engine()
	if err != nil {
		return err
	}
	keep := 1
	if calls == "all" {
		keep = -1
	}
	prog := newProgress(e.stderr, "replications")
	t0 := time.Now()
	res, err := sim.Run(eng.Model, eng.Travel, sim.Config{Replications: s.Simulation.Replications, Seed: s.Seed,
		Workers: jobs, KeepCalls: keep, Progress: prog.update})
	if err != nil {
		return err
	}
	elapsed := time.Since(t0)
	run := report.Run{Replications: s.Simulation.Replications, Days: s.Simulation.Days, WarmupDays: s.Simulation.WarmupDays,
		Seed: s.Seed, AVL: s.Simulation.AVL, Calls: calls}
	d := report.NewRunData(st)
	d.SetCoverage(cov)
	d.SetSim(eng, res, cov, run)
	wrote, err := writeOut(of.dir(st), of.runSteps(e, d, cov)...)
	if err != nil {
		return err
	}
	printRun(e.stdout, eng, res, cov, elapsed)
	fmt.Fprintf(e.stdout, "\n%s\n", wrote)
	return nil
}
