package setup

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// table is a CSV file read whole: its header and rows, for the few columns
// this package needs by name.
type table struct {
	path   string
	header []string
	col    map[string]int
	rows   [][]string
}

// maxRows bounds what is read: a county import has thousands of places.
const maxRows = 1_000_000

func readTable(path string, need ...string) (*table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	t := &table{path: path, col: map[string]int{}}
	t.header, err = r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: %w", path, errOrEmpty(err))
	}
	for i, h := range t.header {
		t.col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, n := range need {
		if _, ok := t.col[n]; !ok {
			return nil, fmt.Errorf("%s: line 1: no %q column (the header has %s)", path, n, strings.Join(t.header, ", "))
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err) // csv.ParseError names the line and column
		}
		if len(t.rows) == maxRows {
			return nil, fmt.Errorf("%s: more than %d rows", path, maxRows)
		}
		t.rows = append(t.rows, rec)
	}
	return t, nil
}

func errOrEmpty(err error) error {
	if err == io.EOF {
		return errors.New("the file is empty (want a header row)")
	}
	return err
}

// get returns the field col of row i ("" when the column is absent).
func (t *table) get(i int, col string) string {
	c, ok := t.col[col]
	if !ok || c >= len(t.rows[i]) {
		return ""
	}
	return strings.TrimSpace(t.rows[i][c])
}

// lonLat reads the lon and lat of row i.
func (t *table) lonLat(i int) (float64, float64, error) {
	lon, err1 := strconv.ParseFloat(t.get(i, "lon"), 64)
	lat, err2 := strconv.ParseFloat(t.get(i, "lat"), 64)
	if err1 != nil || err2 != nil || !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) || math.IsNaN(lon) {
		return 0, 0, fmt.Errorf("%s: line %d: lon, lat: want WGS-84 degrees, got %q, %q", t.path, i+2, t.get(i, "lon"), t.get(i, "lat"))
	}
	return lon, lat, nil
}
