package scenario

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"go.yaml.in/yaml/v3"
)

// record is one input row with named fields, whatever it came from: an
// inline YAML mapping, GeoJSON feature properties or a CSV row. The typed
// getters convert leniently (a CSV "3" is a number, "a;b" a list) and record
// an error naming the row's position and the field when a value is unusable.
type record struct {
	ps     *Problems
	prefix string // field path prefix, e.g. "facilities.items[3]" for YAML
	vals   map[string]any
	pos    map[string]Pos // position of each key (YAML line); others use rowPos
	rowPos Pos
	strict bool // unknown keys are errors (inline YAML)
	used   map[string]bool
}

func newRecord(ps *Problems, rowPos Pos, prefix string) *record {
	return &record{ps: ps, prefix: prefix, vals: map[string]any{}, pos: map[string]Pos{}, rowPos: rowPos, used: map[string]bool{}}
}

// yamlRecord turns an inline YAML mapping into a record of scalars and lists.
func yamlRecord(w *walker, n *yaml.Node, prefix string) *record {
	r := newRecord(w.ps, linePos(w.file, n.Line), prefix)
	r.strict = true
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		w.errorf(n, prefix, "must be a mapping of keys to values, got %s", describe(n))
		return r
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		r.pos[k.Value] = linePos(w.file, k.Line)
		switch {
		case isNull(v):
			r.vals[k.Value] = nil
		case v.Kind == yaml.ScalarNode:
			r.vals[k.Value] = v.Value
		case v.Kind == yaml.SequenceNode:
			var list []any
			for _, c := range v.Content {
				list = append(list, resolve(c).Value)
			}
			r.vals[k.Value] = list
		case v.Kind == yaml.MappingNode:
			r.vals[k.Value] = v // only variants' nested keys use this
		}
	}
	return r
}

func (r *record) field(key string) string {
	if r.prefix == "" {
		return key
	}
	return r.prefix + "." + key
}

func (r *record) posOf(key string) Pos {
	if p, ok := r.pos[key]; ok {
		return p
	}
	return r.rowPos
}

func (r *record) errorf(key, format string, args ...any) {
	r.ps.Errorf(r.posOf(key), r.field(key), format, args...)
}

// get returns the raw value of key and whether it is present and not empty.
func (r *record) get(key string) (any, bool) {
	r.used[key] = true
	v, ok := r.vals[key]
	if !ok || v == nil {
		return nil, false
	}
	if s, isStr := v.(string); isStr && strings.TrimSpace(s) == "" {
		return nil, false
	}
	return v, true
}

func (r *record) has(key string) bool { _, ok := r.get(key); return ok }

func (r *record) str(key string) string {
	v, ok := r.get(key)
	if !ok {
		return ""
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	r.errorf(key, "must be text, got %v", v)
	return ""
}

// num returns the number at key, def when absent. check as in walker.num.
func (r *record) num(key string, def float64, check func(float64) string) float64 {
	v, ok := r.get(key)
	if !ok {
		return def
	}
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case string:
		var err error
		f, err = strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			r.errorf(key, "must be a number, got %q", x)
			return def
		}
	default:
		r.errorf(key, "must be a number, got %v", v)
		return def
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		r.errorf(key, "must be a finite number, got %v", v)
		return def
	}
	if check != nil {
		if rule := check(f); rule != "" {
			r.errorf(key, "%s, got %v", rule, fmtNum(f))
			return def
		}
	}
	return f
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (r *record) integer(key string, def int, check func(float64) string) int {
	f := r.num(key, float64(def), check)
	if f != math.Trunc(f) {
		r.errorf(key, "must be a whole number, got %v", fmtNum(f))
		return def
	}
	return int(f)
}

// boolOr returns the boolean at key, def when absent.
func (r *record) boolOr(key string, def bool) bool {
	v, ok := r.get(key)
	if !ok {
		return def
	}
	switch x := v.(type) {
	case bool:
		return x
	case float64:
		if x == 0 || x == 1 {
			return x == 1
		}
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes", "y", "1", "是":
			return true
		case "false", "no", "n", "0", "否":
			return false
		}
	}
	r.errorf(key, "must be true or false, got %v", v)
	return def
}

// list returns the strings at key: a YAML/JSON list, or text separated by
// ';' or ',' (CSV).
func (r *record) list(key string) []string {
	v, ok := r.get(key)
	if !ok {
		return nil
	}
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, strings.TrimSpace(fmt.Sprint(e)))
		}
	case string:
		for _, e := range strings.FieldsFunc(x, func(c rune) bool { return c == ';' || c == ',' || c == '|' }) {
			if e = strings.TrimSpace(e); e != "" {
				out = append(out, e)
			}
		}
	default:
		r.errorf(key, "must be a list, got %v", v)
	}
	return out
}

// checkUnknown reports keys nobody asked for, when the record is strict.
func (r *record) checkUnknown(known ...string) {
	if !r.strict {
		return
	}
	keys := make([]string, 0, len(r.vals))
	for k := range r.vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if r.used[k] {
			continue
		}
		hs := map[string]func(*yaml.Node, string){}
		for _, x := range known {
			hs[x] = nil
		}
		r.errorf(k, "unknown key%s", suggest(k, hs))
	}
}

// lonLat reads the record's lon and lat (and its own crs, else crs) and
// returns the WGS-84 point; false, with the error recorded, when they are
// missing or out of range.
func (r *record) lonLat(crs CRS) (orb.Point, bool) {
	if r.has("crs") {
		if c, ok := parseCRS(r.str("crs")); ok {
			crs = c
		} else {
			r.errorf("crs", "must be one of wgs84, gcj02 (AMap), bd09 (Baidu), got %q", r.str("crs"))
		}
	}
	if !r.has("lon") || !r.has("lat") {
		r.errorf("lon", "lon and lat are required")
		return orb.Point{}, false
	}
	n := len(r.ps.List)
	p := orb.Point{r.num("lon", 0, between(-180, 180)), r.num("lat", 0, between(-90, 90))}
	return toWGS84(crs, p), len(r.ps.List) == n
}
