package sweep

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// WriteCSV writes points.csv: one row per point, the parameter values, then
// every headline figure with its interval and its paired difference from
// the baseline with that interval. Shares are fractions, times minutes.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"point", "moved"}
	for _, p := range r.Params {
		head = append(head, p.Key)
	}
	for _, f := range r.Outcomes[0].Figures {
		head = append(head, f.Name, f.Name+"_lo", f.Name+"_hi", "diff_"+f.Name, "diff_"+f.Name+"_lo", "diff_"+f.Name+"_hi")
	}
	cw.Write(head)
	for _, o := range r.Outcomes {
		moved := ""
		if o.Moved >= 0 {
			moved = r.Params[o.Moved].Key
		} else if o.Index == 0 {
			moved = "baseline"
		}
		row := []string{strconv.Itoa(o.Index), moved}
		for _, v := range o.Values {
			row = append(row, g(v))
		}
		for _, f := range o.Figures {
			row = append(row, g(f.Mean), g(f.Lo), g(f.Hi), g(f.Diff), g(f.DLo), g(f.DHi))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func g(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', 10, 64)
}
