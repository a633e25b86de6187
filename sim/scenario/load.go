package scenario

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Load reads the scenario at path and every file it names. On success the
// returned scenario carries the warnings found; on failure the error is a
// *Problems listing every error (and warning) found, each with its file,
// line or feature, and field.
func Load(path string) (*Scenario, *Problems, error) { return loadDepth(path, 0) }

// maxExtends bounds a chain of scenarios extending one another (a cycle).
const maxExtends = 8

func loadDepth(path string, depth int) (*Scenario, *Problems, error) {
	l := &loader{ps: &Problems{}, depth: depth}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	l.dir = filepath.Dir(abs)
	l.w = walker{file: abs, ps: l.ps}
	l.s = defaults()
	l.s.Path = abs
	l.load(abs)
	if err := l.ps.Err(); err != nil {
		return nil, l.ps, err
	}
	return l.s, l.ps, nil
}

type loader struct {
	w   walker
	ps  *Problems
	dir string
	s   *Scenario

	// filled while walking, used once the whole YAML is read
	crs        CRS
	crsSet     bool
	langSet    bool
	outSet     bool
	pending    []func() // file loads and cross-checks, run in order after the walk
	targetsRaw *yaml.Node
	variantsN  *yaml.Node
	lines      map[string]int // line of each top-level key
	depth      int            // how many scenarios extend this one
}

// at returns the position of a top-level section of the YAML file.
func (l *loader) at(section string) Pos { return linePos(l.w.file, l.lines[section]) }

func (l *loader) load(abs string) {
	b, ok := l.readFile(abs, "scenario", filePos(abs), "")
	if !ok {
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		l.ps.Errorf(filePos(abs), "", "not valid YAML: %v", err)
		return
	}
	if len(doc.Content) == 0 {
		l.ps.Errorf(filePos(abs), "", "the file is empty")
		return
	}
	root := doc.Content[0]
	l.lines = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		l.lines[root.Content[i].Value] = root.Content[i].Line
	}
	if _, ok := l.lines["extends"]; ok {
		l.extending(root, abs)
		return
	}
	var nameSet bool
	l.w.fields(root, "", map[string]func(*yaml.Node, string){
		"name":    func(n *yaml.Node, f string) { l.w.str(n, f, &l.s.Name); nameSet = true },
		"name_en": func(n *yaml.Node, f string) { l.w.str(n, f, &l.s.NameEn) },
		"lang": func(n *yaml.Node, f string) {
			l.langSet = l.w.enum(n, f, &l.s.Lang, "zh", "en")
		},
		"seed": func(n *yaml.Node, f string) {
			if s, ok := l.w.scalar(n, f); ok {
				v, err := strconv.ParseUint(strings.TrimSpace(s.Value), 10, 64)
				if err != nil {
					l.w.errorf(s, f, "must be a whole number >= 0, got %q", s.Value)
				}
				l.s.Seed = v
			}
		},
		"out": func(n *yaml.Node, f string) {
			var p string
			l.w.str(n, f, &p)
			if p != "" {
				l.s.Out, l.outSet = l.path(p), true
			}
		},
		"crs":           func(n *yaml.Node, f string) { l.crs, l.crsSet = l.parseCRS(n, f) },
		"network":       l.network,
		"zones":         l.zones,
		"targets":       func(n *yaml.Node, f string) { l.targetsRaw = n },
		"townships":     l.townships,
		"demand":        l.demand,
		"facilities":    l.facilities,
		"health_circle": l.healthCircle,
		"simulation":    l.simulation,
		"variants":      func(n *yaml.Node, f string) { l.variantsN = n },
	})
	if !nameSet || l.s.Name == "" {
		l.w.errorf(root, "name", "required: the title of the study")
	}
	if l.s.NameEn == "" {
		l.s.NameEn = l.s.Name
	}
	if !l.langSet {
		l.s.Lang = "en"
		if hasHan(l.s.Name) {
			l.s.Lang = "zh"
		}
	}
	if !l.outSet {
		base := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
		l.s.Out = filepath.Join(l.dir, "out", base)
	}
	if l.s.Network.Roads == "" {
		l.w.errorf(root, "network.roads", "required: the road network GeoJSON file")
	}
	l.targets(l.targetsRaw, "targets")
	for _, f := range l.pending {
		f()
	}
	l.variants(l.variantsN, "variants")
	l.check()
}

// path resolves p relative to the YAML file.
func (l *loader) path(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(l.dir, p)
}

// parseCRS decodes a coordinate-system name.
func (l *loader) parseCRS(n *yaml.Node, field string) (CRS, bool) {
	var s string
	l.w.str(n, field, &s)
	c, ok := parseCRS(s)
	if !ok {
		l.w.errorf(n, field, "must be one of wgs84, gcj02 (AMap), bd09 (Baidu), got %q", s)
	}
	return c, ok
}

// defaultCRS is the top-level crs, which every input inherits.
func (l *loader) defaultCRS() CRS { return l.crs }

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
