package scenario

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// replay reads the historical call list: time (minutes since the start of the
// simulation, or a date-time), lon, lat, priority, condition.
func (l *loader) replay(n *yaml.Node, field string) {
	s := &l.s.Simulation
	rows := l.readRows(s.Replay, "replay", l.defaultCRS(), linePos(l.w.file, n.Line), field)
	type stamp struct {
		abs time.Time
		min float64
		iso bool
	}
	stamps := make([]stamp, 0, len(rows))
	for _, r := range rows {
		p, ok := point(r.geom, false)
		if !ok {
			l.ps.Errorf(r.rec.rowPos, "lon", "lon and lat are required")
			continue
		}
		c := ReplayCall{Point: p, Priority: r.rec.str("priority"), Condition: r.rec.str("condition"), Pos: r.rec.rowPos}
		if c.Priority == "" && len(s.Priorities) > 0 {
			c.Priority = s.Priorities[0].Name
		}
		if c.Condition == "" {
			c.Condition = "other"
		}
		raw := r.rec.str("time")
		var st stamp
		if v, err := strconv.ParseFloat(raw, 64); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 {
			st.min = v
		} else if t, ok := parseDateTime(raw); ok {
			st.abs, st.iso = t, true
		} else {
			r.rec.errorf("time", "must be minutes since the start (a Monday 00:00) or a date-time like 2023-05-01 08:30, got %q", raw)
			continue
		}
		stamps = append(stamps, st)
		s.ReplayCalls = append(s.ReplayCalls, c)
	}
	// Date-times count from the Monday 00:00 on or before the earliest call.
	var first time.Time
	for _, st := range stamps {
		if st.iso && (first.IsZero() || st.abs.Before(first)) {
			first = st.abs
		}
	}
	if !first.IsZero() {
		back := (int(first.Weekday()) + 6) % 7 // days since Monday
		first = time.Date(first.Year(), first.Month(), first.Day()-back, 0, 0, 0, 0, time.UTC)
	}
	for i, st := range stamps {
		if st.iso {
			s.ReplayCalls[i].TimeMin = st.abs.Sub(first).Minutes()
		} else {
			s.ReplayCalls[i].TimeMin = st.min
		}
	}
	sort.SliceStable(s.ReplayCalls, func(i, j int) bool { return s.ReplayCalls[i].TimeMin < s.ReplayCalls[j].TimeMin })
}

// parseDateTime reads the date-time layouts call logs use, as local clock
// time (no zone conversion: the simulation clock is the county's clock).
func parseDateTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
		"2006-01-02T15:04", "2006-01-02 15:04", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006/1/2 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC), true
		}
	}
	return time.Time{}, false
}
