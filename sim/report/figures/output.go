package figures

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Format is an output file format.
type Format int

// The output formats.
const (
	PNG Format = iota
	SVG
	PDF
)

// Formats lists every format, in the order a caller usually writes them.
var Formats = []Format{PNG, SVG, PDF}

func (f Format) String() string {
	switch f {
	case PNG:
		return "png"
	case SVG:
		return "svg"
	case PDF:
		return "pdf"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Ext returns the file extension with its dot (".png").
func (f Format) Ext() string { return "." + f.String() }

// ParseFormat returns the Format named s ("png", "svg" or "pdf", any case).
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(strings.TrimPrefix(s, "."), f.String()) {
			return f, nil
		}
	}
	return 0, fmt.Errorf("figures: unknown format %q (want png, svg or pdf)", s)
}

// Figure is a drawn figure, ready to be written in any Format.
type Figure struct {
	w, h vg.Length
	dpi  int
	draw func(c canvas)
	t    theme
}

// Size returns the figure's width and height.
func (f *Figure) Size() (w, h vg.Length) { return f.w, f.h }

// DPI returns the resolution of the PNG (and of the raster in the PDF).
func (f *Figure) DPI() int { return f.dpi }

// PixelSize returns the PNG's width and height in pixels: the size in
// inches times the DPI, rounded to the nearest pixel (as vgimg does).
func (f *Figure) PixelSize() (w, h int) {
	px := func(l vg.Length) int { return int(float64(l/vg.Inch)*float64(f.dpi) + 0.5) }
	return px(f.w), px(f.h)
}

// Write writes the figure to w in format. PDF pages carry the figure
// rasterised at the figure's DPI (see the package doc). A failure inside the
// drawing backends is returned as an error, never a panic.
func (f *Figure) Write(w io.Writer, format Format) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("figures: drawing %s failed: %v", format, r)
		}
	}()
	switch format {
	case PNG:
		c := f.raster()
		_, err = vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	case SVG:
		c := vgsvg.New(f.w, f.h)
		f.render(c)
		_, err = c.WriteTo(w)
	case PDF:
		img := f.raster().Image()
		c := vgpdf.New(f.w, f.h)
		c.DrawImage(vg.Rectangle{Max: vg.Point{X: f.w, Y: f.h}}, img)
		_, err = c.WriteTo(w)
	default:
		err = fmt.Errorf("figures: unknown format %v", format)
	}
	return err
}

func (f *Figure) raster() *vgimg.Canvas {
	c := vgimg.NewWith(vgimg.UseWH(f.w, f.h), vgimg.UseDPI(f.dpi), vgimg.UseBackgroundColor(color.White))
	f.render(c)
	return c
}

func (f *Figure) render(vc vg.CanvasSizer) {
	dc := draw.New(vc)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	f.draw(canvas{Canvas: dc, t: f.t})
}
