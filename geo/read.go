package geo

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
)

// ReadRoads reads a GeoJSON FeatureCollection of road LineStrings and
// MultiLineStrings from r with a streaming tokenizer: memory is the parsed
// roads plus a 256 KiB window, whatever the file size. GeoJSON text sequences
// (one Feature per line, optionally after an RS byte, as "osmium export -f
// geojsonseq" writes) are read too. Other geometry types are skipped and
// counted in [ReadStats]. Only the properties in [Tags] are kept.
//
// Errors are *[InputError] values naming the feature index and the field:
// invalid JSON, a file that is not a FeatureCollection, a coordinate that is
// not a finite number within longitude -180..180 and latitude -90..90, a bad
// speed_kmh, or a crs member other than WGS-84. O(bytes).
func ReadRoads(r io.Reader) (*Roads, error) {
	p := &reader{s: newScanner(r), r: &Roads{featLine: []int32{0}, comboOf: map[roadTags]int32{}}, intern: map[string]string{}}
	p.r.stats.Skipped = map[string]int{}
	if err := p.top(); err != nil {
		return nil, err
	}
	p.r.finish()
	return p.r, nil
}

// ReadRoadsFile reads the road file at path with [ReadRoads]; errors name the
// file. Its size and SHA-256 (for a report's manifest) are taken in the same
// pass and kept in the stats.
func ReadRoadsFile(path string) (*Roads, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	cr := &countReader{r: io.TeeReader(f, h)}
	roads, err := ReadRoads(cr)
	var ie *InputError
	if errors.As(err, &ie) {
		ie.File = path
	}
	if err != nil {
		return nil, err
	}
	roads.stats.SHA256, roads.stats.Bytes = hex.EncodeToString(h.Sum(nil)), cr.n
	return roads, nil
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// reader holds the state of one ReadRoads call.
type reader struct {
	s      *scanner
	r      *Roads
	intern map[string]string
	f      featureState
}

// top reads the top-level value: a FeatureCollection, or a sequence of Features.
func (p *reader) top() error {
	s := p.s
	c, ok := s.peek()
	if ok && c == 0xEF && s.end-s.pos >= 3 && s.buf[s.pos+1] == 0xBB && s.buf[s.pos+2] == 0xBF {
		s.pos += 3 // UTF-8 byte order mark
		c, ok = s.peek()
	}
	if ok && c == 0x1E { // RFC 8142 record separator
		s.pos++
		c, ok = s.peek()
	}
	switch {
	case !ok:
		return s.errAt(ErrNotCollection, "", "the file is empty")
	case c == '[':
		return s.errAt(ErrNotCollection, "", "the file is a JSON array, not a GeoJSON FeatureCollection")
	case c != '{':
		return s.errAt(ErrSyntax, "", "not JSON: the file does not start with '{'")
	}
	s.pos++
	var typ string
	seenFeatures, isFeature := false, false
	p.f.reset()
	err := s.members(func(key []byte) error {
		switch k := string(key); k {
		case "type":
			b, err := s.stringBytes()
			typ = string(b)
			return err
		case "features":
			seenFeatures = true
			return p.features()
		case "crs":
			return p.crs()
		case "geometry", "properties", "id":
			isFeature = true
			s.feature = 0
			return p.featureMember(k)
		}
		return s.skipValue(1)
	})
	if err != nil {
		return err
	}
	switch {
	case typ == "Feature" || (typ == "" && isFeature && !seenFeatures):
		return p.sequence()
	case typ != "" && typ != "FeatureCollection":
		s.feature = -1
		return s.errAt(ErrNotCollection, "type", "the file holds a GeoJSON %q, not a FeatureCollection", typ)
	case !seenFeatures:
		s.feature = -1
		return s.errAt(ErrNotCollection, "", "no \"features\" array: not a GeoJSON FeatureCollection")
	}
	s.feature = -1
	if _, ok := s.peek(); ok {
		return s.errAt(ErrSyntax, "", "invalid JSON: unexpected data after the FeatureCollection")
	}
	return nil
}

// sequence finishes feature 0 (already read as the top-level object) and reads
// the following Features of a GeoJSON text sequence.
func (p *reader) sequence() error {
	s := p.s
	s.feature = 0
	if err := p.endFeature(); err != nil {
		return err
	}
	for i := 1; ; i++ {
		c, ok := s.peek()
		for ok && (c == 0x1E || c == ',') {
			s.pos++
			c, ok = s.peek()
		}
		if !ok {
			return nil
		}
		s.feature = i
		if err := p.feature(); err != nil {
			return err
		}
	}
}

// features reads the "features" array.
func (p *reader) features() error {
	s := p.s
	if err := s.expect('[', "'[' starting the features array"); err != nil {
		return err
	}
	if c, ok := s.peek(); ok && c == ']' {
		s.pos++
		return nil
	}
	for i := 0; ; i++ {
		s.feature = i
		if err := p.feature(); err != nil {
			return err
		}
		more, err := s.moreItems(']')
		if err != nil || !more {
			s.feature = -1
			return err
		}
	}
}

// feature reads one Feature object and stores it.
func (p *reader) feature() error {
	s := p.s
	if c, ok := s.peek(); !ok || c != '{' {
		return s.errAt(ErrNotCollection, "", "a feature must be a JSON object")
	}
	s.pos++
	p.f.reset()
	err := s.members(func(key []byte) error {
		if string(key) != "type" {
			return p.featureMember(string(key))
		}
		b, err := s.stringBytes()
		if err == nil && string(b) != "Feature" {
			err = s.errAt(ErrNotCollection, "type", "want \"Feature\", got %q", b)
		}
		return err
	})
	if err != nil {
		return err
	}
	return p.endFeature()
}

// featureMember reads the value of member k of a Feature.
func (p *reader) featureMember(k string) error {
	switch k {
	case "geometry":
		p.f.hasGeometry = true
		return p.geometry()
	case "properties":
		return p.properties()
	case "id":
		b, err := p.tagBytes("id")
		p.f.fid = append(p.f.fid[:0], b...)
		return err
	}
	return p.s.skipValue(1)
}
