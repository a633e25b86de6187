package setup

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// township is one polygon of the townships file.
type township struct {
	code, name, nameEn string
	geom               orb.MultiPolygon
	bound              orb.Bound
}

// readTownships reads a townships file (code, name, name_en properties;
// Polygon or MultiPolygon geometry), such as the import's townships.geojson.
func readTownships(path string) ([]township, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: not a GeoJSON FeatureCollection: %v", path, err)
	}
	var out []township
	for i, f := range fc.Features {
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			return nil, fmt.Errorf("%s feature %d: geometry: a township must be a Polygon or MultiPolygon, got %T", path, i, g)
		}
		t := township{code: propString(f.Properties, []string{"code"}), name: propString(f.Properties, []string{"name"}),
			nameEn: propString(f.Properties, []string{"name_en"}), geom: mp, bound: mp.Bound()}
		if t.code == "" || t.name == "" {
			return nil, fmt.Errorf("%s feature %d: code, name: a township needs both", path, i)
		}
		out = append(out, t)
	}
	return out, nil
}

// assignTownships gives every demand point without a township the one whose
// polygon holds it; it returns how many points lie in none.
func assignTownships(ps []place, ts []township) (outside int) {
	for i := range ps {
		if ps[i].townshipCode != "" {
			continue
		}
		p := orb.Point{ps[i].lon, ps[i].lat}
		found := false
		for _, t := range ts {
			if t.bound.Contains(p) && planar.MultiPolygonContains(t.geom, p) {
				ps[i].townshipCode, ps[i].township = t.code, t.name
				found = true
				break
			}
		}
		if !found {
			outside++
		}
	}
	return outside
}

// urbanTownships returns the townships named (by name, English name or
// code) as the urban area; an unknown name is an error listing the names.
func urbanTownships(ts []township, names []string) (*geojson.FeatureCollection, error) {
	fc := geojson.NewFeatureCollection()
	for _, n := range names {
		i := slices.IndexFunc(ts, func(t township) bool { return t.name == n || t.nameEn == n || t.code == n })
		if i < 0 {
			var known []string
			for _, t := range ts {
				known = append(known, t.name)
			}
			return nil, fmt.Errorf("%w: urban areas: no township is called %q (the townships: %s)", ErrConfig, n, strings.Join(known, ", "))
		}
		f := geojson.NewFeature(ts[i].geom)
		f.Properties["class"], f.Properties["name"] = "urban", ts[i].name
		if ts[i].nameEn != "" {
			f.Properties["name_en"] = ts[i].nameEn
		}
		f.Properties["rule"] = "a township named as urban (城区) by the planner"
		fc.Append(f)
	}
	return fc, nil
}
