package scenario

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// roadClasses are the classes a speed table may name.
var roadClasses = []string{"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified",
	"residential", "living_street", "service", "track"}

func (l *loader) network(n *yaml.Node, path string) {
	nw := &l.s.Network
	var crsNode *yaml.Node
	var staticBand string
	var staticNode *yaml.Node
	l.w.fields(n, path, map[string]func(*yaml.Node, string){
		"roads": func(v *yaml.Node, f string) {
			var p string
			l.w.str(v, f, &p)
			if p == "" {
				return
			}
			nw.Roads = l.path(p)
			if st, err := os.Stat(nw.Roads); err != nil {
				l.w.errorf(v, f, "file not found: %s", nw.Roads)
			} else if st.IsDir() {
				l.w.errorf(v, f, "is a folder, not a GeoJSON file: %s", nw.Roads)
			}
		},
		"crs":    func(v *yaml.Node, f string) { crsNode = v; nw.CRS, _ = l.parseCRS(v, f) },
		"source": func(v *yaml.Node, f string) { l.w.enum(v, f, &nw.Source, "osm", "schematic", "other") },
		"attribution": func(v *yaml.Node, f string) {
			l.w.str(v, f, &nw.Attribution)
		},
		"speeds_kmh": func(v *yaml.Node, f string) {
			classes := map[string]func(*yaml.Node, string){}
			for _, c := range roadClasses {
				c := c
				classes[c] = func(v *yaml.Node, f string) {
					var kmh float64
					if l.w.num(v, f, &kmh, between(1, 200)) {
						nw.SpeedsKmh = append(nw.SpeedsKmh, ClassSpeed{Class: c, Kmh: kmh})
					}
				}
			}
			l.w.fields(v, f, classes)
		},
		"drop_track":          func(v *yaml.Node, f string) { l.w.boolean(v, f, &nw.DropTrack) },
		"drop_private":        func(v *yaml.Node, f string) { l.w.boolean(v, f, &nw.DropPrivate) },
		"snap_ends_m":         func(v *yaml.Node, f string) { l.w.num(v, f, &nw.SnapEndsM, between(0, 1000)) },
		"keep_all_components": func(v *yaml.Node, f string) { l.w.boolean(v, f, &nw.KeepAllComponents) },
		"offroad_kmh":         func(v *yaml.Node, f string) { l.w.num(v, f, &nw.OffroadKmh, between(1, 100)) },
		"snap_warn_m":         func(v *yaml.Node, f string) { l.w.num(v, f, &nw.SnapWarnM, positive) },
		"snap_max_m":          func(v *yaml.Node, f string) { l.w.num(v, f, &nw.SnapMaxM, positive) },
		"emergency_factor":    func(v *yaml.Node, f string) { l.w.num(v, f, &nw.EmergencyFactor, between(0.1, 5)) },
		"urban_factor":        func(v *yaml.Node, f string) { l.w.num(v, f, &nw.UrbanFactor, between(0.1, 5)) },
		"bands":               func(v *yaml.Node, f string) { l.bands(v, f) },
		"static_band": func(v *yaml.Node, f string) {
			staticNode = v
			l.w.str(v, f, &staticBand)
		},
	})
	if crsNode == nil {
		l.pending = append(l.pending, func() { nw.CRS = l.defaultCRS() })
	}
	if staticBand != "" {
		found := false
		for i, b := range nw.Bands {
			if b.Name == staticBand {
				nw.StaticBand, found = i, true
			}
		}
		if !found {
			names := make([]string, len(nw.Bands))
			for i, b := range nw.Bands {
				names[i] = b.Name
			}
			l.w.errorf(staticNode, join(path, "static_band"), "no band named %q (bands: %s)", staticBand, strings.Join(names, ", "))
		}
	}
	if nw.SnapMaxM < nw.SnapWarnM {
		l.w.errorf(n, join(path, "snap_max_m"), "must be >= snap_warn_m (%g m), got %g m", nw.SnapWarnM, nw.SnapMaxM)
	}
}

