package calibrate

import (
	"strconv"
	"strings"
	"time"
)

// layouts are the date-time forms dispatch systems and Excel export.
var layouts = []string{
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04:05Z07:00",
	"2006/01/02 15:04:05", "2006/01/02 15:04", "2006/1/2 15:04:05", "2006/1/2 15:04", "2006-1-2 15:04:05", "2006-1-2 15:04",
	"2006年01月02日 15:04:05", "2006年1月2日 15:04:05", "2006.01.02 15:04:05",
}

// stamp is a parsed time: an absolute time, or minutes on sim's own clock.
type stamp struct {
	unix    int64   // seconds, the log's wall time read as UTC (abs)
	minutes float64 // sim's own minutes (!abs)
	abs     bool
}

// parseStamp reads a date-time in one of the layouts (as local wall time:
// the log's own zone) or a number of minutes. ok is false for text that is
// neither; empty text is "absent" (ok true, present false).
func parseStamp(s string) (st stamp, present, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return stamp{}, false, true
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 0 && v < 1e9 {
		return stamp{minutes: v}, true, true
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return stamp{unix: t.Unix(), abs: true}, true, true
		}
	}
	return stamp{}, false, false
}

// clock turns stamps into minutes since the Monday 00:00 before origin.
type clock struct {
	origin time.Time
	set    bool
}

func (c *clock) minutes(s stamp) float64 {
	if !s.abs {
		return s.minutes
	}
	if !c.set {
		d := time.Unix(s.unix, 0).UTC()
		wd := (int(d.Weekday()) + 6) % 7 // Monday 0
		c.origin = time.Date(d.Year(), d.Month(), d.Day()-wd, 0, 0, 0, 0, time.UTC)
		c.set = true
	}
	return float64(s.unix-c.origin.Unix()) / 60
}
