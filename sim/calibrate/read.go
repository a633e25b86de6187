package calibrate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Call is one call of the log that passed every check.
type Call struct {
	Line      int        // line in the file (the header is line 1)
	t         [8]float64 // per timeFields entry: minutes since the Monday 00:00 before the first call; NaN when absent
	Lon, Lat  float64    // NaN when the log has no position
	Township  string
	Priority  string
	Condition string
	Wait      float64 // minutes waiting for a free unit, when the log says (0 otherwise)
	Station   string  // the base the unit left from (facility id or name), when the log says
}

// Has reports whether the call has the time field f.
func (c *Call) Has(f string) bool { _, ok := c.Time(f); return ok }

// Time returns the call's time field f in minutes, and whether the log has it.
func (c *Call) Time(f string) (float64, bool) {
	v := c.t[fieldIndex[f]]
	return v, !math.IsNaN(v)
}

// fieldIndex is each time field's position in timeFields.
var fieldIndex = func() map[string]int {
	m := map[string]int{}
	for i, f := range timeFields {
		m[f] = i
	}
	return m
}()

// Rejection counts the rows dropped for one reason, with the first lines.
type Rejection struct {
	Reason string
	Count  int
	Lines  []int // the first 20
}

// Log is a read call log.
type Log struct {
	File     string
	Columns  Columns
	Rows     int // data rows read
	Calls    []Call
	Rejected []Rejection // by reason, most first
	Origin   time.Time   // the Monday 00:00 the minutes count from (zero for sim's own minutes)
}

// Options filter the rows.
type Options struct {
	Mapping   map[string]string // field -> column name, over the aliases
	CallTypes []string          // keep only these values of the call-type column (e.g. 急救); empty: all
	// Near, when set, says whether a position belongs to the study; a row
	// whose position does not is rejected ("far from the study area").
	Near func(lon, lat float64) bool
}

// maxRows bounds a log: a year of a large city is about a million calls.
const maxRows = 5_000_000

// ErrLog is wrapped by errors about a log's content.
var ErrLog = errors.New("calibrate: bad call log")

// ReadLog reads a call log (CSV, UTF-8) and keeps the rows that pass: a
// received time, times that parse and never go backwards, a position in the
// study, the wanted call type, a normal end. O(rows).
func ReadLog(path string, opts Options) (*Log, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLog(f, path, opts)
}

