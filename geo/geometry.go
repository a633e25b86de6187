package geo

import (
	"fmt"
	"strconv"
	"strings"
)

// featureState holds one feature while it is read; coordinates may come
// before the geometry type, so they are checked when the feature ends.
type featureState struct {
	tags        roadTags
	id, name    []byte // the "@id" and "name" properties
	fid         []byte // the feature's "id" member
	hasID       bool
	hasGeometry bool
	gtype       string
	hasCoords   bool
	depth       int     // nesting of the coordinates: 2 LineString, 3 MultiLineString
	pos         []int64 // lon, lat pairs in 1e-7 degree
	partEnd     []int32 // end (in positions) of each array of positions
	partIdx     []int32 // index of that array in its parent (for messages)
	coordErr    *InputError
}

func (f *featureState) reset() {
	f.tags, f.hasGeometry, f.gtype, f.hasCoords = roadTags{}, false, "", false
	f.id, f.name, f.fid, f.hasID = f.id[:0], f.name[:0], f.fid[:0], false
	f.depth, f.pos, f.partEnd, f.partIdx, f.coordErr = 0, f.pos[:0], f.partEnd[:0], f.partIdx[:0], nil
}

func lineType(t string) bool { return t == "LineString" || t == "MultiLineString" }

// geometry reads a geometry object (or null).
func (p *reader) geometry() error {
	s := p.s
	c, ok := s.peek()
	if ok && c == 'n' {
		p.f.gtype = "null"
		return s.skipValue(1)
	}
	if !ok || c != '{' {
		return s.errAt(ErrNotCollection, "geometry", "must be an object or null")
	}
	s.pos++
	return s.members(func(key []byte) error {
		switch {
		case string(key) == "type":
			b, err := s.stringBytes()
			if err != nil {
				return err
			}
			p.f.gtype = string(b)
		case string(key) == "coordinates" && (p.f.gtype == "" || lineType(p.f.gtype)):
			p.f.hasCoords = true // a repeated member replaces the earlier one
			p.f.pos, p.f.partEnd, p.f.partIdx, p.f.coordErr = p.f.pos[:0], p.f.partEnd[:0], p.f.partIdx[:0], nil
			d, err := p.coordArray(0, 0)
			if err != nil {
				return err
			}
			p.f.depth = d
		default:
			return s.skipValue(1)
		}
		return nil
	})
}

// endFeature checks the feature just read and stores it in p.r.
func (p *reader) endFeature() error {
	f, r, s := &p.f, p.r, p.s
	r.stats.Features++
	if f.hasID {
		r.stats.WithOSMID++
	} else {
		f.id = append(f.id[:0], f.fid...)
	}
	kind := f.gtype
	switch {
	case !f.hasGeometry:
		kind = "no geometry"
	case kind == "":
		return s.errAt(ErrNotCollection, "geometry.type", "missing")
	}
	f.tags.kind = p.internString(kind)
	c, ok := r.comboOf[f.tags]
	if !ok {
		c = int32(len(r.combos))
		r.combos = append(r.combos, f.tags)
		r.comboOf[f.tags] = c
	}
	r.featCombo = append(r.featCombo, c)
	if len(r.textOff) == 0 {
		r.textOff = append(r.textOff, 0)
	}
	r.text = append(r.text, f.id...)
	r.textOff = append(r.textOff, uint32(len(r.text)))
	r.text = append(r.text, f.name...)
	r.textOff = append(r.textOff, uint32(len(r.text)))
	if !lineType(kind) {
		r.stats.Skipped[kind]++
		r.featLine = append(r.featLine, int32(len(r.lineEnd)))
		return nil
	}
	if err := f.check(kind); err != nil {
		err.Feature = s.feature
		return err
	}
	if kind == "LineString" {
		r.stats.LineStrings++
	} else {
		r.stats.MultiLineStrings++
	}
	start := int32(0)
	for _, end := range f.partEnd {
		if end-start < 2 {
			r.stats.ShortLines++
			start = end
			continue
		}
		for k := start; k < end; k++ {
			x, y := int32(f.pos[2*k]), int32(f.pos[2*k+1])
			r.xy = append(r.xy, x, y)
			r.extend(x, y)
		}
		r.lineEnd = append(r.lineEnd, int32(len(r.xy)/2))
		r.lineFeat = append(r.lineFeat, int32(len(r.featCombo)-1))
		r.stats.Lines++
		r.stats.Positions += int(end - start)
		start = end
	}
	if len(f.partEnd) == 0 {
		r.stats.ShortLines++
	}
	r.featLine = append(r.featLine, int32(len(r.lineEnd)))
	return nil
}

// check validates the coordinates of a LineString or MultiLineString.
func (f *featureState) check(kind string) *InputError {
	want := 2
	if kind == "MultiLineString" {
		want = 3
	}
	switch {
	case !f.hasCoords:
		return &InputError{Field: "coordinates", Kind: ErrCoordinate, Msg: "missing"}
	case f.depth != 0 && f.depth != want:
		return &InputError{Field: "coordinates", Kind: ErrCoordinate,
			Msg: fmt.Sprintf("a %s needs %s", kind, strings.Repeat("an array of ", want-1)+"positions")}
	case f.coordErr != nil:
		return f.coordErr
	}
	part := 0
	for k := 0; k < len(f.pos)/2; k++ {
		for int32(k) >= f.partEnd[part] {
			part++
		}
		for axis, lim := range [2]int64{180e7, 90e7} {
			if v := f.pos[2*k+axis]; v < -lim || v > lim {
				i := k
				if part > 0 {
					i -= int(f.partEnd[part-1])
				}
				field := "coordinates[" + strconv.Itoa(i) + "]"
				if want == 3 {
					field = "coordinates[" + strconv.Itoa(int(f.partIdx[part])) + "][" + strconv.Itoa(i) + "]"
				}
				deg := float64(v) / 1e7
				msg := fmt.Sprintf("%s %s is out of range%s", axisName(axis), strconv.FormatFloat(deg, 'f', -1, 64), rangeHint(axis, deg))
				if axis == 1 && f.pos[2*k] >= -90e7 && f.pos[2*k] <= 90e7 {
					msg += "; are longitude and latitude swapped?"
				}
				return &InputError{Field: field, Kind: ErrCoordinate, Msg: msg}
			}
		}
	}
	return nil
}
