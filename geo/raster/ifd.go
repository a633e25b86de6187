package raster

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// ifd holds the tags of the first image file directory: integer tags as
// uint64, floating-point tags as float64 (integers there too), ASCII as is.
type ifd struct {
	order  binary.ByteOrder
	ints   map[uint16][]uint64
	floats map[uint16][]float64
	ascii  map[uint16]string
}

// typeSize is the size in bytes of one value of each TIFF field type.
var typeSize = map[uint16]int{1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8, 17: 8, 18: 8}

func readIFD(r io.ReaderAt, name string) (*ifd, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrFormat, name, fmt.Sprintf(format, a...))
	}
	var hdr [16]byte
	if _, err := r.ReadAt(hdr[:8], 0); err != nil {
		return nil, bad("not a TIFF file (%v)", err)
	}
	d := &ifd{ints: map[uint16][]uint64{}, floats: map[uint16][]float64{}, ascii: map[uint16]string{}}
	switch string(hdr[:2]) {
	case "II":
		d.order = binary.LittleEndian
	case "MM":
		d.order = binary.BigEndian
	default:
		return nil, bad("not a TIFF file (no II or MM byte-order mark)")
	}
	big := false
	var off uint64
	switch d.order.Uint16(hdr[2:]) {
	case 42:
		off = uint64(d.order.Uint32(hdr[4:]))
	case 43:
		big = true
		if _, err := r.ReadAt(hdr[:16], 0); err != nil {
			return nil, bad("truncated BigTIFF header")
		}
		off = d.order.Uint64(hdr[8:])
	default:
		return nil, bad("not a TIFF file (version %d)", d.order.Uint16(hdr[2:]))
	}
	countSize, entrySize, inline := 2, 12, 4
	if big {
		countSize, entrySize, inline = 8, 20, 8
	}
	buf := make([]byte, countSize)
	if _, err := r.ReadAt(buf, int64(off)); err != nil || off > math.MaxInt64 {
		return nil, bad("the first directory at byte %d cannot be read", off)
	}
	var n uint64
	if big {
		n = d.order.Uint64(buf)
	} else {
		n = uint64(d.order.Uint16(buf))
	}
	if n == 0 || n > 4096 {
		return nil, bad("the first directory has %d entries", n)
	}
	entries := make([]byte, int(n)*entrySize)
	if _, err := r.ReadAt(entries, int64(off)+int64(countSize)); err != nil {
		return nil, bad("truncated directory at byte %d", off)
	}
	for i := 0; i < int(n); i++ {
		e := entries[i*entrySize:]
		tag, typ := d.order.Uint16(e), d.order.Uint16(e[2:])
		var count uint64
		var val []byte
		if big {
			count, val = d.order.Uint64(e[4:]), e[12:20]
		} else {
			count, val = uint64(d.order.Uint32(e[4:])), e[8:12]
		}
		size, ok := typeSize[typ]
		if !ok {
			continue // an unknown type: skipped, as readers must
		}
		if count > maxEntries {
			return nil, bad("tag %d has %d values", tag, count)
		}
		data := val[:min(len(val), size*int(count))]
		if size*int(count) > inline {
			var at uint64
			if big {
				at = d.order.Uint64(val)
			} else {
				at = uint64(d.order.Uint32(val))
			}
			data = make([]byte, size*int(count))
			if _, err := r.ReadAt(data, int64(at)); err != nil || at > math.MaxInt64 {
				return nil, bad("tag %d: its %d values at byte %d cannot be read", tag, count, at)
			}
		}
		d.decode(tag, typ, int(count), data)
	}
	return d, nil
}

// decode stores the values of one tag.
func (d *ifd) decode(tag, typ uint16, count int, b []byte) {
	if typ == 2 {
		d.ascii[tag] = string(b)
		return
	}
	ints := make([]uint64, 0, count)
	floats := make([]float64, 0, count)
	for k := 0; k < count; k++ {
		switch typ {
		case 1, 6, 7:
			ints = append(ints, uint64(b[k]))
		case 3, 8:
			ints = append(ints, uint64(d.order.Uint16(b[2*k:])))
		case 4, 9:
			ints = append(ints, uint64(d.order.Uint32(b[4*k:])))
		case 16, 17, 18:
			ints = append(ints, d.order.Uint64(b[8*k:]))
		case 11:
			floats = append(floats, float64(math.Float32frombits(d.order.Uint32(b[4*k:]))))
		case 12:
			floats = append(floats, math.Float64frombits(d.order.Uint64(b[8*k:])))
		case 5, 10:
			num, den := d.order.Uint32(b[8*k:]), d.order.Uint32(b[8*k+4:])
			floats = append(floats, float64(num)/float64(max(den, 1)))
		}
	}
	if len(ints) > 0 {
		d.ints[tag] = ints
		for _, v := range ints {
			floats = append(floats, float64(v))
		}
	}
	d.floats[tag] = floats
}