// bands decodes the list of time-of-day bands. Band 0 is "offpeak" (factor 1
// unless the list sets it), which holds every hour no other band lists.
func (l *loader) bands(n *yaml.Node, path string) {
	nw := &l.s.Network
	l.w.seq(n, path, false, func(v *yaml.Node, f string) {
		b := Band{Factor: 1}
		var hoursNode *yaml.Node
		l.w.fields(v, f, map[string]func(*yaml.Node, string){
			"name":   func(x *yaml.Node, g string) { l.w.str(x, g, &b.Name) },
			"factor": func(x *yaml.Node, g string) { l.w.num(x, g, &b.Factor, between(0.1, 5)) },
			"hours": func(x *yaml.Node, g string) {
				hoursNode = x
				l.w.seq(x, g, true, func(h *yaml.Node, g2 string) {
					var s string
					l.w.str(h, g2, &s)
					r, err := parseHourRange(s)
					if err != nil {
						l.w.errorf(h, g2, "%v", err)
						return
					}
					b.Hours = append(b.Hours, r)
				})
			},
		})
		switch {
		case b.Name == "":
			l.w.errorf(v, join(f, "name"), "required")
		case b.Name == "offpeak":
			if hoursNode != nil {
				l.w.errorf(hoursNode, join(f, "hours"), "the offpeak band holds every hour no other band lists; give it no hours")
			}
			nw.Bands[0].Factor = b.Factor
		default:
			for _, o := range nw.Bands {
				if o.Name == b.Name {
					l.w.errorf(v, join(f, "name"), "band %q given twice; list all its hours in one entry", b.Name)
					return
				}
			}
			if len(b.Hours) == 0 {
				l.w.errorf(v, join(f, "hours"), "required: when the band applies, e.g. [\"07:00-09:00\"]")
			}
			nw.Bands = append(nw.Bands, b)
		}
	})
	// Overlapping hours make the band of a time ambiguous.
	for i := 1; i < len(nw.Bands); i++ {
		for j := i + 1; j < len(nw.Bands); j++ {
			for _, a := range nw.Bands[i].Hours {
				for _, b := range nw.Bands[j].Hours {
					if overlaps(a, b) {
						l.w.errorf(n, path, "bands %q and %q overlap (%s and %s)", nw.Bands[i].Name, nw.Bands[j].Name, fmtRange(a), fmtRange(b))
					}
				}
			}
		}
	}
}

// BandAt returns the index of the band in force at minute m of the day.
func (nw *Network) BandAt(m float64) int {
	for i := 1; i < len(nw.Bands); i++ {
		for _, r := range nw.Bands[i].Hours {
			if inRange(r, m) {
				return i
			}
		}
	}
	return 0
}

func inRange(r [2]float64, m float64) bool {
	if r[0] <= r[1] {
		return m >= r[0] && m < r[1]
	}
	return m >= r[0] || m < r[1]
}

func overlaps(a, b [2]float64) bool {
	for m := 0.0; m < 1440; m++ { // minute resolution is what HH:MM can express
		if inRange(a, m) && inRange(b, m) {
			return true
		}
	}
	return false
}

func parseHourRange(s string) ([2]float64, error) {
	parts := strings.Split(s, "-")
	if len(parts) != 2 {
		return [2]float64{}, fmt.Errorf("must be a range like \"07:00-09:00\", got %q", s)
	}
	var r [2]float64
	for i, p := range parts {
		m, err := parseClock(p)
		if err != nil {
			return r, fmt.Errorf("%v in %q", err, s)
		}
		r[i] = m
	}
	if r[0] == r[1] {
		return r, fmt.Errorf("range %q is empty", s)
	}
	return r, nil
}

// parseClock parses "HH:MM" (00:00 to 24:00) into minutes since midnight.
func parseClock(s string) (float64, error) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm != 0 {
		return 0, fmt.Errorf("clock time must be HH:MM between 00:00 and 24:00, got %q", s)
	}
	return float64(hh*60 + mm), nil
}

func fmtRange(r [2]float64) string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", int(r[0])/60, int(r[0])%60, int(r[1])/60, int(r[1])%60)
}
