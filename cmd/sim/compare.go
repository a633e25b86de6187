package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/emsplan/sim/sim/compare"
	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "compare",
		args:  "SCENARIO.yaml [--variants a,b] | A.yaml B.yaml ... [flags]",
		short: "compare deployments on the same calls: paired differences with 95% CIs",
		long: `Compares the baseline with its variants (the scenario's variants: list, or the ones --variants
names), or several scenarios on the same road network (the first is the baseline). Every option
is simulated on common random numbers: the very same calls (times, places, priorities,
conditions, durations), so differences are paired replication by replication and their 95%
intervals are much narrower than those of separate runs. Static coverage differences are
exact. Prints the paired table, and writes OUT/compare/ (differences.csv, summary.json), the
baseline's coverage/ and sim/, overlaid CDFs and gain/loss maps in figures/, and a comparison
section in the report.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var of outFlags
			of.declare(fs)
			var sf simFlags
			sf.declare(fs)
			variants := fs.String("variants", "", "comma-separated names of the scenario's variants to compare (default: all)")
			return func(e *env, args []string) error {
				if len(args) == 0 {
					return usagef("want a scenario file (with variants) or several scenario files")
				}
				if len(args) > 1 && *variants != "" {
					return usagef("--variants selects the variants of one scenario; with several scenario files, leave it out")
				}
				if err := sf.check(); err != nil {
					return err
				}
				opts, err := compareOptions(e, args, *variants)
				if err != nil {
					return err
				}
				return runComparison(e, opts, &of, &sf)
			}
		},
	})
}

// simFlags are the simulation options of run, compare and optimize.
type simFlags struct {
	reps  int
	days  float64
	jobs  int
	seed  uint64
	fs    *pflag.FlagSet
	calls string
}

func (f *simFlags) declare(fs *pflag.FlagSet) {
	f.fs = fs
	fs.IntVar(&f.reps, "replications", 0, "replications (default: the scenario's simulation.replications)")
	fs.Float64Var(&f.days, "days", 0, "simulated days after the warm-up (default: the scenario's simulation.days)")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "replications run at once (default: the number of cores)")
	fs.Uint64Var(&f.seed, "seed", 0, "random seed (default: the scenario's seed)")
	fs.StringVar(&f.calls, "calls", "first", "replications written to calls.csv: first or all")
}

func (f *simFlags) check() error {
	if f.calls != "first" && f.calls != "all" {
		return usagef("--calls must be first or all, got %q", f.calls)
	}
	if f.reps < 0 || f.days < 0 || f.jobs < 0 {
		return usagef("--replications, --days and -j must be >= 0")
	}
	return nil
}

// apply sets the flags' overrides on a scenario.
func (f *simFlags) apply(s *scenario.Scenario) {
	if f.reps > 0 {
		s.Simulation.Replications = f.reps
	}
	if f.days > 0 {
		s.Simulation.Days = f.days
	}
	if f.fs != nil && f.fs.Changed("seed") {
		s.Seed = f.seed
	}
}

// compareOptions loads the options: the scenario and its (selected)
// variants, or several scenario files.
func compareOptions(e *env, args []string, names string) ([]compare.Option, error) {
	var opts []compare.Option
	for _, path := range args {
		s, ps, err := scenario.Load(path)
		if err != nil {
			return nil, problemsError(ps)
		}
		printWarnings(e.stderr, ps)
		name := "baseline"
		if len(opts) > 0 {
			name = strings.TrimSuffix(strings.TrimSuffix(pathBase(path), ".yaml"), ".yml")
		}
		opts = append(opts, compare.Option{Name: name, Title: s.Name, TitleEn: s.NameEn, Scenario: s})
	}
	if len(args) > 1 {
		return opts, nil
	}
	base := opts[0].Scenario
	var pick []string
	if names != "" {
		pick = strings.Split(names, ",")
	} else {
		for _, v := range base.Variants {
			pick = append(pick, v.Name)
		}
	}
	if len(pick) == 0 {
		return nil, fmt.Errorf("%s lists no variants: add some under variants:, or give several scenario files", args[0])
	}
	for _, n := range pick {
		v := base.Variant(strings.TrimSpace(n))
		if v == nil {
			var known []string
			for _, x := range base.Variants {
				known = append(known, x.Name)
			}
			return nil, usagef("no variant %q in %s (variants: %s)", n, args[0], strings.Join(known, ", "))
		}
		s, err := base.Apply(v)
		if err != nil {
			return nil, err
		}
		opts = append(opts, compare.Option{Name: v.Name, Title: v.Title, TitleEn: v.TitleEn, Scenario: s})
	}
	return opts, nil
}

func pathBase(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// runComparison simulates the options on common random numbers, writes the
// baseline's files, the comparison and the report, and prints the table.
func runComparison(e *env, opts []compare.Option, of *outFlags, sf *simFlags) error {
	return runComparisonWith(e, opts, of, sf, nil)
}

// runComparisonWith is runComparison with more files: stage, when not nil,
// writes them into the comparison's staging folder, so that they are moved
// into place with the comparison or not at all (sim optimize --simulate).
func runComparisonWith(e *env, opts []compare.Option, of *outFlags, sf *simFlags, stage step) error {
	for _, o := range opts {
		sf.apply(o.Scenario)
	}
	base := opts[0].Scenario
	keep := 1
	if sf.calls == "all" {
		keep = -1
	}
	prog := newProgress(e.stderr, "replications")
	t0 := time.Now()
	r, err := compare.Run(opts, compare.Config{Replications: base.Simulation.Replications, Seed: base.Seed, Workers: sf.jobs,
		KeepCalls: keep, Progress: prog.update})
	var ps *scenario.Problems
	if errors.As(err, &ps) {
		return problemsError(ps)
	}
	if err != nil {
		return err
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	b := r.Outcomes[0]
	run := report.Run{Replications: base.Simulation.Replications, Days: base.Simulation.Days, WarmupDays: base.Simulation.WarmupDays,
		Seed: base.Seed, AVL: base.Simulation.AVL, Calls: sf.calls}
	d := report.NewRunData(b.Study)
	d.SetCoverage(b.Coverage)
	d.SetSim(b.Engine, b.Results, b.Coverage, run)
	d.SetCompare(r, run)
	wrote, err := writeOut(of.dir(b.Study), append(of.runSteps(e, d, b.Coverage), stage)...)
	if err != nil {
		return err
	}
	printComparison(e, d.Compare, len(opts)-1, time.Since(t0))
	fmt.Fprintf(e.stdout, "\n%s\n", wrote)
	return nil
}
