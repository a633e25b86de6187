package setup

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// facilities is the import's facilities.csv with the assumed ambulances.
type facilities struct {
	t          *table
	byTier     map[string]int
	ambulances int
	assumedAt  int // facilities given assumed ambulances
}

// readFacilities reads facilities.csv and assumes ambulances by tier where a
// row has none; a row that already has ambulances keeps them.
func readFacilities(c *Config) (*facilities, error) {
	t, err := readTable(c.Facilities, "id", "name", "tier", "lon", "lat")
	if err != nil {
		return nil, err
	}
	f := &facilities{t: t, byTier: map[string]int{}}
	if _, ok := t.col["ambulances"]; !ok {
		t.header = append(t.header, "ambulances")
		t.col["ambulances"] = len(t.header) - 1
	}
	if _, ok := t.col["five_g"]; !ok {
		t.header = append(t.header, "five_g")
		t.col["five_g"] = len(t.header) - 1
	}
	for i := range t.rows {
		for len(t.rows[i]) < len(t.header) {
			t.rows[i] = append(t.rows[i], "")
		}
		if _, _, err := t.lonLat(i); err != nil {
			return nil, err
		}
		tier := t.get(i, "tier")
		f.byTier[tier]++
		n := 0
		if s := t.get(i, "ambulances"); s != "" {
			if n, err = strconv.Atoi(s); err != nil || n < 0 || n > 1000 {
				return nil, fmt.Errorf("%s: line %d: ambulances: want a whole number from 0 to 1,000, got %q", c.Facilities, i+2, s)
			}
		}
		if n == 0 && c.Ambulances[tier] > 0 {
			n = c.Ambulances[tier]
			f.assumedAt++
		}
		t.rows[i][t.col["ambulances"]] = strconv.Itoa(n)
		if t.get(i, "five_g") == "" {
			t.rows[i][t.col["five_g"]] = strconv.FormatBool(c.FiveG && n > 0)
		}
		f.ambulances += n
	}
	if f.ambulances == 0 {
		return nil, fmt.Errorf("%s: no ambulance anywhere: give ambulances in the file or by tier (--ambulances county_hospital=2)", c.Facilities)
	}
	return f, nil
}

func (f *facilities) write(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(f.t.header)
	cw.WriteAll(f.t.rows)
	return cw.Error()
}
