package raster

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"

	"golang.org/x/image/tiff/lzw"
)

// Window is a block of pixels read from a grid: Values[r*Cols+c] is pixel
// (Col0+c, Row0+r); nodata and non-finite pixels are NaN.
type Window struct {
	Col0, Row0, Cols, Rows int
	Values                 []float64
}

// PixelWindow returns the pixel block [col0, col1) x [row0, row1) covering
// the longitude/latitude box, clamped to the grid; empty when they do not
// meet.
func (g *Grid) PixelWindow(west, south, east, north float64) (col0, row0, col1, row1 int) {
	const eps = 1e-9 // pixels: a box edge on a pixel edge takes no extra pixel
	col0 = clamp(int(math.Floor((west-g.West)/g.DX+eps)), 0, g.Width)
	col1 = clamp(int(math.Ceil((east-g.West)/g.DX-eps)), 0, g.Width)
	row0 = clamp(int(math.Floor((g.North-north)/g.DY+eps)), 0, g.Height)
	row1 = clamp(int(math.Ceil((g.North-south)/g.DY-eps)), 0, g.Height)
	return
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// Centre returns the longitude and latitude of the centre of pixel (col, row).
func (g *Grid) Centre(col, row int) (lon, lat float64) {
	return g.West + (float64(col)+0.5)*g.DX, g.North - (float64(row)+0.5)*g.DY
}

// maxWindow bounds the pixels one Read may return (8 bytes each).
const maxWindow = 1 << 28

// ReadWindow reads the pixels [col0, col1) x [row0, row1), decoding only the
// strips or tiles that meet them. Errors name the file and the strip or
// tile. O(bytes of those strips or tiles).
func (g *Grid) ReadWindow(col0, row0, col1, row1 int) (*Window, error) {
	if col0 < 0 || row0 < 0 || col1 > g.Width || row1 > g.Height || col0 > col1 || row0 > row1 {
		return nil, fmt.Errorf("raster: %s: window %d..%d x %d..%d outside the %d x %d grid", g.path, col0, col1, row0, row1, g.Width, g.Height)
	}
	w := &Window{Col0: col0, Row0: row0, Cols: col1 - col0, Rows: row1 - row0}
	if w.Cols*w.Rows > maxWindow {
		return nil, fmt.Errorf("raster: %s: a window of %d x %d pixels is too large; aggregate the raster first (gdalwarp -tr)", g.path, w.Cols, w.Rows)
	}
	w.Values = make([]float64, w.Cols*w.Rows)
	if w.Cols == 0 || w.Rows == 0 {
		return w, nil
	}
	across := 1
	if g.tiled {
		across = (g.Width + g.chunkW - 1) / g.chunkW
	}
	var buf []byte
	for cy := row0 / g.chunkH; cy <= (row1-1)/g.chunkH; cy++ {
		cx0, cx1 := 0, 0
		if g.tiled {
			cx0, cx1 = col0/g.chunkW, (col1-1)/g.chunkW
		}
		for cx := cx0; cx <= cx1; cx++ {
			k := cy*across + cx
			var err error
			if buf, err = g.chunk(k, cy, buf); err != nil {
				return nil, err
			}
			g.copyChunk(w, buf, cx*g.chunkW, cy*g.chunkH)
		}
	}
	return w, nil
}

// chunkRows is the number of rows strip or tile k holds in the file.
func (g *Grid) chunkRows(cy int) int {
	if g.tiled {
		return g.chunkH
	}
	return min(g.chunkH, g.Height-cy*g.chunkH)
}

// chunk reads and decodes strip or tile k (row cy of chunks) into buf.
func (g *Grid) chunk(k, cy int, buf []byte) ([]byte, error) {
	what := "strip"
	if g.tiled {
		what = "tile"
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s: %s %d: %s", ErrFormat, g.path, what, k, fmt.Sprintf(format, a...))
	}
	bps := g.bits / 8
	rowBytes := g.chunkW * bps
	want := rowBytes * g.chunkRows(cy)
	off, n := g.offsets[k], g.counts[k]
	if n > maxChunkBytes || off > math.MaxInt64 {
		return nil, bad("%d bytes at byte %d", n, off)
	}
	raw := make([]byte, n)
	if _, err := g.r.ReadAt(raw, int64(off)); err != nil {
		return nil, bad("cannot read %d bytes at byte %d: %v", n, off, err)
	}
	var rd io.Reader
	switch g.compression {
	case 1:
		rd = bytes.NewReader(raw)
	case 5:
		lr := lzw.NewReader(bytes.NewReader(raw), lzw.MSB, 8)
		defer lr.Close()
		rd = lr
	case 8, 32946:
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, bad("deflate: %v", err)
		}
		defer zr.Close()
		rd = zr
	}
	if cap(buf) < want {
		buf = make([]byte, want)
	}
	buf = buf[:want]
	if _, err := io.ReadFull(rd, buf); err != nil {
		return nil, bad("decoding: want %d bytes: %v", want, err)
	}
	switch g.predictor {
	case 2:
		g.undoHorizontal(buf, rowBytes)
	case 3:
		undoFloat(buf, rowBytes, bps)
	}
	return buf, nil
}

