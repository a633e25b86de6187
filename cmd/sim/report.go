package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/emsplan/sim/sim/report"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "report",
		args:  "OUT [flags]",
		short: "redraw the figures and the report of a finished run, without computing again",
		long: `Reads the files a finished 'sim run' or 'sim coverage' wrote into OUT (coverage/, sim/) and draws
the figures (OUT/figures/) and the report (OUT/report.html, OUT/report.md) again, e.g. in the other
language (--lang en), with another font, or at another resolution. The scenario is found through
OUT/manifest.txt (or --scenario) for the maps' roads, zones and facilities; a warning says when its
files changed since the run. The data files are left as they are.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var of outFlags
			of.declareFigures(fs)
			scen := fs.String("scenario", "", "the scenario file of the run (default: the one OUT/manifest.txt names)")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one output folder, got %d arguments", len(args))
				}
				out := args[0]
				path := *scen
				if path == "" {
					var err error
					if path, err = manifestScenario(out); err != nil {
						return err
					}
				}
				st, err := loadStudy(path, e.stderr)
				if err != nil {
					return err
				}
				d, err := report.ReadRunData(out, st)
				if err != nil {
					return err
				}
				if h := report.NewScenarioInfo(st).Hash; h != d.Coverage.Scenario.Hash {
					fmt.Fprintf(e.stderr, "warning: %s or its files changed since the run: the maps use the files as they are now\n", path)
				}
				wrote, err := writeOut(out, func(stg *report.Staging) error { return of.figures(e, stg, d) })
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, wrote)
				return nil
			}
		},
	})
}

// manifestScenario returns the scenario path recorded in OUT/manifest.txt.
func manifestScenario(out string) (string, error) {
	f, err := os.Open(filepath.Join(out, "manifest.txt"))
	if err != nil {
		return "", fmt.Errorf("%s has no manifest.txt (was it written by sim run or sim coverage with figures?): give the scenario with --scenario", out)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "scenario: "); ok {
			return v, nil
		}
	}
	return "", fmt.Errorf("%s: no scenario line: give the scenario with --scenario", filepath.Join(out, "manifest.txt"))
}
