package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// loadStudy reads the scenario and places it on its network. Warnings go to
// stderr; errors come back listing every problem found (each with its file,
// line or feature, and field) before anything is computed or written.
func loadStudy(path string, stderr io.Writer) (*model.Study, error) {
	s, ps, err := scenario.Load(path)
	if err != nil {
		return nil, problemsError(ps)
	}
	printWarnings(stderr, ps)
	st, err := model.Build(s, nil)
	var mps *scenario.Problems
	if errors.As(err, &mps) {
		return nil, problemsError(mps)
	}
	if err != nil {
		return nil, err
	}
	printWarnings(stderr, st.Problems)
	return st, nil
}

func printWarnings(w io.Writer, ps *scenario.Problems) {
	warns := ps.Warnings()
	const most = 10
	for i, p := range warns {
		if i == most {
			fmt.Fprintf(w, "... and %d more warnings (sim validate lists them all)\n", len(warns)-most)
			break
		}
		fmt.Fprintln(w, p.Error())
	}
}

// problemsError turns a list of problems into one error, every error on its
// own line.
func problemsError(ps *scenario.Problems) error {
	errs := ps.Errors()
	return fmt.Errorf("the scenario has %d error%s:\n%v", len(errs), plural(len(errs)), ps)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// relPath returns path relative to the working directory when it lies
// below it, else as it is.
func relPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// topLevel returns the distinct first elements of slash-separated paths,
// folders with a trailing slash: "coverage/", "figures/", "report.html".
func topLevel(files []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range files {
		head, _, sub := strings.Cut(f, "/")
		if sub {
			head += "/"
		}
		if !seen[head] {
			seen[head] = true
			out = append(out, head)
		}
	}
	return out
}
