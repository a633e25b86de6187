package setup

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// circleSides is the number of sides of the polygon drawn for a circle.
const circleSides = 48

// urbanZones returns the urban zone features: the planner's polygon file
// (every Polygon or MultiPolygon, class urban), or a circle of the urban
// radius around every place of an urban kind.
func urbanZones(c *Config, ps []place) (*geojson.FeatureCollection, error) {
	fc := geojson.NewFeatureCollection()
	if c.UrbanPolygon != "" {
		raw, err := os.ReadFile(c.UrbanPolygon)
		if err != nil {
			return nil, err
		}
		in, err := geojson.UnmarshalFeatureCollection(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: not a GeoJSON FeatureCollection: %v", c.UrbanPolygon, err)
		}
		for i, f := range in.Features {
			switch f.Geometry.(type) {
			case orb.Polygon, orb.MultiPolygon:
			default:
				return nil, fmt.Errorf("%s feature %d: geometry: an urban area must be a Polygon or MultiPolygon, got %s", c.UrbanPolygon, i, f.Geometry.GeoJSONType())
			}
			z := geojson.NewFeature(f.Geometry)
			z.Properties["class"] = "urban"
			z.Properties["name"] = fmt.Sprint(firstNonNil(f.Properties["name"], fmt.Sprintf("urban area %d", i+1)))
			fc.Append(z)
		}
		if len(fc.Features) == 0 {
			return nil, fmt.Errorf("%s: no polygon: draw the urban area (城区) as at least one polygon", c.UrbanPolygon)
		}
		return fc, nil
	}
	if c.UrbanDensity > 0 {
		var mp orb.MultiPolygon
		for _, p := range ps {
			if float64(p.pop)/(c.CellKm*c.CellKm) >= c.UrbanDensity {
				mp = append(mp, p.cell.ToPolygon())
			}
		}
		if len(mp) > 0 {
			z := geojson.NewFeature(mp)
			z.Properties["class"] = "urban"
			z.Properties["name"] = "urban"
			z.Properties["rule"] = fmt.Sprintf("cells of %g km with at least %g residents per km² (assumed)", c.CellKm, c.UrbanDensity)
			fc.Append(z)
		}
		return fc, nil
	}
	for _, p := range ps {
		if !slices.Contains(c.UrbanKinds, p.kind) {
			continue
		}
		z := geojson.NewFeature(circle(p.lon, p.lat, c.UrbanRadiusKm))
		z.Properties["class"] = "urban"
		z.Properties["name"] = p.name
		if p.nameEn != "" {
			z.Properties["name_en"] = p.nameEn
		}
		z.Properties["rule"] = fmt.Sprintf("within %g km of a %s (assumed)", c.UrbanRadiusKm, p.kind)
		fc.Append(z)
	}
	return fc, nil
}

func firstNonNil(a any, b string) any {
	if a == nil {
		return b
	}
	return a
}

// circle returns a polygon approximating the circle of radius km around
// lon, lat (counter-clockwise, closed), on a sphere of radius 6,371 km.
func circle(lon, lat, km float64) orb.Polygon {
	const earthKm = 6371.0
	ring := make(orb.Ring, 0, circleSides+1)
	dLat := km / earthKm * 180 / math.Pi
	dLon := dLat / math.Cos(lat*math.Pi/180)
	for k := 0; k < circleSides; k++ {
		a := 2 * math.Pi * float64(k) / circleSides
		ring = append(ring, orb.Point{round7(lon + dLon*math.Cos(a)), round7(lat + dLat*math.Sin(a))})
	}
	ring = append(ring, ring[0])
	return orb.Polygon{ring}
}

func round7(v float64) float64 { return math.Round(v*1e7) / 1e7 }

func writeZones(w io.Writer, fc *geojson.FeatureCollection) error {
	if len(fc.Features) == 0 {
		_, err := io.WriteString(w, `{"type":"FeatureCollection","features":[]}`+"\n")
		return err
	}
	b, err := json.MarshalIndent(fc, "", " ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
