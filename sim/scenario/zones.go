package scenario

import (
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"go.yaml.in/yaml/v3"
)

func (l *loader) zones(n *yaml.Node, path string) {
	z := &l.s.Zones
	z.File = l.fileSection(n, path, "zones", map[string]func(*yaml.Node, string){
		"default_class": func(v *yaml.Node, f string) { l.w.str(v, f, &z.DefaultClass) },
	}, func(rows []row, file string) {
		for i, r := range rows {
			zone := Zone{Class: r.rec.str("class"), Name: r.rec.str("name"), NameEn: r.rec.str("name_en"), Pos: r.rec.rowPos}
			zone.TargetMin = r.rec.num("target_min", 0, between(1, 240))
			if zone.Class == "" {
				r.rec.errorf("class", "required: the zone class (e.g. urban, rural)")
			}
			mp, ok := multiPolygon(r.geom)
			if !ok {
				l.ps.Errorf(featurePos(file, i), "geometry", "must be a Polygon or MultiPolygon")
				continue
			}
			zone.Geometry, zone.Bound = mp, mp.Bound()
			z.Polygons = append(z.Polygons, zone)
		}
	})
}

// fileSection walks a section that names one input file (keys file and crs,
// plus the section's own) and, once the whole YAML is read (so that the
// top-level crs is known), reads the file's rows and hands them to each. It
// returns the file's path, "" when the section names none.
func (l *loader) fileSection(n *yaml.Node, path, role string, own map[string]func(*yaml.Node, string), each func(rows []row, file string)) string {
	var file string
	var fileNode *yaml.Node
	var crs CRS
	crsSet := false
	handlers := map[string]func(*yaml.Node, string){
		"file": func(v *yaml.Node, f string) { fileNode = v; l.w.str(v, f, &file) },
		"crs":  func(v *yaml.Node, f string) { crs, crsSet = l.parseCRS(v, f) },
	}
	for k, h := range own {
		handlers[k] = h
	}
	l.w.fields(n, path, handlers)
	if file == "" {
		return ""
	}
	resolved := l.path(file)
	l.pending = append(l.pending, func() {
		if !crsSet {
			crs = l.defaultCRS()
		}
		each(l.readRows(resolved, role, crs, linePos(l.w.file, fileNode.Line), join(path, "file")), resolved)
	})
	return resolved
}

func multiPolygon(g orb.Geometry) (orb.MultiPolygon, bool) {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}, len(g) > 0
	case orb.MultiPolygon:
		return g, len(g) > 0
	}
	return nil, false
}

// ClassAt returns the zone class of point p: the first zone polygon that
// contains it, else the default class. The second result is the zone's own
// target in minutes (0 when the class target applies).
func (z *Zones) ClassAt(p orb.Point) (string, float64) {
	for _, zone := range z.Polygons {
		if zone.Bound.Contains(p) && planar.MultiPolygonContains(zone.Geometry, p) {
			return zone.Class, zone.TargetMin
		}
	}
	return z.DefaultClass, 0
}

func (l *loader) targets(n *yaml.Node, path string) {
	t := &l.s.Targets
	handlers := map[string]func(*yaml.Node, string){
		"by_priority": func(v *yaml.Node, f string) {
			v = resolve(v)
			if isNull(v) {
				return
			}
			if v.Kind != yaml.MappingNode {
				l.w.errorf(v, f, "must map priority names to targets, e.g. P3: {urban: 20, rural: 40}")
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				name, body := v.Content[i].Value, v.Content[i+1]
				m := map[string]float64{}
				l.anyKeys(body, join(f, name), func(k *yaml.Node, x *yaml.Node, g string) {
					var min float64
					if l.w.num(x, g, &min, between(1, 240)) {
						m[k.Value] = min
					}
				})
				if !l.hasPriority(name) {
					l.w.errorf(v.Content[i], join(f, name), "no priority named %q in simulation.priorities", name)
				}
				t.ByPriority[name] = m
			}
		},
	}
	if n != nil {
		// Every other key is a zone class.
		l.anyKeys(n, path, func(k *yaml.Node, v *yaml.Node, f string) {
			if h, ok := handlers[k.Value]; ok {
				h(v, f)
				return
			}
			var min float64
			if l.w.num(v, f, &min, between(1, 240)) {
				if _, seen := t.ByClass[k.Value]; !seen {
					t.Classes = append(t.Classes, k.Value)
				}
				t.ByClass[k.Value] = min
			}
		})
	}
}

// anyKeys walks a mapping whose keys are names chosen by the planner.
func (l *loader) anyKeys(n *yaml.Node, path string, f func(k, v *yaml.Node, field string)) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.w.errorf(n, path, "must be a mapping, got %s", describe(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		f(n.Content[i], n.Content[i+1], join(path, n.Content[i].Value))
	}
}

func (l *loader) townships(n *yaml.Node, path string) {
	l.fileSection(n, path, "townships", nil, func(rows []row, file string) {
		for i, r := range rows {
			t := Township{Code: r.rec.str("code"), Name: r.rec.str("name"), NameEn: r.rec.str("name_en")}
			if t.Code == "" {
				r.rec.errorf("code", "required: the township code that demand points refer to")
				continue
			}
			mp, ok := multiPolygon(r.geom)
			if !ok {
				l.ps.Errorf(featurePos(file, i), "geometry", "must be a Polygon or MultiPolygon")
				continue
			}
			t.Geometry = mp
			l.s.Townships = append(l.s.Townships, t)
		}
		sort.SliceStable(l.s.Townships, func(i, j int) bool { return l.s.Townships[i].Code < l.s.Townships[j].Code })
	})
}
