package scenario

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// extending loads a scenario file that extends another:
//
//	extends: ningxiang.yaml      # the base scenario (path relative to this file)
//	name: ...                    # optional: name, name_en, lang, seed, out
//	changes: {set_ambulances: {F0005: 2}, five_g: false, ...}   # a variant's changes
//	simulation: {hourly_profile: [...], durations: {...}}   # optional: keys of the base's simulation to replace
//	variants: [...]              # optional: this study's own variants
//
// The base is loaded as it is (its own variants are dropped), the changes
// applied, and the listed keys replace the base's; under simulation, only
// the keys given replace the base's (sim calibrate writes such a file).
func (l *loader) extending(root *yaml.Node, abs string) {
	var basePath string
	var changes, variants, simulation *yaml.Node
	var name, nameEn, lang, out string
	var seed *uint64
	l.w.fields(root, "", map[string]func(*yaml.Node, string){
		"extends":    func(n *yaml.Node, f string) { l.w.str(n, f, &basePath) },
		"name":       func(n *yaml.Node, f string) { l.w.str(n, f, &name) },
		"name_en":    func(n *yaml.Node, f string) { l.w.str(n, f, &nameEn) },
		"lang":       func(n *yaml.Node, f string) { l.w.enum(n, f, &lang, "zh", "en") },
		"out":        func(n *yaml.Node, f string) { l.w.str(n, f, &out) },
		"changes":    func(n *yaml.Node, f string) { changes = n },
		"simulation": func(n *yaml.Node, f string) { simulation = n },
		"variants":   func(n *yaml.Node, f string) { variants = n },
		"seed": func(n *yaml.Node, f string) {
			var v int
			if l.w.integer(n, f, &v, nonNegative) {
				u := uint64(v)
				seed = &u
			}
		},
	})
	if basePath == "" || l.ps.Err() != nil {
		if basePath == "" {
			l.w.errorf(root, "extends", "required")
		}
		return
	}
	bp := l.path(basePath)
	if filepath.Clean(bp) == filepath.Clean(abs) {
		l.w.errorf(root, "extends", "a scenario cannot extend itself")
		return
	}
	if l.depth >= maxExtends {
		l.w.errorf(root, "extends", "more than %d scenarios extend one another: is there a cycle?", maxExtends)
		return
	}
	base, bps, err := loadDepth(bp, l.depth+1)
	if err != nil {
		l.ps.List = append(l.ps.List, bps.List...)
		if len(bps.Errors()) == 0 {
			l.w.errorf(root, "extends", "%v", err)
		}
		return
	}
	l.ps.List = append(l.ps.List, bps.Warnings()...)
	own := l.s.Inputs // this file
	l.s = base
	l.s.Inputs = append(own, base.Inputs...)
	l.s.Path = abs
	l.s.Variants = nil
	if changes != nil {
		v := l.variant(changes, "changes", false)
		v.Name, v.Title, v.TitleEn = "changes", "", ""
		if l.ps.Err() != nil {
			return
		}
		applied, err := l.s.Apply(&v)
		if err != nil {
			l.w.errorf(changes, "changes", "%v", err)
			return
		}
		l.s, l.s.Name, l.s.NameEn = applied, base.Name, base.NameEn
	}
	if name != "" {
		l.s.Name = name
	}
	if nameEn != "" {
		l.s.NameEn = nameEn
	} else if name != "" {
		l.s.NameEn = name
	}
	if lang != "" {
		l.s.Lang = lang
	}
	if seed != nil {
		l.s.Seed = *seed
	}
	if out != "" {
		l.s.Out = l.path(out)
	} else {
		l.s.Out = filepath.Join(l.dir, "out", strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs)))
	}
	if simulation != nil {
		l.simulation(simulation, "simulation")
	}
	if variants != nil {
		l.variants(variants, "variants")
	}
}
