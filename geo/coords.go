package geo

import (
	"math"
	"strconv"
)

// coordArray reads a (nested) coordinates array and returns its depth: 1 for a
// position, 2 for an array of positions, 3 for an array of those; 0 for an
// empty array. idx is the index of this array in its parent.
func (p *reader) coordArray(level int, idx int32) (int, error) {
	s := p.s
	if err := s.expect('[', "'[' in coordinates"); err != nil {
		return 0, p.coordTypeErr(err)
	}
	c, ok := s.peek()
	if ok && c == ']' {
		s.pos++
		return 0, nil
	}
	if ok && c != '[' {
		return 1, p.position()
	}
	if level >= 4 {
		return 0, s.errAt(ErrCoordinate, "coordinates", "arrays nested too deeply")
	}
	depth := 0
	for i := int32(0); ; i++ {
		d, err := p.coordArray(level+1, i)
		if err != nil {
			return 0, err
		}
		if d != 0 {
			if depth != 0 && d != depth {
				return 0, s.errAt(ErrCoordinate, "coordinates", "mixed nesting of arrays")
			}
			depth = d
		}
		more, err := s.moreItems(']')
		if err != nil {
			return 0, err
		}
		if !more {
			break
		}
	}
	if depth == 1 {
		p.f.partEnd = append(p.f.partEnd, int32(len(p.f.pos)/2))
		p.f.partIdx = append(p.f.partIdx, idx)
	}
	if depth == 0 {
		return 0, nil
	}
	return depth + 1, nil
}

// coordTypeErr turns a syntax error on a non-array coordinate into a clearer one.
func (p *reader) coordTypeErr(err error) error {
	if c, ok := p.s.peek(); ok && (c == '"' || c == '{' || c == 't' || c == 'f' || c == 'n') {
		return p.s.errAt(ErrCoordinate, "coordinates", "must be arrays of numbers")
	}
	return err
}

// position reads the numbers of one position (the '[' is consumed).
func (p *reader) position() error {
	s := p.s
	var xy [2]int64
	for k := 0; ; k++ {
		c, ok := s.peek()
		if ok && (c == '"' || c == '[' || c == '{' || c == 't' || c == 'f' || c == 'n') {
			return s.errAt(ErrCoordinate, p.posField(), "a position must hold numbers (longitude, latitude)")
		}
		b, err := s.token()
		if err != nil {
			return err
		}
		e7, deg, ok := parseE7(b)
		if !ok {
			s.pos -= len(b)
			return s.errAt(ErrCoordinate, p.posField(), "%s is not a valid coordinate", b)
		}
		if k < 2 {
			xy[k] = e7
			if (math.IsInf(deg, 0) || math.Abs(deg) > 1e9) && p.f.coordErr == nil {
				p.f.coordErr = s.errAt(ErrCoordinate, p.posField(), "%s %s is out of range%s", axisName(k), b, rangeHint(k, deg))
				xy[k] = 0
			}
		}
		more, err := s.moreItems(']')
		if err != nil {
			return err
		}
		if !more {
			if k < 1 {
				return s.errAt(ErrCoordinate, p.posField(), "a position needs longitude and latitude")
			}
			p.f.pos = append(p.f.pos, xy[0], xy[1])
			return nil
		}
	}
}

// posField names the position being read, e.g. "coordinates[3]".
func (p *reader) posField() string {
	n := int32(len(p.f.pos) / 2)
	start := int32(0)
	if k := len(p.f.partEnd); k > 0 {
		start = p.f.partEnd[k-1]
	}
	return "coordinates[" + strconv.Itoa(int(n-start)) + "]"
}

func axisName(k int) string {
	if k == 0 {
		return "longitude"
	}
	return "latitude"
}

func rangeHint(k int, deg float64) string {
	r := " -180..180"
	if k == 1 {
		r = " -90..90"
	}
	if math.Abs(deg) > 1000 {
		r += "; the file looks projected (metres): sim reads WGS-84 longitude, latitude in degrees (EPSG:4326)"
	}
	return r
}
