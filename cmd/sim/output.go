package main

import (
	"fmt"
	"strings"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/report"
)

// step writes some of a command's files into the staging folder.
type step func(*report.Staging) error

// writeOut runs the steps into a staging folder inside out and moves their
// files into place only when every step succeeded, so a failed run leaves
// earlier results as they were. It returns the line naming what it wrote.
func writeOut(out string, steps ...step) (string, error) {
	stg, err := report.NewStaging(out)
	if err != nil {
		return "", err
	}
	defer stg.Abort()
	for _, s := range steps {
		if s == nil {
			continue
		}
		if err := s(stg); err != nil {
			return "", err
		}
	}
	files := topLevel(stg.Files())
	if err := stg.Commit(); err != nil {
		return "", err
	}
	return fmt.Sprintf("Wrote %s: %s", relPath(out), strings.Join(files, ", ")), nil
}

// runSteps are the steps of a run's data files (from cov for the GeoJSON),
// then its figures and report unless --no-figures.
func (f *outFlags) runSteps(e *env, d *report.RunData, cov *coverage.Result) []step {
	return []step{
		func(stg *report.Staging) error { return d.WriteData(stg, cov, f.options()) },
		func(stg *report.Staging) error { return f.figures(e, stg, d) },
	}
}
