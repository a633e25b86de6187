package osm

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/osm"
)

// Extract is what [Read] kept from an OSM file.
type Extract struct {
	Roads      []Road     // road pieces, by way id then piece
	Facilities []Facility // hospitals, clinics, doctors, health centres; by OSM type and id
	Other      []Facility // other healthcare=* (pharmacies, dentists, ...): not used by default
	Places     []Place    // place=city|town|village|hamlet; by OSM type and id
	Areas      []Area     // administrative areas at Options.AdminLevel; by relation id
	// AreaProblems name the areas that could not be assembled and why.
	AreaProblems []string
	Stats        Stats
	xy           []int32 // lon, lat (1e-7 degree) of the road pieces' positions
}

// Road is one piece of a kept way: the whole way, or the part of it inside
// the clip area (plus the first node outside), or a part between nodes the
// file lacks.
type Road struct {
	WayID                                       int64
	Highway, Maxspeed, Oneway, Junction, Access string
	Name, NameEn                                string
	start, end                                  int32 // positions in Extract.xy
}

// Stats counts what [Read] found.
type Stats struct {
	Bytes        int64  // size of the file
	SHA256       string // hex SHA-256 of the file
	Ways         int    // ways with a kept highway class
	Pieces       int    // road pieces written
	Clipped      int    // ways cut at the clip boundary
	Outside      int    // ways wholly outside the clip area
	MissingNodes int    // node references the file lacks
	ShortWays    int    // ways left with fewer than 2 located nodes
	Positions    int    // positions in the road pieces
}

// Line returns the positions of road i as longitude, latitude. It allocates.
func (e *Extract) Line(i int) orb.LineString {
	r := e.Roads[i]
	ls := make(orb.LineString, 0, r.end-r.start)
	for k := r.start; k < r.end; k++ {
		ls = append(ls, e7Point(e.xy[2*k], e.xy[2*k+1]))
	}
	return ls
}

func e7Point(x, y int32) orb.Point { return orb.Point{float64(x) / 1e7, float64(y) / 1e7} }

func e7(v float64) int32 { return int32(math.Round(v * 1e7)) }

// wayRec is a way kept by the first pass.
type wayRec struct {
	id               int64
	highway          string
	maxspeed, oneway string
	junction, access string
	name, nameEn     string
	from, to         int               // its node references in the first pass's arena
	refs             []int64           // the same, once the arena is complete
	facility         map[string]string // tags, for a facility mapped as a way
	facKind          string            // what made it a facility
	member           bool              // a member of a kept administrative relation
}

