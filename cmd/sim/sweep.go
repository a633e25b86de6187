package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/sweep"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "sweep",
		args:  "SCENARIO.yaml --vary KEY=V1,V2,... [--vary ...] [flags]",
		short: "which assumption moves the answer: the scenario over ranges of its parameters, on common random numbers",
		long: `Runs the scenario at every point of a design over the parameters --vary names, each point on the
very same calls as the baseline, so the change it makes is paired replication by replication.
Keys: ` + strings.Join(sweep.Keys(), ", ") + `.
Designs: oat (one at a time, the default), grid (every combination), lhs:N (a Latin hypercube of N
points over the ranges). Writes into --out: sweep/points.csv (every point, every headline figure
with its 95% interval and its paired difference from the baseline), and for one-at-a-time sweeps
sweep/tornado.png and one line chart per parameter; --goal with --break-even finds, for each
parameter, the value at which the share of calls within target crosses the goal.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			vary := fs.StringArray("vary", nil, "KEY=V1,V2,... (repeat for more parameters)")
			design := fs.String("design", "oat", "oat, grid or lhs:N")
			reps := fs.Int("replications", 0, "replications per point (default: the scenario's)")
			jobs := fs.IntP("jobs", "j", 0, "replications run at once (default: the number of cores)")
			goal := fs.Float64("goal", 0, "a share of calls within target to draw, e.g. 0.9 (0: none)")
			breakEven := fs.Bool("break-even", false, "with --goal: find where each parameter makes compliance cross the goal")
			out := fs.String("out", "", "folder to write (default: the scenario's out folder + _sweep)")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one scenario file, got %d arguments", len(args))
				}
				var params []sweep.Param
				for _, v := range *vary {
					p, err := sweep.ParseVary(v)
					if err != nil {
						return usagef("--vary: %v", err)
					}
					params = append(params, p)
				}
				d, err := sweep.ParseDesign(*design)
				if err != nil {
					return usagef("--design: %v", err)
				}
				if *reps < 0 || *reps > 10000 || *jobs < 0 || !(*goal >= 0 && *goal < 1) {
					return usagef("--replications 0..10000, -j >= 0 and --goal in [0, 1)")
				}
				if *breakEven && *goal == 0 {
					return usagef("--break-even needs --goal")
				}
				st, err := loadStudy(args[0], e.stderr)
				if err != nil {
					return err
				}
				s := st.Scenario
				cfg := sweep.Config{Replications: *reps, Workers: *jobs, Progress: newProgress(e.stderr, "replications").update}
				r, err := sweep.Run(s, params, d, cfg)
				if err != nil {
					return err
				}
				var bes []sweep.BreakEven
				if *breakEven {
					cfg.Progress = nil
					if bes, err = sweep.FindBreakEvens(s, params, *goal, cfg); err != nil {
						return err
					}
				}
				dir := *out
				if dir == "" {
					dir = strings.TrimSuffix(s.Out, "/") + "_sweep"
				}
				line, err := writeOut(dir, func(stg *report.Staging) error {
					if err := stg.Write("sweep/points.csv", r.WriteCSV); err != nil {
						return err
					}
					if bes != nil {
						if err := stg.Write("sweep/breakeven.csv", func(w io.Writer) error { return sweep.WriteBreakEvens(w, bes, *goal) }); err != nil {
							return err
						}
					}
					if d.Kind != "oat" {
						return nil
					}
					if err := stg.Write("sweep/tornado.png", r.WriteTornado); err != nil {
						return err
					}
					for i, p := range params {
						if err := stg.Write("sweep/line_"+p.Key+".png", func(w io.Writer) error { return r.WriteLine(w, i, *goal) }); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return err
				}
				for _, w := range r.Warnings {
					fmt.Fprintf(e.stderr, "warning: %s\n", w)
				}
				r.WriteText(e.stdout, bes, *goal)
				fmt.Fprintf(e.stdout, "\n%s\n", line)
				return nil
			}
		},
	})
}
