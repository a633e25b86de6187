package scenario

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

func (l *loader) variants(n *yaml.Node, path string) {
	names := map[string]bool{}
	l.w.seq(n, path, false, func(v *yaml.Node, f string) {
		vr := l.variant(v, f, true)
		switch {
		case vr.Name == "":
			l.w.errorf(v, join(f, "name"), "required")
		case vr.Name == "baseline":
			l.w.errorf(v, join(f, "name"), `"baseline" is the scenario itself; choose another name`)
		case names[vr.Name]:
			l.w.errorf(v, join(f, "name"), "variant %q given twice", vr.Name)
		}
		names[vr.Name] = true
		l.s.Variants = append(l.s.Variants, vr)
	})
}

// variant decodes one variant's mapping; named says whether it may carry a
// name and titles (a scenario's changes may not).
func (l *loader) variant(v *yaml.Node, f string, named bool) Variant {
	{
		vr := Variant{Pos: linePos(l.w.file, v.Line)}
		handlers := map[string]func(*yaml.Node, string){
			"set_ambulances": func(x *yaml.Node, g string) {
				l.anyKeys(x, g, func(k, y *yaml.Node, h string) {
					sa := SetAmbulances{ID: k.Value}
					if resolve(y).Kind == yaml.MappingNode {
						l.w.fields(y, h, map[string]func(*yaml.Node, string){
							"ambulances": func(z *yaml.Node, i string) { l.w.integer(z, i, &sa.Ambulances, between(0, 1000)) },
							"five_g": func(z *yaml.Node, i string) {
								var k int
								if l.w.integer(z, i, &k, between(0, 1000)) {
									sa.FiveG = &k
								}
							},
						})
					} else {
						l.w.integer(y, h, &sa.Ambulances, between(0, 1000))
					}
					l.knownFacility(k, h, sa.ID)
					vr.SetAmbulances = append(vr.SetAmbulances, sa)
				})
			},
			"add_facilities": func(x *yaml.Node, g string) {
				l.w.seq(x, g, false, func(y *yaml.Node, h string) {
					r := yamlRecord(&l.w, y, h)
					if fac, ok := l.facility(r, nil, l.defaultCRS(), fmt.Sprintf("%s-new%d", vr.Name, len(vr.AddFacilities)+1)); ok {
						vr.AddFacilities = append(vr.AddFacilities, fac)
					}
					r.checkUnknown(facilityKeys...)
				})
			},
			"remove_facilities": func(x *yaml.Node, g string) {
				l.w.seq(x, g, true, func(y *yaml.Node, h string) {
					var id string
					l.w.str(y, h, &id)
					l.knownFacility(y, h, id)
					vr.RemoveFacilities = append(vr.RemoveFacilities, id)
				})
			},
			"move_facilities": func(x *yaml.Node, g string) {
				l.anyKeys(x, g, func(k, y *yaml.Node, h string) {
					r := yamlRecord(&l.w, y, h)
					p, _ := r.lonLat(l.defaultCRS())
					r.checkUnknown("lon", "lat", "crs")
					l.knownFacility(k, h, k.Value)
					vr.MoveFacilities = append(vr.MoveFacilities, MoveFacility{ID: k.Value, Point: p})
				})
			},
			"five_g": func(x *yaml.Node, g string) {
				var b bool
				if l.w.boolean(x, g, &b) {
					vr.FiveG = &b
				}
			},
			"growth": func(x *yaml.Node, g string) {
				var v float64
				if l.w.num(x, g, &v, between(0.01, 100)) {
					vr.Growth = &v
				}
			},
			"calls_per_1000_per_year": func(x *yaml.Node, g string) {
				var v float64
				if l.w.num(x, g, &v, positive) {
					vr.CallsPer1000 = &v
				}
			},
			"emergency_factor": func(x *yaml.Node, g string) {
				var v float64
				if l.w.num(x, g, &v, between(0.1, 5)) {
					vr.EmergencyFactor = &v
				}
			},
		}
		if named {
			handlers["name"] = func(x *yaml.Node, g string) { l.w.str(x, g, &vr.Name) }
			handlers["title"] = func(x *yaml.Node, g string) { l.w.str(x, g, &vr.Title) }
			handlers["title_en"] = func(x *yaml.Node, g string) { l.w.str(x, g, &vr.TitleEn) }
		}
		l.w.fields(v, f, handlers)
		if vr.Title == "" {
			vr.Title = vr.Name
		}
		if vr.TitleEn == "" {
			vr.TitleEn = vr.Title
		}
		return vr
	}
}

// knownFacility reports an error at n when no facility has the id.
func (l *loader) knownFacility(n *yaml.Node, field, id string) {
	for i := range l.s.Facilities {
		if l.s.Facilities[i].ID == id {
			return
		}
	}
	l.w.errorf(n, field, "no facility with id %q", id)
}
