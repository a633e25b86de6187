package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/model"
)

// RunData is what a run wrote, read back or kept in memory: the figures and
// the report are drawn from it alone (with the study for geometry), so that
// `sim report OUT` redraws exactly what the run drew.
type RunData struct {
	Study    *model.Study
	Coverage *CoverageSummary
	Sim      *SimSummary       // nil when the run was coverage only
	Compare  *CompareSummary   // nil unless the run compared deployments
	Tables   map[string]*Table // by file name, e.g. "coverage/points.csv"
}

// Table returns the table written as name, or an empty one.
func (d *RunData) Table(name string) *Table {
	if t, ok := d.Tables[name]; ok {
		return t
	}
	return &Table{}
}

// Col returns the index of column name, or -1.
func (t *Table) Col(name string) int {
	for i, h := range t.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// Str returns the cell of row r in column name ("" when absent).
func (t *Table) Str(r int, name string) string {
	if c := t.Col(name); c >= 0 && c < len(t.Rows[r]) {
		return t.Rows[r][c]
	}
	return ""
}

// Float returns the number in row r, column name: +Inf for an empty cell
// (a time never reached), NaN when the column is absent or not a number.
func (t *Table) Float(r int, name string) float64 {
	c := t.Col(name)
	if c < 0 || c >= len(t.Rows[r]) {
		return math.NaN()
	}
	s := t.Rows[r][c]
	if s == "" {
		return math.Inf(1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// Bool returns whether row r, column name holds "1".
func (t *Table) Bool(r int, name string) bool { return t.Str(r, name) == "1" }

// ReadTable reads a CSV file written by Table.WriteCSV (with or without the
// byte-order mark).
func ReadTable(path string) (*Table, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	return &Table{Header: rows[0], Rows: rows[1:]}, nil
}

// UnmarshalJSON reads a number, or null as NaN.
func (n *Num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		n.V = math.NaN()
		return nil
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return err
	}
	n.V = v
	if i := strings.IndexByte(string(b), '.'); i >= 0 {
		n.Prec = len(b) - i - 1
	}
	return nil
}

// NewRunData returns an empty RunData for the study.
func NewRunData(st *model.Study) *RunData {
	return &RunData{Study: st, Tables: map[string]*Table{}}
}

// ReadRunData reads the files a run wrote into out. The study supplies the
// geometry (roads, zones, facilities) the files do not hold.
func ReadRunData(out string, st *model.Study) (*RunData, error) {
	d := NewRunData(st)
	readJSON := func(name string, v any) (bool, error) {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if os.IsNotExist(err) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if err := json.Unmarshal(b, v); err != nil {
			return false, fmt.Errorf("%s: %w", name, err)
		}
		return true, nil
	}
	d.Coverage = &CoverageSummary{}
	if ok, err := readJSON("coverage/summary.json", d.Coverage); err != nil || !ok {
		if err == nil {
			err = fmt.Errorf("%s holds no coverage/summary.json: run sim coverage or sim run first", out)
		}
		return nil, err
	}
	d.Sim = &SimSummary{}
	if ok, err := readJSON("sim/summary.json", d.Sim); err != nil {
		return nil, err
	} else if !ok {
		d.Sim = nil
	}
	d.Compare = &CompareSummary{}
	if ok, err := readJSON("compare/summary.json", d.Compare); err != nil {
		return nil, err
	} else if !ok {
		d.Compare = nil
	}
	names := coverageFiles
	if d.Sim != nil {
		names = append(append([]string(nil), names...), simFiles...)
	}
	if d.Compare != nil {
		names = append(names, "compare/differences.csv")
	}
	for _, name := range names {
		t, err := ReadTable(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			return nil, err
		}
		d.Tables[name] = t
	}
	return d, nil
}

// The CSV files of each part of a run.
var (
	coverageFiles = []string{"coverage/points.csv", "coverage/villages.csv", "coverage/townships.csv"}
	simFiles      = []string{"sim/calls.csv", "sim/units.csv", "sim/townships.csv", "sim/hospitals.csv"}
)
