package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/emsplan/sim/sim/calibrate"
	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "calibrate",
		args:  "CALLS.csv --scenario SCENARIO.yaml [flags]",
		short: "fit call rates, profiles, shares and durations to a 120 centre's call log",
		long: `Reads a call log (one row per call; the column names of older and newer 120 dispatch
systems are understood, e.g. 开始受理时间, 收到指令时间, 驶向现场时间, 到达现场时间, 病人上车时间,
到达医院时间, 接车地址经度/纬度; --columns maps others) and fits the scenario's call rate,
24-hour and 7-day profiles, priority and condition shares, conveyance and durations (lognormal,
maximum likelihood). Prints the fit beside the scenario's values, the townships whose rate
differs from the county's, and the response split as 120 centres measure it. Writes into --out:
fit.yaml (a scenario that extends SCENARIO with the fitted values: run or compare it),
summary.json and rejected.csv (every dropped row's reason).`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			scen := fs.String("scenario", "", "the scenario to calibrate (required)")
			columns := fs.String("columns", "", "YAML mapping log fields to your column names (received: 接警时间, ...)")
			types := fs.StringSlice("call-types", nil, "keep only calls of these types (the 呼救类型 column), e.g. 急救,院前急救")
			apply := fs.Bool("apply-speeds", false, "write the drives' overall speed factor into fit.yaml as the emergency factor")
			reps := fs.Int("backtest-replications", 10, "replications of the calibrated scenario for the back-test (0: none)")
			out := fs.String("out", "", "folder to write (default: the scenario's out folder + _calibrate)")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one call log, got %d arguments", len(args))
				}
				if *scen == "" {
					return usagef("--scenario is required")
				}
				st, err := loadStudy(*scen, e.stderr)
				if err != nil {
					return err
				}
				var mapping map[string]string
				if *columns != "" {
					if mapping, err = calibrate.ReadMapping(*columns); err != nil {
						return err
					}
				}
				s := st.Scenario
				lg, err := calibrate.ReadLog(args[0], calibrate.Options{Mapping: mapping, CallTypes: *types, Near: calibrate.NearDemand(s, 20)})
				if err != nil {
					return err
				}
				fit := calibrate.Compute(lg, s)
				fit.Speeds, fit.ApplySpeeds = calibrate.FitSpeeds(st, lg), *apply
				dir := *out
				if dir == "" {
					dir = strings.TrimSuffix(s.Out, "/") + "_calibrate"
				}
				base, err := filepath.Rel(dir, *scen)
				if err != nil {
					base, _ = filepath.Abs(*scen)
				}
				if *reps < 0 || *reps > 1000 {
					return usagef("--backtest-replications must be between 0 and 1000, got %d", *reps)
				}
				var bt *calibrate.BackTest
				if *reps > 0 {
					if bt, err = backTest(e, fit, s, *scen, *reps); err != nil {
						return err
					}
				}
				line, err := writeOut(dir, func(stg *report.Staging) error {
					if bt != nil {
						if err := stg.Write("backtest.csv", bt.WriteCSV); err != nil {
							return err
						}
						if err := stg.Write("backtest_cdf.png", func(w io.Writer) error { return bt.WriteCDF(w, targetList(s)) }); err != nil {
							return err
						}
					}
					if err := stg.Write("fit.yaml", func(w io.Writer) error { return fit.WriteFragment(w, s, filepath.ToSlash(base)) }); err != nil {
						return err
					}
					if err := stg.Write("summary.json", fit.WriteJSON); err != nil {
						return err
					}
					return stg.Write("rejected.csv", fit.WriteRejected)
				})
				if err != nil {
					return err
				}
				fit.WriteText(e.stdout, s)
				if bt != nil {
					bt.WriteText(e.stdout)
				}
				fmt.Fprintf(e.stdout, "\n%s\nNext: sim run %s\n", line, filepath.Join(dir, "fit.yaml"))
				return nil
			}
		},
	})
}

// backTest loads the fitted scenario (written to a temporary file that
// extends the base by its absolute path) and simulates it beside the log.
func backTest(e *env, fit *calibrate.Fit, s *scenario.Scenario, scen string, reps int) (*calibrate.BackTest, error) {
	abs, err := filepath.Abs(scen)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".sim-calibrate-*.yaml")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	err = fit.WriteFragment(tmp, s, abs)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	st, err := loadStudy(tmp.Name(), io.Discard)
	if err != nil {
		return nil, fmt.Errorf("the fitted scenario: %w", err)
	}
	return calibrate.RunBackTest(st, fit, reps, 0)
}

// targetList are the scenario's class targets, minutes, without repeats.
func targetList(s *scenario.Scenario) []float64 {
	var out []float64
	for _, c := range s.Targets.Classes {
		v := s.Targets.ByClass[c]
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
