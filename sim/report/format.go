package report

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
)

// Num is a number written with a fixed number of decimals, so that files are
// byte-identical across runs; NaN and ±Inf are written as null in JSON and as
// an empty cell in CSV.
type Num struct {
	V    float64
	Prec int
}

// N returns v rounded to prec decimals for output. V holds the rounded
// value exactly as a file read back would give it, so that what is drawn
// from a live run and from its files is the same.
func N(v float64, prec int) Num {
	n := Num{v, prec}
	if n.Valid() {
		n.V, _ = strconv.ParseFloat(n.String(), 64)
	}
	return n
}

// Minutes converts seconds to minutes with 2 decimals.
func Minutes(sec float64) Num { return N(sec/60, 2) }

// Share returns a share (0..1) with 4 decimals.
func Share(x float64) Num { return N(x, 4) }

// Valid reports whether the number is finite.
func (n Num) Valid() bool { return !math.IsNaN(n.V) && !math.IsInf(n.V, 0) }

func (n Num) String() string {
	if !n.Valid() {
		return ""
	}
	v := n.V
	if v == 0 || math.Abs(v) < 0.5*math.Pow(10, -float64(n.Prec)) {
		v = 0 // never "-0.00"
	}
	return strconv.FormatFloat(v, 'f', n.Prec, 64)
}

// MarshalJSON writes the number, or null when it is not finite.
func (n Num) MarshalJSON() ([]byte, error) {
	if !n.Valid() {
		return []byte("null"), nil
	}
	return []byte(n.String()), nil
}

// Table is a CSV file: a header and rows of cells.
type Table struct {
	Header []string
	Rows   [][]string
}

// Add appends a row; cells are strings, Num, int, bool or float64 (6 decimals).
func (t *Table) Add(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = cell(c)
	}
	t.Rows = append(t.Rows, row)
}

func cell(c any) string {
	switch x := c.(type) {
	case string:
		return x
	case Num:
		return x.String()
	case int:
		return strconv.Itoa(x)
	case int32:
		return strconv.Itoa(int(x))
	case bool:
		if x {
			return "1"
		}
		return "0"
	case float64:
		return N(x, 6).String()
	}
	panic("report: unsupported cell type")
}

// WriteCSV writes t as CSV (RFC 4180, "\r\n" line ends for Excel), starting
// with a UTF-8 byte-order mark when bom is true so that Excel reads Chinese
// names correctly.
func (t *Table) WriteCSV(w io.Writer, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\xef\xbb\xbf"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}

// WriteJSON writes v as indented JSON with a final newline; HTML characters
// are not escaped (names stay readable).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func nan() float64 { return math.NaN() }
