package osm

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/osm"
)

// Area is an administrative area (boundary=administrative at the asked
// admin_level), assembled from its relation's member ways.
type Area struct {
	OSMID      int64
	Name       string // name:zh, else name
	NameEn     string
	Code       string // the ref tag (a statistical division code where mapped), else "osm-r<id>"
	AdminLevel string
	Geometry   orb.MultiPolygon // outer rings counter-clockwise, holes clockwise
}

// relRec is an administrative relation kept by the relation pass.
type relRec struct {
	id           int64
	tags         map[string]string
	outer, inner []int64 // member way ids
}

// wantArea reports whether r is an administrative boundary at level.
func wantArea(r *osm.Relation, level string) bool {
	t := r.Tags.Find("type")
	return (t == "boundary" || t == "multipolygon") && r.Tags.Find("boundary") == "administrative" &&
		r.Tags.Find("admin_level") == level
}

// readRelations keeps the administrative relations at the level and
// returns them with the sorted ids of their member ways.
func readRelations(path string, procs, level int) ([]relRec, []int64, error) {
	lv := strconv.Itoa(level)
	var rels []relRec
	var members []int64
	p := pass{relations: true, filterRelation: func(r *osm.Relation) bool { return wantArea(r, lv) }}
	err := scan(path, procs, p, nil, func(o osm.Object) error {
		r := o.(*osm.Relation)
		rec := relRec{id: int64(r.ID), tags: r.Tags.Map()}
		for _, m := range r.Members {
			if m.Type != osm.TypeWay {
				continue
			}
			if m.Role == "inner" {
				rec.inner = append(rec.inner, m.Ref)
			} else if m.Role == "outer" || m.Role == "" {
				rec.outer = append(rec.outer, m.Ref)
			}
			members = append(members, m.Ref)
		}
		rels = append(rels, rec)
		return nil
	})
	slices.Sort(members)
	slices.SortFunc(rels, func(a, b relRec) int { return cmp.Compare(a.id, b.id) })
	return rels, slices.Compact(members), err
}

// assembleArea joins the member ways of r into closed rings. It returns an
// error naming the relation when a way or node is missing or a ring does
// not close (an extract cut through the area).
func assembleArea(r *relRec, wayRefs map[int64][]int64, loc func(int64) (orb.Point, bool)) (orb.MultiPolygon, error) {
	rings := func(ids []int64) ([]orb.Ring, error) {
		var segs [][]int64
		for _, id := range ids {
			refs, ok := wayRefs[id]
			if !ok {
				return nil, fmt.Errorf("member way %d is not in the file", id)
			}
			if len(refs) >= 2 {
				segs = append(segs, slices.Clone(refs))
			}
		}
		var out []orb.Ring
		for len(segs) > 0 {
			cur := segs[0]
			segs = segs[1:]
			for cur[0] != cur[len(cur)-1] {
				joined := false
				for k, s := range segs {
					end := cur[len(cur)-1]
					switch {
					case s[0] == end:
						cur = append(cur, s[1:]...)
					case s[len(s)-1] == end:
						slices.Reverse(s)
						cur = append(cur, s[1:]...)
					default:
						continue
					}
					segs = append(segs[:k], segs[k+1:]...)
					joined = true
					break
				}
				if !joined {
					return nil, fmt.Errorf("a ring does not close (at node %d): the extract cuts through the area", cur[len(cur)-1])
				}
			}
			ring := make(orb.Ring, 0, len(cur))
			for _, n := range cur {
				p, ok := loc(n)
				if !ok {
					return nil, fmt.Errorf("node %d is not in the file", n)
				}
				ring = append(ring, p)
			}
			if len(ring) >= 4 {
				out = append(out, ring)
			}
		}
		return out, nil
	}
	outer, err := rings(r.outer)
	if err != nil {
		return nil, err
	}
	inner, err := rings(r.inner)
	if err != nil {
		return nil, err
	}
	if len(outer) == 0 {
		return nil, fmt.Errorf("no outer ring")
	}
	var mp orb.MultiPolygon
	for _, o := range outer {
		if o.Orientation() == orb.CW {
			o.Reverse()
		}
		mp = append(mp, orb.Polygon{o})
	}
	for _, h := range inner {
		if h.Orientation() == orb.CCW {
			h.Reverse()
		}
		for i := range mp {
			if planar.RingContains(mp[i][0], h[0]) {
				mp[i] = append(mp[i], h)
				break
			}
		}
	}
	return mp, nil
}

func newArea(r *relRec, mp orb.MultiPolygon) Area {
	a := Area{OSMID: r.id, Geometry: mp, AdminLevel: r.tags["admin_level"],
		Name: firstOf(r.tags["name:zh"], r.tags["name"], r.tags["name:en"]), Code: r.tags["ref"]}
	a.NameEn = latinName(r.tags, a.Name)
	if a.Code == "" {
		a.Code = "osm-r" + strconv.FormatInt(r.id, 10)
	}
	if a.Name == "" {
		a.Name = "relation " + strconv.FormatInt(r.id, 10)
	}
	return a
}
