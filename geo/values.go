package geo

import (
	"math"
	"strconv"
)

const maxDepth = 256 // deepest nesting skipValue accepts

// skipValue consumes one JSON value of any type, checking its syntax.
// Complexity O(bytes of the value).
func (s *scanner) skipValue(depth int) error {
	if depth > maxDepth {
		return s.errAt(ErrSyntax, "", "invalid JSON: nested deeper than %d levels", maxDepth)
	}
	c, ok := s.peek()
	if !ok {
		return s.syntax("a value")
	}
	switch c {
	case '"':
		_, err := s.skipString()
		return err
	case '{':
		s.pos++
		if c, ok := s.peek(); ok && c == '}' {
			s.pos++
			return nil
		}
		for {
			if _, err := s.skipString(); err != nil {
				return err
			}
			if err := s.expect(':', "':'"); err != nil {
				return err
			}
			if err := s.skipValue(depth + 1); err != nil {
				return err
			}
			more, err := s.moreItems('}')
			if err != nil || !more {
				return err
			}
		}
	case '[':
		s.pos++
		if c, ok := s.peek(); ok && c == ']' {
			s.pos++
			return nil
		}
		for {
			if err := s.skipValue(depth + 1); err != nil {
				return err
			}
			more, err := s.moreItems(']')
			if err != nil || !more {
				return err
			}
		}
	}
	b, err := s.token()
	if err != nil {
		return err
	}
	switch string(b) {
	case "true", "false", "null":
		return nil
	}
	if _, ok := parseNumber(b); !ok {
		return s.badValue(b)
	}
	return nil
}

// skipString consumes a string without decoding it; it reports whether the
// string had escapes (callers that need the text use stringBytes).
func (s *scanner) skipString() (bool, error) {
	if c, ok := s.peek(); !ok || c != '"' {
		return false, s.syntax("a string")
	}
	s.pos++
	for {
		for s.pos < s.end {
			c := s.buf[s.pos]
			s.pos++
			switch {
			case c == '"':
				return false, nil
			case c == '\\':
				if s.pos >= s.end {
					if _, ok := s.fill(s.pos); !ok {
						return true, s.syntax("an escape sequence")
					}
				}
				s.pos++
			case c < 0x20:
				s.pos--
				return false, s.errAt(ErrSyntax, "", "invalid JSON: control character 0x%02x in string", c)
			}
		}
		if _, ok := s.fill(s.pos); !ok {
			return false, s.syntax("'\"' closing the string")
		}
	}
}

// badValue reports a token that is not a JSON value, naming the common
// non-JSON spellings of non-finite numbers.
func (s *scanner) badValue(b []byte) error {
	s.pos -= len(b)
	switch string(b) {
	case "NaN", "Infinity", "-Infinity", "nan", "inf", "-inf":
		return s.errAt(ErrSyntax, "", "invalid JSON: %s is not a JSON number", b)
	}
	if len(b) > 20 {
		b = append(b[:20:20], "..."...)
	}
	return s.errAt(ErrSyntax, "", "invalid JSON: unexpected %q, want a value", b)
}

// parseNumber parses a JSON number (a leading '+', hex and the words NaN and
// Infinity are rejected; leading zeros are tolerated). Numbers beyond the
// float64 range give ±Inf with ok true.
func parseNumber(b []byte) (float64, bool) {
	if len(b) == 0 || b[0] == '+' || b[0] == '.' || b[len(b)-1] == '.' {
		return 0, false
	}
	if b[0] == '-' && (len(b) == 1 || b[1] < '0' || b[1] > '9') {
		return 0, false
	}
	for _, c := range b {
		if !isNumByte(c) {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

var pow10i = [...]int64{1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1}

// parseE7 converts a JSON number to a whole number of 1e-7 degrees, rounded to
// nearest (exact for up to 7 decimals, which OSM exports write). deg is the
// value in degrees for messages; ok is false if b is not a JSON number.
// Values whose magnitude exceeds 1e9 degrees return e7 = 0 and deg set.
func parseE7(b []byte) (e7 int64, deg float64, ok bool) {
	i, neg := 0, false
	if len(b) > 0 && b[0] == '-' {
		neg, i = true, 1
	}
	var m int64
	nd := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' && nd < 10 {
		m = m*10 + int64(b[i]-'0')
		i++
		nd++
	}
	fr := 0
	if nd > 0 && i < len(b) && b[i] == '.' {
		i++
		for i < len(b) && b[i] >= '0' && b[i] <= '9' && fr < 7 {
			m = m*10 + int64(b[i]-'0')
			i++
			fr++
		}
		if fr == 0 {
			return 0, 0, false
		}
	}
	if nd > 0 && i == len(b) {
		m *= pow10i[fr]
		if neg {
			m = -m
		}
		return m, float64(m) / 1e7, true
	}
	f, ok := parseNumber(b) // exponent, more than 7 decimals or huge
	if !ok {
		return 0, 0, false
	}
	if math.IsInf(f, 0) || math.Abs(f) > 1e9 {
		return 0, f, true
	}
	return int64(math.Round(f * 1e7)), f, true
}