// Read reads the OSM file at path (format from its name, see [FormatOf]) in
// two streaming passes and returns the roads, facilities and places it holds,
// clipped as opts say. Errors name the file. O(file) time; memory O(kept ways
// and their nodes).
func Read(path string, opts Options) (*Extract, error) {
	classes := opts.classSet()
	procs := opts.Procs
	if procs <= 0 {
		procs = 2
	}
	var rels []relRec
	var members []int64 // sorted ids of the relations' member ways
	if opts.AdminLevel > 0 && !opts.RoadsOnly {
		var err error
		if rels, members, err = readRelations(path, procs, opts.AdminLevel); err != nil {
			return nil, err
		}
	}
	isMember := func(id int64) bool {
		_, ok := slices.BinarySearch(members, id)
		return ok
	}
	var ways []wayRec
	var arena []int64 // every kept way's node references, one after another
	p1 := pass{ways: true, filterWay: func(w *osm.Way) bool {
		return classes[w.Tags.Find("highway")] || (!opts.RoadsOnly && facilityKind(w.Tags) != "") || len(members) > 0 && isMember(int64(w.ID))
	}}
	err := scan(path, procs, p1, nil, func(o osm.Object) error {
		w := o.(*osm.Way)
		start := len(arena)
		for _, n := range w.Nodes {
			arena = append(arena, int64(n.ID))
		}
		rec := wayRec{id: int64(w.ID), from: start, to: len(arena), member: len(members) > 0 && isMember(int64(w.ID))}
		if hw := w.Tags.Find("highway"); classes[hw] {
			rec.highway, rec.maxspeed, rec.oneway = hw, w.Tags.Find("maxspeed"), w.Tags.Find("oneway")
			rec.junction, rec.access = w.Tags.Find("junction"), w.Tags.Find("access")
			rec.name, rec.nameEn = w.Tags.Find("name"), w.Tags.Find("name:en")
		}
		if k := facilityKind(w.Tags); !opts.RoadsOnly && k != "" {
			rec.facility, rec.facKind = w.Tags.Map(), k
		}
		ways = append(ways, rec)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(ways, func(i, j int) bool { return ways[i].id < ways[j].id })

	for i := range ways { // the arena has stopped moving: point the ways into it
		ways[i].refs = arena[ways[i].from:ways[i].to]
	}
	need := slices.Clone(arena)
	slices.Sort(need)
	need = slices.Compact(need)
	coords := make([]int32, 2*len(need))
	found := make([]bool, len(need))
	lookup := func(id int64) int {
		i, ok := slices.BinarySearch(need, id)
		if !ok {
			return -1
		}
		return i
	}

	e := &Extract{}
	h := sha256.New()
	p2 := pass{nodes: true, filterNode: func(n *osm.Node) bool {
		if _, ok := slices.BinarySearch(need, int64(n.ID)); ok {
			return true
		}
		return !opts.RoadsOnly && len(n.Tags) > 0 && (facilityKind(n.Tags) != "" || placeKind(n.Tags) != "")
	}}
	err = scan(path, procs, p2, h, func(o osm.Object) error {
		n := o.(*osm.Node)
		if !(n.Lon >= -180 && n.Lon <= 180 && n.Lat >= -90 && n.Lat <= 90) {
			return fmt.Errorf("%w: %s: node %d: location lon %v, lat %v is outside -180..180, -90..90", ErrInput, path, n.ID, n.Lon, n.Lat)
		}
		if i := lookup(int64(n.ID)); i >= 0 {
			coords[2*i], coords[2*i+1], found[i] = e7(n.Lon), e7(n.Lat), true
		}
		if opts.RoadsOnly || len(n.Tags) == 0 {
			return nil
		}
		pt := orb.Point{float64(e7(n.Lon)) / 1e7, float64(e7(n.Lat)) / 1e7}
		if !opts.inside(pt) {
			return nil
		}
		if k := facilityKind(n.Tags); k != "" {
			e.addFacility(k, "node", int64(n.ID), n.Tags.Map(), pt, "node")
		}
		if placeKind(n.Tags) != "" {
			e.Places = append(e.Places, newPlace("node", int64(n.ID), n.Tags.Map(), pt))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); err == nil {
		e.Stats.Bytes = st.Size()
	}
	e.Stats.SHA256 = hex.EncodeToString(h.Sum(nil))

	e.xy = make([]int32, 0, 2*len(arena))
	e.Roads = make([]Road, 0, len(ways))
	for i := range ways {
		w := &ways[i]
		if w.highway != "" {
			e.addRoad(w, lookup, coords, found, &opts)
		}
		if w.facility != nil {
			e.addAreaFacility(w, lookup, coords, found, &opts)
		}
	}
	e.sortFacilities()
	if len(rels) > 0 {
		wayRefs := map[int64][]int64{}
		for _, w := range ways {
			if w.member {
				wayRefs[w.id] = w.refs
			}
		}
		loc := func(id int64) (orb.Point, bool) {
			if i := lookup(id); i >= 0 && found[i] {
				return e7Point(coords[2*i], coords[2*i+1]), true
			}
			return orb.Point{}, false
		}
		for i := range rels {
			mp, err := assembleArea(&rels[i], wayRefs, loc)
			if err != nil {
				a := newArea(&rels[i], nil)
				e.AreaProblems = append(e.AreaProblems, fmt.Sprintf("relation %d (%s): %v", rels[i].id, a.Name, err))
				continue
			}
			e.Areas = append(e.Areas, newArea(&rels[i], mp))
		}
	}
	return e, nil
}
