package scenario

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Pos locates a value in an input file: a YAML line, a GeoJSON feature index
// or a CSV line. The zero Pos means "the file as a whole".
type Pos struct {
	File    string // path as the user wrote it or as resolved; shown by its base name
	Line    int    // YAML or CSV line, 1-based; 0 if unknown
	Feature int    // GeoJSON feature index, 0-based; -1 if not a feature
}

func (p Pos) String() string {
	name := filepath.Base(p.File)
	switch {
	case p.Feature >= 0:
		return fmt.Sprintf("%s feature %d", name, p.Feature)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", name, p.Line)
	default:
		return name
	}
}

func filePos(file string) Pos           { return Pos{File: file, Feature: -1} }
func linePos(file string, line int) Pos { return Pos{File: file, Line: line, Feature: -1} }
func featurePos(file string, i int) Pos { return Pos{File: file, Feature: i} }

// A Problem is one thing wrong (or worth a warning) in the input.
type Problem struct {
	Pos     Pos
	Field   string // dotted path of the key, e.g. "network.emergency_factor"
	Msg     string
	Warning bool // true: the input is usable but the planner should look
}

func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems collects every problem found while loading. As an error it lists
// the errors (not the warnings), one per line.
type Problems struct {
	List []*Problem
}

func (ps *Problems) add(pos Pos, field string, warn bool, format string, args ...any) {
	ps.List = append(ps.List, &Problem{Pos: pos, Field: field, Msg: fmt.Sprintf(format, args...), Warning: warn})
}

// Errorf records an error.
func (ps *Problems) Errorf(pos Pos, field, format string, args ...any) {
	ps.add(pos, field, false, format, args...)
}

// Warnf records a warning.
func (ps *Problems) Warnf(pos Pos, field, format string, args ...any) {
	ps.add(pos, field, true, format, args...)
}

// Errors returns the problems that are errors.
func (ps *Problems) Errors() []*Problem { return ps.filter(false) }

// Warnings returns the problems that are warnings.
func (ps *Problems) Warnings() []*Problem { return ps.filter(true) }

func (ps *Problems) filter(warn bool) []*Problem {
	var out []*Problem
	for _, p := range ps.List {
		if p.Warning == warn {
			out = append(out, p)
		}
	}
	return out
}

// Err returns ps as an error if it holds at least one error, else nil.
func (ps *Problems) Err() error {
	if len(ps.Errors()) == 0 {
		return nil
	}
	return ps
}

func (ps *Problems) Error() string {
	errs := ps.Errors()
	lines := make([]string, len(errs))
	for i, p := range errs {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}
