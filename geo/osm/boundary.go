package osm

import (
	"fmt"
	"os"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// ReadBoundary reads the clip polygon for [Options.Boundary] from a GeoJSON
// file: a FeatureCollection, Feature or bare geometry whose Polygons and
// MultiPolygons are joined (WGS-84). Errors name the file and the feature.
func ReadBoundary(path string) (orb.MultiPolygon, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var geoms []orb.Geometry
	if fc, err := geojson.UnmarshalFeatureCollection(raw); err == nil && fc.Type == "FeatureCollection" {
		for _, f := range fc.Features {
			geoms = append(geoms, f.Geometry)
		}
	} else if f, err := geojson.UnmarshalFeature(raw); err == nil && f.Type == "Feature" {
		geoms = append(geoms, f.Geometry)
	} else if g, err := geojson.UnmarshalGeometry(raw); err == nil {
		geoms = append(geoms, g.Geometry())
	} else {
		return nil, fmt.Errorf("%w: %s: not a GeoJSON FeatureCollection, Feature or geometry: %v", ErrInput, path, err)
	}
	var mp orb.MultiPolygon
	for i, g := range geoms {
		switch g := g.(type) {
		case orb.Polygon:
			mp = append(mp, g)
		case orb.MultiPolygon:
			mp = append(mp, g...)
		default:
			return nil, fmt.Errorf("%w: %s feature %d: geometry: the boundary must be a Polygon or MultiPolygon, got %T", ErrInput, path, i, g)
		}
	}
	for i, p := range mp {
		for j, ring := range p {
			if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
				return nil, fmt.Errorf("%w: %s polygon %d ring %d: a ring needs at least 4 positions and must end where it starts", ErrInput, path, i, j)
			}
			for _, q := range ring {
				if !(q[0] >= -180 && q[0] <= 180 && q[1] >= -90 && q[1] <= 90) {
					return nil, fmt.Errorf("%w: %s polygon %d: position %v outside longitude -180..180, latitude -90..90", ErrInput, path, i, q)
				}
			}
		}
	}
	if len(mp) == 0 {
		return nil, fmt.Errorf("%w: %s: no polygon in the boundary file", ErrInput, path)
	}
	return mp, nil
}