// undoHorizontal undoes predictor 2: each sample is stored as its
// difference from the one to its left, in the file's byte order.
func (g *Grid) undoHorizontal(b []byte, rowBytes int) {
	bps := g.bits / 8
	for r := 0; r+rowBytes <= len(b); r += rowBytes {
		row := b[r : r+rowBytes]
		for i := bps; i < len(row); i += bps {
			switch bps {
			case 1:
				row[i] += row[i-1]
			case 2:
				g.order.PutUint16(row[i:], g.order.Uint16(row[i:])+g.order.Uint16(row[i-2:]))
			case 4:
				g.order.PutUint32(row[i:], g.order.Uint32(row[i:])+g.order.Uint32(row[i-4:]))
			case 8:
				g.order.PutUint64(row[i:], g.order.Uint64(row[i:])+g.order.Uint64(row[i-8:]))
			}
		}
	}
}

// undoFloat undoes predictor 3: the bytes of a row are differenced one by
// one, after being regrouped by significance (all most significant bytes
// first); the result is big-endian whatever the file's order. It leaves the
// row in the file's byte order.
func undoFloat(b []byte, rowBytes, bps int) {
	tmp := make([]byte, rowBytes)
	n := rowBytes / bps
	for r := 0; r+rowBytes <= len(b); r += rowBytes {
		row := b[r : r+rowBytes]
		for i := 1; i < rowBytes; i++ {
			row[i] += row[i-1]
		}
		copy(tmp, row)
		for i := 0; i < n; i++ {
			for k := 0; k < bps; k++ {
				row[i*bps+k] = tmp[k*n+i] // big-endian sample i
			}
		}
	}
}

// copyChunk copies the pixels of a decoded chunk whose top-left pixel is
// (x0, y0) into the window.
func (g *Grid) copyChunk(w *Window, buf []byte, x0, y0 int) {
	bps := g.bits / 8
	bigEndianFloats := g.predictor == 3
	for r := max(y0, w.Row0); r < min(y0+g.chunkH, w.Row0+w.Rows); r++ {
		for c := max(x0, w.Col0); c < min(x0+g.chunkW, w.Col0+w.Cols); c++ {
			i := ((r-y0)*g.chunkW + (c - x0)) * bps
			if i+bps > len(buf) {
				continue // a short last strip
			}
			v := g.sample(buf[i:i+bps], bigEndianFloats)
			if v == g.NoData || math.IsNaN(v) || math.IsInf(v, 0) {
				v = math.NaN()
			}
			w.Values[(r-w.Row0)*w.Cols+(c-w.Col0)] = v
		}
	}
}

// sample decodes one sample.
func (g *Grid) sample(b []byte, bigEndianFloats bool) float64 {
	o := g.order
	switch {
	case g.format == 3 && bigEndianFloats && g.bits == 32:
		return float64(math.Float32frombits(uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])))
	case g.format == 3 && bigEndianFloats:
		var u uint64
		for _, x := range b {
			u = u<<8 | uint64(x)
		}
		return math.Float64frombits(u)
	case g.format == 3 && g.bits == 32:
		return float64(math.Float32frombits(o.Uint32(b)))
	case g.format == 3:
		return math.Float64frombits(o.Uint64(b))
	}
	var u uint64
	switch g.bits {
	case 8:
		u = uint64(b[0])
	case 16:
		u = uint64(o.Uint16(b))
	case 32:
		u = uint64(o.Uint32(b))
	}
	if g.format == 2 { // sign-extend
		shift := 64 - g.bits
		return float64(int64(u<<shift) >> shift)
	}
	return float64(u)
}
