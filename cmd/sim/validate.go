package main

import (
	"errors"
	"fmt"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "validate",
		args:  "SCENARIO.yaml",
		short: "check a scenario and every file it names; list every problem at once",
		long: `Reads the scenario, its road network, zones, demand and facilities, and reports every
problem found, each with its file, YAML line (or GeoJSON feature, or CSV line) and field:
unknown keys, wrong types, values out of range, missing files, coordinates out of range,
shares that do not sum to 1, facilities or demand far from any road, stations cut off from
the demand. Warnings are printed too. Exit status 1 when there is any error; nothing is written.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one scenario file, got %d arguments", len(args))
				}
				s, ps, err := scenario.Load(args[0])
				all := ps.List
				nerr := len(ps.Errors())
				if err == nil {
					st, berr := model.Build(s, nil)
					var mps *scenario.Problems
					switch {
					case errors.As(berr, &mps):
						all, nerr = append(all, mps.List...), nerr+len(mps.Errors())
					case berr != nil:
						fmt.Fprintf(e.stdout, "%v\n", berr)
						nerr++
					default:
						all = append(all, st.Problems.List...)
					}
				}
				nwarn := 0
				for _, p := range all {
					fmt.Fprintln(e.stdout, p.Error())
					if p.Warning {
						nwarn++
					}
				}
				if nerr > 0 {
					return fmt.Errorf("%s: %d error%s, %d warning%s", args[0], nerr, plural(nerr), nwarn, plural(nwarn))
				}
				fmt.Fprintf(e.stdout, "%s: OK (%d warning%s)\n", args[0], nwarn, plural(nwarn))
				return nil
			}
		},
	})
}
