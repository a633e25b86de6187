package scenario

import (
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"go.yaml.in/yaml/v3"
)

// facilityKeys are the fields of a facility, inline or in a file.
var facilityKeys = []string{"id", "name", "name_en", "tier", "grade", "capabilities", "receives",
	"ambulances", "five_g", "vehicle", "township_code", "lon", "lat", "crs", "assumed", "note"}

func (l *loader) facilities(n *yaml.Node, path string) {
	var files []string
	var filesNode, itemsNode *yaml.Node
	var crs CRS
	crsSet := false
	var setFiveG *bool
	l.w.fields(n, path, map[string]func(*yaml.Node, string){
		"files": func(v *yaml.Node, f string) {
			filesNode = v
			l.w.seq(v, f, true, func(x *yaml.Node, g string) {
				var s string
				l.w.str(x, g, &s)
				if s != "" {
					files = append(files, s)
				}
			})
		},
		"crs":   func(v *yaml.Node, f string) { crs, crsSet = l.parseCRS(v, f) },
		"items": func(v *yaml.Node, f string) { itemsNode = v },
		"set_five_g": func(v *yaml.Node, f string) {
			if isNull(v) {
				return
			}
			var b bool
			if l.w.boolean(v, f, &b) {
				setFiveG = &b
			}
		},
	})
	l.pending = append(l.pending, func() {
		if !crsSet {
			crs = l.defaultCRS()
		}
		for _, file := range files {
			p := l.path(file)
			for i, r := range l.readRows(p, "facilities", crs, linePos(l.w.file, filesNode.Line), join(path, "files")) {
				if f, ok := l.facility(r.rec, r.geom, crs, fmt.Sprintf("F%s#%d", strings.TrimSuffix(file, ".geojson"), i+1)); ok {
					l.s.Facilities = append(l.s.Facilities, f)
				}
			}
		}
		l.w.seq(itemsNode, join(path, "items"), false, func(v *yaml.Node, f string) {
			r := yamlRecord(&l.w, v, f)
			if fac, ok := l.facility(r, nil, crs, fmt.Sprintf("item%d", len(l.s.Facilities)+1)); ok {
				l.s.Facilities = append(l.s.Facilities, fac)
			}
			r.checkUnknown(facilityKeys...)
		})
		if setFiveG != nil {
			for i := range l.s.Facilities {
				l.s.Facilities[i].FiveG = 0
				if *setFiveG {
					l.s.Facilities[i].FiveG = l.s.Facilities[i].Ambulances
				}
			}
		}
	})
}

// facility decodes one facility record; geom is its point (nil for inline
// items, which give lon and lat). defID is used when the record has no id.
func (l *loader) facility(r *record, geom orb.Geometry, crs CRS, defID string) (Facility, bool) {
	n := len(l.ps.Errors())
	f := Facility{
		ID: r.str("id"), Name: r.str("name"), NameEn: r.str("name_en"), Grade: r.str("grade"),
		Vehicle: r.str("vehicle"), TownshipCode: r.str("township_code"), Note: r.str("note"), Pos: r.rowPos,
	}
	if f.ID == "" {
		f.ID = defID
	}
	if f.Name == "" {
		r.errorf("name", "required")
	}
	if f.NameEn == "" {
		f.NameEn = f.Name
	}
	tier := strings.ToLower(r.str("tier"))
	f.Tier = Tier(tier)
	switch {
	case tier == "":
		r.errorf("tier", "required: one of %s", tierList())
	case f.Tier.Rank() < 0:
		r.errorf("tier", "must be one of %s, got %q", tierList(), tier)
	}
	for _, c := range r.list("capabilities") {
		f.Capabilities = append(f.Capabilities, strings.ToLower(c))
	}
	sort.Strings(f.Capabilities)
	f.Receives = r.boolOr("receives", f.Tier == CountyHospital || f.Tier == SubCentre)
	f.Ambulances = r.integer("ambulances", 0, between(0, 1000))
	f.FiveG = l.fiveG(r, f.Ambulances)
	f.Assumed = r.boolOr("assumed", false)
	if geom == nil {
		if p, ok := r.lonLat(crs); ok {
			geom = p
		}
	} else {
		r.used["lon"], r.used["lat"], r.used["crs"] = true, true, true
	}
	p, ok := point(geom, false)
	if geom != nil && !ok {
		l.ps.Errorf(r.rowPos, "geometry", "a facility must be a Point")
	}
	f.Point = p
	return f, len(l.ps.Errors()) == n
}

// fiveG decodes five_g: true (all ambulances), false (none) or a count.
func (l *loader) fiveG(r *record, ambulances int) int {
	v, ok := r.get("five_g")
	if !ok {
		return 0
	}
	switch x := v.(type) {
	case bool:
		if x {
			return ambulances
		}
		return 0
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes", "all":
			return ambulances
		case "false", "no", "none":
			return 0
		}
	}
	k := r.integer("five_g", 0, between(0, 1000))
	if k > ambulances {
		r.errorf("five_g", "%d 5G ambulances but only %d ambulances here", k, ambulances)
		return ambulances
	}
	return k
}

func tierList() string {
	s := make([]string, len(Tiers))
	for i, t := range Tiers {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
