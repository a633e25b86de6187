package raster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// ErrFormat is wrapped by every error about the content of a file.
var ErrFormat = errors.New("raster: unsupported or malformed GeoTIFF")

// TIFF tags read.
const (
	tagWidth           = 256
	tagHeight          = 257
	tagBitsPerSample   = 258
	tagCompression     = 259
	tagStripOffsets    = 273
	tagSamplesPerPixel = 277
	tagRowsPerStrip    = 278
	tagStripByteCounts = 279
	tagPlanar          = 284
	tagPredictor       = 317
	tagTileWidth       = 322
	tagTileLength      = 323
	tagTileOffsets     = 324
	tagTileByteCounts  = 325
	tagSampleFormat    = 339
	tagPixelScale      = 33550
	tagTiepoint        = 33922
	tagGeoKeys         = 34735
	tagNoData          = 42113
)

// Limits that keep a bad file from asking for unbounded memory.
const (
	maxSide       = 1 << 24 // pixels on a side
	maxChunkBytes = 1 << 25 // one strip or tile, decoded (32 MiB: GDAL writes strips and tiles of kilobytes)
	maxEntries    = 1 << 24 // values of one tag
)

// Grid is an opened GeoTIFF. Pixel (col, row) covers longitudes
// West+col*DX .. West+(col+1)*DX and latitudes North-(row+1)*DY .. North-row*DY.
type Grid struct {
	Width, Height int
	West, North   float64 // degrees: the outer corner of pixel (0, 0)
	DX, DY        float64 // degrees per pixel, both > 0
	NoData        float64 // NaN when the file has no nodata value
	path          string
	r             io.ReaderAt
	order         binary.ByteOrder
	bits, format  int // bits per sample; 1 unsigned, 2 signed, 3 float
	compression   int
	predictor     int
	chunkW        int // strip: Width; tile: tile width
	chunkH        int // rows per strip or tile height
	offsets       []uint64
	counts        []uint64
	tiled         bool
}

// Open reads the header of the GeoTIFF at path; the file stays open until
// Close.
func Open(path string) (*Grid, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	g, err := Read(f, path)
	if err != nil {
		f.Close()
		return nil, err
	}
	return g, nil
}

// Close closes the file behind g when Open opened it.
func (g *Grid) Close() error {
	if c, ok := g.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// Read reads the header of a GeoTIFF from r; name is used in errors.
func Read(r io.ReaderAt, name string) (*Grid, error) {
	g := &Grid{path: name, r: r, NoData: math.NaN()}
	d, err := readIFD(r, name)
	if err != nil {
		return nil, err
	}
	g.order = d.order
	bad := func(tag, format string, a ...any) error {
		return fmt.Errorf("%w: %s: %s: %s", ErrFormat, name, tag, fmt.Sprintf(format, a...))
	}
	one := func(tag uint16, name string, def uint64) (uint64, error) {
		v, ok := d.ints[tag]
		if !ok {
			if def == math.MaxUint64 {
				return 0, bad(name, "missing")
			}
			return def, nil
		}
		if len(v) == 0 {
			return 0, bad(name, "empty")
		}
		return v[0], nil
	}
	var w, h, spp, bits, comp, planar, pred, format uint64
	steps := []struct {
		tag  uint16
		name string
		def  uint64
		dst  *uint64
	}{
		{tagWidth, "ImageWidth", math.MaxUint64, &w}, {tagHeight, "ImageLength", math.MaxUint64, &h},
		{tagSamplesPerPixel, "SamplesPerPixel", 1, &spp}, {tagBitsPerSample, "BitsPerSample", 1, &bits},
		{tagCompression, "Compression", 1, &comp}, {tagPlanar, "PlanarConfiguration", 1, &planar},
		{tagPredictor, "Predictor", 1, &pred}, {tagSampleFormat, "SampleFormat", 1, &format},
	}
	for _, s := range steps {
		if *s.dst, err = one(s.tag, s.name, s.def); err != nil {
			return nil, err
		}
	}
	if w == 0 || h == 0 || w > maxSide || h > maxSide {
		return nil, bad("ImageWidth/ImageLength", "%d x %d pixels is outside 1..%d", w, h, maxSide)
	}
	if spp != 1 {
		return nil, bad("SamplesPerPixel", "want one band, got %d (extract the population band with gdal_translate -b 1)", spp)
	}
	switch {
	case format == 3 && (bits == 32 || bits == 64):
	case (format == 1 || format == 2) && (bits == 8 || bits == 16 || bits == 32):
	default:
		return nil, bad("SampleFormat/BitsPerSample", "format %d with %d bits is not read (want 8-32 bit integers or 32/64 bit floats)", format, bits)
	}
	switch comp {
	case 1, 5, 8, 32946:
	default:
		return nil, bad("Compression", "scheme %d is not read (want none, LZW or Deflate; gdal_translate -co COMPRESS=DEFLATE)", comp)
	}
	if pred != 1 && pred != 2 && pred != 3 || pred == 3 && format != 3 {
		return nil, bad("Predictor", "%d does not go with sample format %d", pred, format)
	}
	g.Width, g.Height, g.bits, g.format, g.compression, g.predictor = int(w), int(h), int(bits), int(format), int(comp), int(pred)
	if tw, ok := d.ints[tagTileWidth]; ok {
		th, ok2 := d.ints[tagTileLength]
		if !ok2 || len(tw) == 0 || len(th) == 0 || tw[0] == 0 || th[0] == 0 || tw[0] > maxSide || th[0] > maxSide {
			return nil, bad("TileWidth/TileLength", "missing or zero")
		}
		g.tiled, g.chunkW, g.chunkH = true, int(tw[0]), int(th[0])
		g.offsets, g.counts = d.ints[tagTileOffsets], d.ints[tagTileByteCounts]
	} else {
		rps, err := one(tagRowsPerStrip, "RowsPerStrip", h)
		if err != nil {
			return nil, err
		}
		g.chunkW, g.chunkH = int(w), int(min(max(rps, 1), h))
		g.offsets, g.counts = d.ints[tagStripOffsets], d.ints[tagStripByteCounts]
	}
	if uint64(g.chunkW)*uint64(g.chunkH)*bits/8 > maxChunkBytes {
		return nil, bad("RowsPerStrip/TileWidth", "one strip or tile of %d x %d pixels is too large", g.chunkW, g.chunkH)
	}
	across, down := (g.Width+g.chunkW-1)/g.chunkW, (g.Height+g.chunkH-1)/g.chunkH
	if !g.tiled {
		across = 1
	}
	if len(g.offsets) != across*down || len(g.counts) != across*down {
		return nil, bad("StripOffsets/TileOffsets", "%d offsets and %d byte counts for %d strips or tiles", len(g.offsets), len(g.counts), across*down)
	}
	if size := sizeOf(r); size >= 0 {
		for k := range g.offsets {
			if g.offsets[k] > uint64(size) || g.counts[k] > uint64(size)-g.offsets[k] {
				return nil, bad("StripOffsets/TileOffsets", "strip or tile %d (%d bytes at byte %d) lies past the end of the file (%d bytes)", k, g.counts[k], g.offsets[k], size)
			}
		}
	}
	if err := g.georef(d, bad); err != nil {
		return nil, err
	}
	if s, ok := d.ascii[tagNoData]; ok {
		s = strings.TrimRight(strings.TrimSpace(s), "\x00")
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, bad("GDAL_NODATA", "%q is not a number", s)
		}
		g.NoData = v
	}
	return g, nil
}

