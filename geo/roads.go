package geo

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Tags are the properties of a road feature that sim uses; other properties
// are skipped while reading. Values are the strings as written (numbers and
// booleans as their JSON text); an absent or null property is "".
type Tags struct {
	ID       string  // the "@id" property (OSM way id), else the feature's "id"
	Highway  string  // OSM road class, e.g. "primary", "primary_link", "track"
	Maxspeed string  // e.g. "60", "60 km/h", "40 mph"
	Oneway   string  // "yes", "true", "1", "-1", "reverse", "no", ...
	Junction string  // "roundabout" implies one-way
	Access   string  // "no" and "private" can be dropped with Options.DropPrivate
	Name     string  // road name as written
	SpeedKmh float64 // the "speed_kmh" property in km/h (wins over maxspeed); 0 when absent
}

// ReadStats counts what [ReadRoads] found in a file.
type ReadStats struct {
	Features         int            // features in the file
	LineStrings      int            // LineString features
	MultiLineStrings int            // MultiLineString features
	Lines            int            // lines kept (LineStrings and MultiLineString parts)
	Positions        int            // positions in the kept lines
	ShortLines       int            // lines with fewer than 2 positions, skipped
	Skipped          map[string]int // other geometry types ("Point", "Polygon", "null", ...) -> features skipped
	WithOSMID        int            // features with an "@id" property (OSM-derived data)
	SHA256           string         // hex SHA-256 of the file (ReadRoadsFile only)
	Bytes            int64          // size of the file (ReadRoadsFile only)
}

// roadTags are the low-cardinality tags of a feature plus its geometry type;
// features share one copy per distinct combination.
type roadTags struct {
	Highway, Maxspeed, Oneway, Junction, Access string
	SpeedKmh                                    float64
	kind                                        string
}

// Roads is a road file parsed once, from which [Build] makes one graph per
// travel profile. Coordinates are held as whole numbers of 1e-7 degree (OSM's
// precision), so vertices shared by several ways compare exactly.
// A Roads value is read-only after ReadRoads and safe for concurrent use.
type Roads struct {
	xy        []int32            // lon, lat (1e-7 deg) of every kept position, line after line
	lineEnd   []int32            // end (exclusive, in positions) of each line
	lineFeat  []int32            // feature index of each line
	featLine  []int32            // first line of each feature; len = features + 1
	combos    []roadTags         // distinct tag combinations
	comboOf   map[roadTags]int32 // while reading
	featCombo []int32            // combination of each feature, in file order
	text      []byte             // while reading: IDs and names, feature after feature
	texts     string             // the same after reading
	textOff   []uint32           // feature i: ID texts[off[2i]:off[2i+1]], name up to off[2i+2]
	stats     ReadStats
	bound     orb.Bound
	hasBounds bool
}

// Len returns the number of features in the file (road or not). Feature
// indexes used everywhere in this package are 0-based positions in the file's
// "features" array.
func (r *Roads) Len() int { return len(r.featCombo) }

// Tags returns the kept properties of feature i. It panics if i is out of range.
func (r *Roads) Tags(i int) Tags {
	c := &r.combos[r.featCombo[i]]
	o := r.textOff[2*i:]
	return Tags{ID: r.texts[o[0]:o[1]], Name: r.texts[o[1]:o[2]], Highway: c.Highway, Maxspeed: c.Maxspeed,
		Oneway: c.Oneway, Junction: c.Junction, Access: c.Access, SpeedKmh: c.SpeedKmh}
}

// tags returns the shared tag combination of feature i.
func (r *Roads) tags(i int) *roadTags { return &r.combos[r.featCombo[i]] }

// Kind returns the geometry type of feature i ("LineString", "Point", "null"...).
func (r *Roads) Kind(i int) string { return r.combos[r.featCombo[i]].kind }

// Lines returns the lines of feature i (one for a LineString, one per part
// with at least 2 positions for a MultiLineString; nil for other geometries).
// It allocates; O(positions of the feature).
func (r *Roads) Lines(i int) orb.MultiLineString {
	var out orb.MultiLineString
	for l := r.featLine[i]; l < r.featLine[i+1]; l++ {
		out = append(out, r.line(int(l)))
	}
	return out
}

// Stats returns what was read: counts of features, lines and skipped geometries.
func (r *Roads) Stats() ReadStats { return r.stats }

// Bound returns the bounding box of every kept position.
func (r *Roads) Bound() orb.Bound { return r.bound }

func (r *Roads) numLines() int { return len(r.lineEnd) }

func (r *Roads) lineRange(l int) (int, int) {
	start := 0
	if l > 0 {
		start = int(r.lineEnd[l-1])
	}
	return start, int(r.lineEnd[l])
}

func (r *Roads) line(l int) orb.LineString {
	a, b := r.lineRange(l)
	ls := make(orb.LineString, 0, b-a)
	for k := a; k < b; k++ {
		ls = append(ls, e7Point(r.xy[2*k], r.xy[2*k+1]))
	}
	return ls
}

func e7Point(x, y int32) orb.Point { return orb.Point{float64(x) / 1e7, float64(y) / 1e7} }

func (r *Roads) extend(x, y int32) {
	p := e7Point(x, y)
	if !r.hasBounds {
		r.bound, r.hasBounds = orb.Bound{Min: p, Max: p}, true
		return
	}
	r.bound = r.bound.Extend(p)
}

// Convert maps every position through f, for example from GCJ-02 to WGS-84
// with package geo/crs, and rounds the result to 1e-7 degree again. Positions
// equal before stay equal after, so shared vertices stay shared. It returns an
// error naming the feature if f gives a non-finite or out-of-range coordinate.
// Not safe while other goroutines read r. O(positions).
func (r *Roads) Convert(f func(orb.Point) orb.Point) error {
	r.hasBounds = false
	for l := range r.lineEnd {
		a, b := r.lineRange(l)
		for k := a; k < b; k++ {
			q := f(e7Point(r.xy[2*k], r.xy[2*k+1]))
			if !(q[0] >= -180 && q[0] <= 180 && q[1] >= -90 && q[1] <= 90) {
				return &InputError{Feature: int(r.lineFeat[l]), Field: "coordinates", Kind: ErrCoordinate,
					Msg: fmt.Sprintf("conversion gave %v, outside longitude -180..180, latitude -90..90", q)}
			}
			r.xy[2*k], r.xy[2*k+1] = int32(math.Round(q[0]*1e7)), int32(math.Round(q[1]*1e7))
			r.extend(r.xy[2*k], r.xy[2*k+1])
		}
	}
	return nil
}

// finish compacts what the reader built: the text buffer becomes one string
// and the slices lose their spare capacity.
func (r *Roads) finish() {
	r.texts, r.text, r.comboOf = string(r.text), nil, nil
	if len(r.textOff) == 0 {
		r.textOff = []uint32{0}
	}
	r.xy = append([]int32(nil), r.xy...)
	r.lineEnd = append([]int32(nil), r.lineEnd...)
	r.lineFeat = append([]int32(nil), r.lineFeat...)
	r.featLine = append([]int32(nil), r.featLine...)
	r.featCombo = append([]int32(nil), r.featCombo...)
	r.textOff = append([]uint32(nil), r.textOff...)
}
