package raster

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is the value testdata/make.sh wrote at (col, row): NaN where nodata.
func want(col, row int, scale float64) float64 {
	if (col+row)%17 == 0 {
		return math.NaN()
	}
	return float64((7*col+13*row)%50) / 4 * scale
}

var fixtures = []struct {
	file  string
	scale float64 // integer files hold value*4
}{
	{"f32_strips.tif", 1},
	{"f32_deflate_pred3_tiled.tif", 1},
	{"f32_lzw_pred2_big_endian.tif", 1},
	{"f64_deflate_pred3_bigtiff.tif", 1},
	{"i16_lzw_pred2.tif", 4},
	{"i32_deflate_big_endian.tif", 4},
	{"u16_bigtiff_tiled.tif", 4},
	{"u8_lzw.tif", 4},
}

// TestFixtures reads every file GDAL made (testdata/make.sh) whole and
// compares each pixel with the formula it was made from.
func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.file, func(t *testing.T) {
			g, err := Open(filepath.Join("testdata", f.file))
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			if g.Width != 120 || g.Height != 80 || math.Abs(g.West-112) > 1e-9 || math.Abs(g.North-28.5) > 1e-9 ||
				math.Abs(g.DX-0.01) > 1e-12 || math.Abs(g.DY-0.01) > 1e-12 {
				t.Fatalf("grid %d x %d from %g, %g by %g x %g; want 120 x 80 from 112, 28.5 by 0.01", g.Width, g.Height, g.West, g.North, g.DX, g.DY)
			}
			w, err := g.ReadWindow(0, 0, g.Width, g.Height)
			if err != nil {
				t.Fatal(err)
			}
			bad := 0
			for r := 0; r < 80; r++ {
				for c := 0; c < 120; c++ {
					got, exp := w.Values[r*120+c], want(c, r, f.scale)
					if !(got == exp || math.IsNaN(got) && math.IsNaN(exp)) {
						if bad++; bad < 5 {
							t.Errorf("pixel (%d, %d) = %v, want %v", c, r, got, exp)
						}
					}
				}
			}
		})
	}
}

// TestWindow reads blocks that cut across strips and tiles and checks them
// against the same pixels read whole.
func TestWindow(t *testing.T) {
	for _, f := range fixtures {
		g, err := Open(filepath.Join("testdata", f.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range [][4]int{{30, 10, 75, 47}, {0, 0, 1, 1}, {119, 79, 120, 80}, {47, 31, 49, 80}, {5, 5, 5, 9}} {
			w, err := g.ReadWindow(b[0], b[1], b[2], b[3])
			if err != nil {
				t.Fatalf("%s %v: %v", f.file, b, err)
			}
			for r := 0; r < w.Rows; r++ {
				for c := 0; c < w.Cols; c++ {
					got, exp := w.Values[r*w.Cols+c], want(b[0]+c, b[1]+r, f.scale)
					if !(got == exp || math.IsNaN(got) && math.IsNaN(exp)) {
						t.Fatalf("%s window %v: pixel (%d, %d) = %v, want %v", f.file, b, b[0]+c, b[1]+r, got, exp)
					}
				}
			}
		}
		g.Close()
	}
}

func TestPixelWindow(t *testing.T) {
	g, err := Open("testdata/f32_strips.tif")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	c0, r0, c1, r1 := g.PixelWindow(112.105, 28.0, 112.2, 28.4)
	if c0 != 10 || c1 != 20 || r0 != 10 || r1 != 50 {
		t.Errorf("window %d..%d x %d..%d, want 10..20 x 10..50", c0, c1, r0, r1)
	}
	if c0, _, c1, _ := g.PixelWindow(100, 0, 101, 1); c0 != c1 {
		t.Errorf("a box west of the grid gave columns %d..%d", c0, c1)
	}
	lon, lat := g.Centre(0, 0)
	if math.Abs(lon-112.005) > 1e-12 || math.Abs(lat-28.495) > 1e-12 {
		t.Errorf("centre of pixel 0,0 = %v, %v", lon, lat)
	}
}

// TestBadFiles: a projected grid, truncated and random files give errors
// that name the file; none panics.
func TestBadFiles(t *testing.T) {
	_, err := Open("testdata/mercator.tif")
	if err == nil || !strings.Contains(err.Error(), "EPSG:4326") || !strings.Contains(err.Error(), "mercator.tif") {
		t.Errorf("mercator: %v", err)
	}
	raw, err := os.ReadFile("testdata/f32_deflate_pred3_tiled.tif")
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": raw[:len(raw)/2],
		"header":    raw[:300],
		"random":    bytes.Repeat([]byte{0x49, 0x49, 42, 0, 8, 0, 0, 0, 0xff}, 100),
	} {
		g, err := Read(bytes.NewReader(b), name+".tif")
		if err == nil {
			_, err = g.ReadWindow(0, 0, g.Width, g.Height)
		}
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.Contains(err.Error(), name+".tif") {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
	if _, err := Open("testdata/missing.tif"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzRead: no file makes the reader panic or ask for unbounded memory.
func FuzzRead(f *testing.F) {
	for _, fx := range fixtures {
		raw, err := os.ReadFile(filepath.Join("testdata", fx.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := Read(bytes.NewReader(b), "fuzz.tif")
		if err != nil {
			return
		}
		if g.Width*g.Height <= 1<<16 {
			g.ReadWindow(0, 0, g.Width, g.Height)
		}
	})
}
