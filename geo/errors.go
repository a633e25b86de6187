package geo

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. An [InputError] unwraps to one of the first five, so callers
// can test the kind with errors.Is while the message names the place.
var (
	ErrSyntax        = errors.New("geo: invalid JSON")
	ErrNotCollection = errors.New("geo: not a GeoJSON FeatureCollection")
	ErrCoordinate    = errors.New("geo: invalid coordinate")
	ErrProperty      = errors.New("geo: invalid property")
	ErrCRS           = errors.New("geo: unsupported coordinate reference system")
	ErrNoRoad        = errors.New("geo: no drivable road")
	ErrTimes         = errors.New("geo: invalid edge times")
	ErrOptions       = errors.New("geo: invalid options")
)

// InputError reports bad input at a place in a road file, in words a planner
// understands, e.g. "roads.geojson feature 12: coordinates[3]: latitude 95 is
// out of range -90..90".
type InputError struct {
	File    string // file name as given by the caller; empty for a plain io.Reader
	Feature int    // 0-based index in the "features" array; -1 outside any feature
	Field   string // e.g. "coordinates[3]", "properties.speed_kmh"; may be empty
	Line    int    // 1-based line of the offending text; 0 if unknown
	Column  int    // 1-based byte column on that line; 0 if unknown
	Kind    error  // one of the sentinel errors above
	Msg     string // what is wrong
}

func (e *InputError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	}
	if e.Feature >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "feature %d", e.Feature)
	}
	if e.Line > 0 && (e.Kind == ErrSyntax || e.Feature < 0) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "line %d column %d", e.Line, e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the kind of error (a sentinel such as [ErrCoordinate]).
func (e *InputError) Unwrap() error { return e.Kind }