// readLog is ReadLog on a reader; path names it in errors.
func readLog(in io.Reader, path string, opts Options) (*Log, error) {
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("%w: %s: the file is empty (want a header row)", ErrLog, path)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrLog, path, err)
	}
	cols, err := resolve(header, opts.Mapping, path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLog, err)
	}
	lg := &Log{File: path, Columns: cols}
	rej := map[string]*Rejection{}
	reject := func(line int, format string, a ...any) {
		why := fmt.Sprintf(format, a...)
		x := rej[why]
		if x == nil {
			x = &Rejection{Reason: why}
			rej[why] = x
		}
		x.Count++
		if len(x.Lines) < 20 {
			x.Lines = append(x.Lines, line)
		}
	}
	type raw struct {
		line    int
		stamp   [8]stamp // per timeFields entry
		present [8]bool
		call    Call
	}
	var rows []raw
	keepType := map[string]bool{}
	for _, t := range opts.CallTypes {
		keepType[t] = true
	}
	get := func(rec []string, f string) string {
		if i := cols[f]; i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%w: %s: line %d, column %d: %v", ErrLog, path, pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("%w: %s: line %d: %v", ErrLog, path, line, err)
		}
		if lg.Rows++; lg.Rows > maxRows {
			return nil, fmt.Errorf("%w: %s: more than %d rows: split the log by year", ErrLog, path, maxRows)
		}
		if cols["replication"] >= 0 && get(rec, "replication") != "0" {
			continue // sim's own calls.csv: the first replication is one year of calls
		}
		if len(keepType) > 0 && cols["call_type"] >= 0 && !keepType[get(rec, "call_type")] {
			reject(line, "call type not kept (%s)", get(rec, "call_type"))
			continue
		}
		if v := get(rec, "normal_end"); cols["normal_end"] >= 0 && v != "" && !isYes(v) {
			reject(line, "did not end normally (是否正常结束 = %s)", v)
			continue
		}
		row := raw{line: line}
		bad := ""
		for k, tf := range timeFields {
			st, present, ok := parseStamp(get(rec, tf))
			if !ok {
				bad = "unparsable time in " + header[cols[tf]]
				break
			}
			row.stamp[k], row.present[k] = st, present
		}
		if bad != "" {
			reject(line, "%s", bad)
			continue
		}
		if !row.present[0] {
			reject(line, "no received time")
			continue
		}
		c := Call{Line: line, Lon: math.NaN(), Lat: math.NaN(), Township: get(rec, "township"),
			Priority: get(rec, "priority"), Condition: get(rec, "condition"), Station: get(rec, "station")}
		if v := get(rec, "wait"); v != "" {
			w, err := strconv.ParseFloat(v, 64)
			if err != nil || !(w >= 0 && w < maxDurationMin) {
				reject(line, "unparsable wait in %s", header[cols["wait"]])
				continue
			}
			c.Wait = w
		}
		if cols["lon"] >= 0 && cols["lat"] >= 0 {
			lon, err1 := strconv.ParseFloat(get(rec, "lon"), 64)
			lat, err2 := strconv.ParseFloat(get(rec, "lat"), 64)
			switch {
			case err1 != nil || err2 != nil || !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90):
				if c.Township == "" {
					reject(line, "no usable position (lon, lat)")
					continue
				}
			case opts.Near != nil && !opts.Near(lon, lat):
				reject(line, "position far from the study area")
				continue
			default:
				c.Lon, c.Lat = lon, lat
			}
		}
		row.call = c
		rows = append(rows, row)
	}
	// The clock starts at the Monday 00:00 before the earliest call.
	var ck clock
	first := -1
	for i := range rows {
		if s := rows[i].stamp[0]; s.abs && (first < 0 || s.unix < rows[first].stamp[0].unix) {
			first = i
		}
	}
	if first >= 0 {
		ck.minutes(rows[first].stamp[0])
		lg.Origin = ck.origin
	}
	lg.Calls = make([]Call, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		c := r.call
		for k := range c.t {
			c.t[k] = math.NaN()
		}
		prev, prevName, mixed := math.Inf(-1), "", false
		for k, tf := range timeFields {
			if !r.present[k] {
				continue
			}
			s := r.stamp[k]
			mixed = mixed || s.abs != r.stamp[0].abs
			m := ck.minutes(s)
			if m < prev {
				prevName = fmt.Sprintf("time goes backwards: %s before %s", header[cols[tf]], prevName)
				break
			}
			prev, prevName = m, header[cols[tf]]
			c.t[k] = m
		}
		switch {
		case mixed:
			reject(r.line, "dates mixed with bare minutes in one row")
		case strings.HasPrefix(prevName, "time goes backwards"):
			reject(r.line, "%s", prevName)
		default:
			lg.Calls = append(lg.Calls, c)
		}
	}
	for _, x := range rej {
		lg.Rejected = append(lg.Rejected, *x)
	}
	sort.Slice(lg.Rejected, func(i, j int) bool {
		if lg.Rejected[i].Count != lg.Rejected[j].Count {
			return lg.Rejected[i].Count > lg.Rejected[j].Count
		}
		return lg.Rejected[i].Reason < lg.Rejected[j].Reason
	})
	if len(lg.Calls) == 0 {
		return lg, fmt.Errorf("%w: %s: no call passed the checks (%d rows; %s)", ErrLog, path, lg.Rows, firstReason(lg))
	}
	return lg, nil
}

func firstReason(lg *Log) string {
	if len(lg.Rejected) == 0 {
		return "no data rows"
	}
	r := lg.Rejected[0]
	return fmt.Sprintf("%d rejected: %s, e.g. line %d", r.Count, r.Reason, r.Lines[0])
}

func isYes(s string) bool {
	switch strings.ToLower(s) {
	case "是", "yes", "y", "true", "1", "正常":
		return true
	}
	return false
}
