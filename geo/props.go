package geo

import (
	"math"
	"strconv"
	"strings"
)

// properties reads a Feature's properties object, keeping the keys of [Tags].
func (p *reader) properties() error {
	s := p.s
	c, ok := s.peek()
	if ok && c == 'n' {
		return s.skipValue(1)
	}
	if !ok || c != '{' {
		return s.errAt(ErrProperty, "properties", "must be an object or null")
	}
	s.pos++
	t := &p.f.tags
	return s.members(func(key []byte) error {
		var dst *string
		var raw *[]byte
		switch string(key) {
		case "highway":
			dst = &t.Highway
		case "maxspeed":
			dst = &t.Maxspeed
		case "oneway":
			dst = &t.Oneway
		case "junction":
			dst = &t.Junction
		case "access":
			dst = &t.Access
		case "name":
			raw = &p.f.name
		case "@id":
			raw = &p.f.id
			p.f.hasID = true
		case "speed_kmh":
			v, err := p.speedValue()
			t.SpeedKmh = v
			return err
		default:
			return s.skipValue(1)
		}
		if dst != nil {
			v, err := p.tagValue(string(key))
			*dst = v
			return err
		}
		b, err := p.tagBytes(string(key))
		if err != nil {
			return err
		}
		*raw = append((*raw)[:0], b...)
		return nil
	})
}

// tagValue reads a scalar property value as text (interned): strings as
// decoded, numbers and booleans as written, null as "". Objects and arrays
// are errors.
func (p *reader) tagValue(name string) (string, error) {
	b, err := p.tagBytes(name)
	if err != nil || len(b) == 0 {
		return "", err
	}
	return p.internBytes(b), nil
}

// tagBytes is tagValue without interning; the slice is valid until the next
// scanner call.
func (p *reader) tagBytes(name string) ([]byte, error) {
	s := p.s
	c, ok := s.peek()
	switch {
	case ok && c == '"':
		return s.stringBytes()
	case ok && (c == '{' || c == '['):
		field := "properties." + name
		if name == "id" {
			field = "id"
		}
		return nil, s.errAt(ErrProperty, field, "must be a string or a number, not an object or array")
	}
	b, err := s.token()
	if err != nil {
		return nil, err
	}
	switch string(b) {
	case "null":
		return nil, nil
	case "true", "false":
		return b, nil
	}
	if _, ok := parseNumber(b); !ok {
		return nil, s.badValue(b)
	}
	return b, nil
}

// speedValue reads the speed_kmh property: a number (or numeric string)
// in (0, 300] km/h, or null.
func (p *reader) speedValue() (float64, error) {
	s := p.s
	c, ok := s.peek()
	var v float64
	var text string
	switch {
	case ok && c == '"':
		b, err := s.stringBytes()
		if err != nil {
			return 0, err
		}
		text = strings.TrimSpace(string(b))
		if text == "" {
			return 0, nil
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return 0, s.errAt(ErrProperty, "properties.speed_kmh", "%q is not a number (km/h)", b)
		}
		v = f
	case ok && (c == '{' || c == '['):
		return 0, s.errAt(ErrProperty, "properties.speed_kmh", "must be a number (km/h)")
	default:
		b, err := s.token()
		if err != nil {
			return 0, err
		}
		if string(b) == "null" {
			return 0, nil
		}
		f, ok := parseNumber(b)
		if !ok {
			if string(b) == "true" || string(b) == "false" {
				return 0, s.errAt(ErrProperty, "properties.speed_kmh", "must be a number (km/h), got %s", b)
			}
			return 0, s.badValue(b)
		}
		v, text = f, string(b)
	}
	if !(v > 0 && v <= 300) || math.IsInf(v, 0) {
		return 0, s.errAt(ErrProperty, "properties.speed_kmh", "must be a speed in km/h between 0 and 300, got %s", text)
	}
	return v, nil
}

// crs checks a (2008-style) top-level "crs" member: only WGS-84 longitude,
// latitude is accepted (CRS84, EPSG:4326, or CGCS2000 EPSG:4490, which
// differs from WGS-84 by centimetres).
func (p *reader) crs() error {
	s := p.s
	line, col := s.line, int(s.base+int64(s.pos)-s.lineAt)+1
	var name string
	var found func() error
	found = func() error { // walk the object looking for a "name" string
		c, ok := s.peek()
		if !ok || c != '{' {
			return s.skipValue(1)
		}
		s.pos++
		return s.members(func(key []byte) error {
			if c, _ := s.peek(); string(key) == "name" && c == '"' {
				b, err := s.stringBytes()
				name = string(b)
				return err
			}
			return found()
		})
	}
	if err := found(); err != nil {
		return err
	}
	if name == "" {
		return nil
	}
	u := strings.ToUpper(name)
	for _, ok := range []string{"CRS84", "4326", "4490", "WGS84", "WGS 84"} {
		if strings.Contains(u, ok) {
			return nil
		}
	}
	return &InputError{Feature: -1, Field: "crs", Line: line, Column: col, Kind: ErrCRS,
		Msg: name + " is not supported: sim reads WGS-84 longitude, latitude (EPSG:4326); " +
			"reproject first, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson"}
}

// internBytes returns b as a string shared with earlier equal values (tag
// values repeat a lot); after 4096 distinct values it stops interning.
func (p *reader) internBytes(b []byte) string {
	if v, ok := p.intern[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(p.intern) < 4096 {
		p.intern[v] = v
	}
	return v
}

func (p *reader) internString(v string) string {
	if w, ok := p.intern[v]; ok {
		return w
	}
	if len(p.intern) < 4096 {
		p.intern[v] = v
	}
	return v
}
