package scenario

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// walker decodes yaml.Node trees by hand so that every error carries the YAML
// line and the dotted field path, and so that all errors are collected.
type walker struct {
	file string
	ps   *Problems
}

func (w *walker) errorf(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	w.ps.Errorf(linePos(w.file, line), field, format, args...)
}

func (w *walker) warnf(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	w.ps.Warnf(linePos(w.file, line), field, format, args...)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// fields walks a mapping node. For each key in file order it calls the
// handler registered for it; unknown keys and duplicate keys are errors.
// A null node is an empty mapping.
func (w *walker) fields(n *yaml.Node, path string, handlers map[string]func(v *yaml.Node, field string)) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		w.errorf(n, path, "must be a mapping of keys to values, got %s", describe(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		field := join(path, key)
		if seen[key] {
			w.errorf(k, field, "key given twice")
			continue
		}
		seen[key] = true
		h, ok := handlers[key]
		if !ok {
			w.errorf(k, field, "unknown key%s", suggest(key, handlers))
			continue
		}
		h(v, field)
	}
}

// suggest returns ` (did you mean "x"?)` for the closest known key, or the
// list of known keys when none is close.
func suggest(key string, handlers map[string]func(*yaml.Node, string)) string {
	known := make([]string, 0, len(handlers))
	for k := range handlers {
		known = append(known, k)
	}
	sort.Strings(known)
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" && bestD <= 2+len(key)/4 {
		return ` (did you mean "` + best + `"?)`
	}
	return " (known keys: " + strings.Join(known, ", ") + ")"
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

func (w *walker) scalar(n *yaml.Node, field string) (*yaml.Node, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		w.errorf(n, field, "must be a single value, got %s", describe(n))
		return nil, false
	}
	return n, true
}

// str decodes a string. Numbers are accepted as their text (codes like 430182001).
func (w *walker) str(n *yaml.Node, field string, dst *string) {
	if isNull(n) {
		*dst = ""
		return
	}
	if s, ok := w.scalar(n, field); ok {
		*dst = s.Value
	}
}

// num decodes a finite number and applies check, which returns "" when the
// value is acceptable or the rule it breaks (e.g. "must be > 0").
func (w *walker) num(n *yaml.Node, field string, dst *float64, check func(float64) string) bool {
	s, ok := w.scalar(n, field)
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s.Value), 64)
	if err != nil {
		w.errorf(s, field, "must be a number, got %q", s.Value)
		return false
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		w.errorf(s, field, "must be a finite number, got %q", s.Value)
		return false
	}
	if check != nil {
		if rule := check(v); rule != "" {
			w.errorf(s, field, "%s, got %s", rule, s.Value)
			return false
		}
	}
	*dst = v
	return true
}

// integer decodes a whole number and applies check.
func (w *walker) integer(n *yaml.Node, field string, dst *int, check func(float64) string) bool {
	var v float64
	if !w.num(n, field, &v, check) {
		return false
	}
	if v != math.Trunc(v) || math.Abs(v) > 1<<31 {
		w.errorf(n, field, "must be a whole number, got %v", v)
		return false
	}
	*dst = int(v)
	return true
}

func (w *walker) boolean(n *yaml.Node, field string, dst *bool) bool {
	s, ok := w.scalar(n, field)
	if !ok {
		return false
	}
	switch strings.ToLower(s.Value) {
	case "true", "yes", "on":
		*dst = true
	case "false", "no", "off":
		*dst = false
	default:
		w.errorf(s, field, "must be true or false, got %q", s.Value)
		return false
	}
	return true
}

// enum decodes a string that must be one of allowed.
func (w *walker) enum(n *yaml.Node, field string, dst *string, allowed ...string) bool {
	s, ok := w.scalar(n, field)
	if !ok {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(s.Value))
	for _, a := range allowed {
		if v == a {
			*dst = v
			return true
		}
	}
	w.errorf(s, field, "must be one of %s, got %q", strings.Join(allowed, ", "), s.Value)
	return false
}

// seq walks a sequence node, calling item for each element with its field
// path ("x[3]"). A single scalar is accepted as a one-element list when
// allowScalar is true.
func (w *walker) seq(n *yaml.Node, field string, allowScalar bool, item func(v *yaml.Node, field string)) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind == yaml.ScalarNode && allowScalar {
		item(n, field)
		return
	}
	if n.Kind != yaml.SequenceNode {
		w.errorf(n, field, "must be a list, got %s", describe(n))
		return
	}
	for i, v := range n.Content {
		item(v, field+"["+strconv.Itoa(i)+"]")
	}
}

// Checks used with num and integer.
func positive(v float64) string {
	if v <= 0 {
		return "must be > 0"
	}
	return ""
}

func nonNegative(v float64) string {
	if v < 0 {
		return "must be >= 0"
	}
	return ""
}

func probability(v float64) string {
	if v < 0 || v > 1 {
		return "must be between 0 and 1"
	}
	return ""
}

func between(lo, hi float64) func(float64) string {
	return func(v float64) string {
		if v < lo || v > hi {
			return "must be between " + strconv.FormatFloat(lo, 'g', -1, 64) + " and " + strconv.FormatFloat(hi, 'g', -1, 64)
		}
		return ""
	}
}
