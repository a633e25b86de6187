package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseSpeeds parses a speed table written by a person: entries "class=kmh"
// (or "class: kmh", "class kmh") separated by commas or new lines; '#' starts
// a comment. Class names are OSM highway values ("primary", "track", ...).
// A speed of 0 makes a class not drivable. Errors name the line and entry.
func ParseSpeeds(text string) (map[string]float64, error) {
	out := map[string]float64{}
	for ln, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, entry := range strings.Split(line, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			k, v, ok := strings.Cut(entry, "=")
			if !ok {
				k, v, ok = strings.Cut(entry, ":")
			}
			if !ok {
				f := strings.Fields(entry)
				if len(f) == 2 {
					k, v, ok = f[0], f[1], true
				}
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "km/h"))
			if !ok || k == "" {
				return nil, fmt.Errorf("line %d: %q: want class=km/h, e.g. primary=60", ln+1, entry)
			}
			kmh, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(kmh) || kmh < 0 || kmh > 300 {
				return nil, fmt.Errorf("line %d: %q: the speed must be a number of km/h between 0 and 300", ln+1, entry)
			}
			out[k] = kmh
		}
	}
	return out, nil
}