// georef reads the pixel scale, the tie point and the GeoKeys.
func (g *Grid) georef(d *ifd, bad func(string, string, ...any) error) error {
	scale, tie := d.floats[tagPixelScale], d.floats[tagTiepoint]
	if len(scale) < 2 || len(tie) < 6 {
		return bad("ModelPixelScale/ModelTiepoint", "missing: the file is not georeferenced (or uses a transformation matrix, which is not read)")
	}
	if !(scale[0] > 0 && scale[1] > 0) {
		return bad("ModelPixelScale", "pixel size %g x %g must be positive", scale[0], scale[1])
	}
	g.DX, g.DY = scale[0], scale[1]
	g.West, g.North = tie[3]-tie[0]*g.DX, tie[4]+tie[1]*g.DY
	keys := d.ints[tagGeoKeys]
	if len(keys) < 4 {
		return bad("GeoKeyDirectory", "missing: the coordinate system is unknown")
	}
	n := int(keys[3])
	model, geog, raster := uint64(0), uint64(0), uint64(1)
	for k := 0; k < n && 4+4*k+3 < len(keys); k++ {
		id, loc, val := keys[4+4*k], keys[4+4*k+1], keys[4+4*k+3]
		if loc != 0 {
			continue // a value held in another tag
		}
		switch id {
		case 1024:
			model = val
		case 1025:
			raster = val
		case 2048:
			geog = val
		}
	}
	if model != 2 || geog != 4326 {
		return bad("GeoKeyDirectory", "model type %d, geographic type %d: want longitude/latitude WGS-84 (EPSG:4326); reproject first: gdalwarp -t_srs EPSG:4326 in.tif out.tif", model, geog)
	}
	if raster == 2 { // PixelIsPoint: the tie point is a pixel centre
		g.West, g.North = g.West-g.DX/2, g.North+g.DY/2
	}
	if !(g.West >= -180.5 && g.West+g.DX*float64(g.Width) <= 180.5 && g.North <= 90.5 && g.North-g.DY*float64(g.Height) >= -90.5) {
		return bad("ModelTiepoint", "the grid (west %g, north %g, %d x %d pixels of %g x %g degrees) lies outside longitude -180..180, latitude -90..90",
			g.West, g.North, g.Width, g.Height, g.DX, g.DY)
	}
	return nil
}

// sizeOf returns the size of what r reads, or -1 when it cannot tell.
func sizeOf(r io.ReaderAt) int64 {
	switch v := r.(type) {
	case interface{ Size() int64 }:
		return v.Size()
	case *os.File:
		if st, err := v.Stat(); err == nil {
			return st.Size()
		}
	}
	return -1
}
