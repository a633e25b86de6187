package geo

import (
	"errors"
	"fmt"
	"io"
)

// scanner is a streaming JSON tokenizer over an io.Reader. It keeps a window
// of the input in buf and refills it when a token crosses the window's end, so
// memory stays at the window size (256 KiB, grown only for longer tokens)
// whatever the file size. It counts lines for error messages. It is not a full
// validator: it accepts exactly the JSON grammar except that it tolerates
// leading zeros in numbers.
type scanner struct {
	r       io.Reader
	buf     []byte
	pos     int   // next unread byte in buf
	end     int   // number of valid bytes in buf
	base    int64 // absolute offset of buf[0]
	line    int   // 1-based line of buf[pos]
	lineAt  int64 // absolute offset of the first byte of that line
	eof     bool
	rerr    error    // read error other than io.EOF
	feature int      // feature index reported in errors, -1 outside features
	str     []byte   // scratch for strings with escapes
	keys    [][]byte // scratch for object keys, one per nesting level of members
}

const scanWindow = 256 << 10

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, scanWindow), line: 1, feature: -1}
}

// fill discards buf[:keep], shifts the rest to the front and reads more input.
// It returns the shift applied to indices into buf and false when no byte
// could be added (end of input or read error).
func (s *scanner) fill(keep int) (int, bool) {
	if s.eof {
		return 0, false
	}
	if keep > 0 {
		copy(s.buf, s.buf[keep:s.end])
		s.end -= keep
		s.pos -= keep
		s.base += int64(keep)
	}
	if s.end == len(s.buf) {
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if !errors.Is(err, io.EOF) {
				s.rerr = err
			}
			return keep, n > 0
		}
		if n > 0 {
			return keep, true
		}
	}
}

// errAt builds an InputError at the current position.
func (s *scanner) errAt(kind error, field, format string, a ...any) *InputError {
	abs := s.base + int64(s.pos)
	e := &InputError{Feature: s.feature, Field: field, Kind: kind, Msg: fmt.Sprintf(format, a...),
		Line: s.line, Column: int(abs-s.lineAt) + 1}
	if s.rerr != nil {
		e.Kind, e.Msg = ErrSyntax, "read error: "+s.rerr.Error()
	}
	return e
}

// syntax reports unexpected input at the current position.
func (s *scanner) syntax(want string) *InputError {
	if s.pos >= s.end {
		return s.errAt(ErrSyntax, "", "invalid JSON: unexpected end of file, want %s", want)
	}
	c := s.buf[s.pos]
	if c >= 0x20 && c < 0x7f {
		return s.errAt(ErrSyntax, "", "invalid JSON: unexpected %q, want %s", c, want)
	}
	return s.errAt(ErrSyntax, "", "invalid JSON: unexpected byte 0x%02x, want %s", c, want)
}

// peek skips white space and returns the next byte without consuming it;
// ok is false at the end of input.
func (s *scanner) peek() (byte, bool) {
	for {
		for s.pos < s.end {
			switch c := s.buf[s.pos]; c {
			case ' ', '\t', '\r':
				s.pos++
			case '\n':
				s.pos++
				s.line++
				s.lineAt = s.base + int64(s.pos)
			default:
				return c, true
			}
		}
		if _, ok := s.fill(s.pos); !ok {
			return 0, false
		}
	}
}

// expect consumes byte c (after white space) or returns a syntax error.
func (s *scanner) expect(c byte, want string) error {
	if b, ok := s.peek(); !ok || b != c {
		return s.syntax(want)
	}
	s.pos++
	return nil
}

// next consumes white space and one byte, which is returned.
func (s *scanner) next() (byte, bool) {
	c, ok := s.peek()
	if ok {
		s.pos++
	}
	return c, ok
}

// members reads the rest of a JSON object whose '{' was just consumed,
// calling member with each key once its ':' is consumed; member must read
// the value. The key is a copy (the buffer may move while ':' is read),
// valid until member returns: keep string(key) if needed longer.
func (s *scanner) members(member func(key []byte) error) error {
	if c, ok := s.peek(); ok && c == '}' {
		s.pos++
		return nil
	}
	level := len(s.keys) // nested objects each have their own key buffer, kept for reuse
	if level < cap(s.keys) {
		s.keys = s.keys[:level+1]
	} else {
		s.keys = append(s.keys, make([]byte, 0, 32))
	}
	defer func() { s.keys = s.keys[:level] }()
	for {
		b, err := s.stringBytes()
		if err != nil {
			return err
		}
		key := append(s.keys[level][:0], b...)
		s.keys[level] = key[:0]
		if err := s.expect(':', "':'"); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}
		more, err := s.moreItems('}')
		if err != nil || !more {
			return err
		}
	}
}

// moreItems is called after an element of an object or array: it consumes a
// ',' (true) or the closing byte (false).
func (s *scanner) moreItems(close byte) (bool, error) {
	c, ok := s.next()
	switch {
	case ok && c == ',':
		return true, nil
	case ok && c == close:
		return false, nil
	}
	if ok {
		s.pos--
	}
	return false, s.syntax(fmt.Sprintf("',' or '%c'", close))
}

func isNumByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// token reads a number or a bare word (true, false, null, NaN, Infinity) at
// the current position. The slice is valid until the next scanner call.
func (s *scanner) token() ([]byte, error) {
	c, ok := s.peek()
	if !ok {
		return nil, s.syntax("a value")
	}
	in := isNumByte
	if isWordByte(c) {
		in = isWordByte
	}
	start := s.pos
	for {
		i := s.pos
		for i < s.end && (in(s.buf[i]) || (i > start && s.buf[start] == '-' && isWordByte(s.buf[i]))) {
			i++
		}
		s.pos = i
		if i < s.end {
			break
		}
		shift, ok := s.fill(start)
		start -= shift
		if !ok {
			break
		}
	}
	if s.pos == start {
		return nil, s.syntax("a value")
	}
	return s.buf[start:s.pos], nil
}
