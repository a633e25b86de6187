package geo

import "unicode/utf8"

// stringBytes reads a JSON string (the opening quote is next) and returns its
// decoded content. The slice is valid until the next scanner call.
func (s *scanner) stringBytes() ([]byte, error) {
	if err := s.expect('"', "a string"); err != nil {
		return nil, err
	}
	start := s.pos
	for {
		for i := s.pos; i < s.end; i++ {
			c := s.buf[i]
			if c == '"' {
				s.pos = i + 1
				return s.buf[start:i], nil
			}
			if c == '\\' {
				s.pos = i
				return s.escaped(start)
			}
			if c < 0x20 {
				s.pos = i
				return nil, s.errAt(ErrSyntax, "", "invalid JSON: control character 0x%02x in string", c)
			}
		}
		s.pos = s.end
		shift, ok := s.fill(start)
		if !ok {
			return nil, s.syntax("'\"' closing the string")
		}
		start -= shift
	}
}

// escaped decodes the rest of a string whose first escape is at s.pos.
func (s *scanner) escaped(start int) ([]byte, error) {
	out := append(s.str[:0], s.buf[start:s.pos]...)
	for {
		if s.pos >= s.end {
			if _, ok := s.fill(s.pos); !ok {
				return nil, s.syntax("'\"' closing the string")
			}
		}
		c := s.buf[s.pos]
		switch {
		case c == '"':
			s.pos++
			s.str = out
			return out, nil
		case c < 0x20:
			return nil, s.errAt(ErrSyntax, "", "invalid JSON: control character 0x%02x in string", c)
		case c != '\\':
			out = append(out, c)
			s.pos++
			continue
		}
		// An escape: make sure up to 12 bytes (\uXXXX\uXXXX) are in the window.
		for s.end-s.pos < 12 {
			if _, ok := s.fill(s.pos); !ok {
				break
			}
		}
		if s.end-s.pos < 2 {
			return nil, s.syntax("an escape sequence")
		}
		e := s.buf[s.pos+1]
		s.pos += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return nil, s.errAt(ErrSyntax, "", "invalid JSON: bad \\u escape")
			}
			if r >= 0xd800 && r < 0xdc00 && s.end-s.pos >= 6 && s.buf[s.pos] == '\\' && s.buf[s.pos+1] == 'u' {
				s.pos += 2
				lo, ok := s.hex4()
				if ok && lo >= 0xdc00 && lo < 0xe000 {
					r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			s.pos--
			return nil, s.errAt(ErrSyntax, "", "invalid JSON: bad escape \\%c", e)
		}
	}
}

func (s *scanner) hex4() (rune, bool) {
	if s.end-s.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s.buf[s.pos : s.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	s.pos += 4
	return r, true
}
