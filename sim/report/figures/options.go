package figures

import (
	"image/color"
	"unicode"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Options are the settings shared by every figure.
type Options struct {
	// Lang chooses the fixed words (LangZH or LangEN; "" means LangZH when
	// Font is set, LangEN otherwise). Without a Font, LangEN is used.
	Lang Lang
	// Font draws all text; nil means the Latin font bundled with gonum/plot
	// (and Latin names: NameEn, or Name when it is Latin).
	Font *Font
	// Width is the figure's width (default 16 cm, an A4 text width). For
	// maps it is the largest width: the map follows the data's aspect.
	Width vg.Length
	// MaxHeight bounds a map's height (default 22 cm). Charts are
	// Width x ChartHeight.
	MaxHeight vg.Length
	// ChartHeight is the height of charts (default 9.5 cm).
	ChartHeight vg.Length
	// DPI is the resolution of PNG output and of the raster inside PDF
	// output (default 300, for print).
	DPI int
}

const (
	defaultWidth       = 16 * vg.Centimeter
	defaultMaxHeight   = 22 * vg.Centimeter
	defaultChartHeight = 9.5 * vg.Centimeter
	defaultDPI         = 300
)

// theme is Options resolved: language, fonts and sizes.
type theme struct {
	lang      Lang
	typeface  font.Typeface
	cjk       bool
	bold      bool
	width     vg.Length
	maxHeight vg.Length
	chartH    vg.Length
	dpi       int
}

func (o Options) theme() theme {
	t := theme{width: o.Width, maxHeight: o.MaxHeight, chartH: o.ChartHeight, dpi: o.DPI, lang: o.Lang}
	if t.width <= 0 {
		t.width = defaultWidth
	}
	if t.maxHeight <= 0 {
		t.maxHeight = defaultMaxHeight
	}
	if t.chartH <= 0 {
		t.chartH = defaultChartHeight
	}
	if t.dpi <= 0 {
		t.dpi = defaultDPI
	}
	if o.Font != nil {
		t.typeface, t.cjk, t.bold = o.Font.Typeface, true, o.Font.bold
		if t.lang == "" {
			t.lang = LangZH
		}
	} else {
		t.typeface, t.lang = "Liberation", LangEN
	}
	if t.lang != LangZH {
		t.lang = LangEN
	}
	return t
}

// Text sizes in points, chosen for a 16 cm wide figure printed at 100%.
const (
	sizeTitle    = 12
	sizeSubtitle = 8.5
	sizeLegend   = 7.5
	sizeLabel    = 6.5
	sizeSource   = 6
	sizeTick     = 7.5
	sizeAxis     = 8
)

func (t theme) font(size vg.Length) font.Font {
	f := font.Font{Typeface: t.typeface, Size: size}
	if !t.cjk {
		f.Variant = "Sans"
	}
	return f
}

func (t theme) boldFont(size vg.Length) font.Font {
	f := t.font(size)
	if !t.cjk || t.bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

var textHandler = text.Plain{Fonts: font.DefaultCache}

func (t theme) style(size vg.Length, c color.Color) text.Style {
	return text.Style{Font: t.font(size), Color: c, Handler: textHandler}
}

// textWidth returns the drawn width of s in f.
func textWidth(f font.Font, s string) vg.Length {
	face := font.DefaultCache.Lookup(f, f.Size)
	return face.Width(s)
}

// tr returns the fixed word w in the theme's language.
func (t theme) tr(w word) string { return tr(t.lang, w) }

// name returns the label to print for a place: the Chinese name when the
// language is zh and a CJK font is loaded, else the Latin name, else the
// Chinese name if the font can draw it, else "".
func (t theme) name(zh, en string) string {
	if t.lang == LangZH && t.cjk && zh != "" {
		return zh
	}
	if en != "" {
		return en
	}
	if t.cjk || isLatin(zh) {
		return zh
	}
	return ""
}

// isLatin reports whether the bundled Latin font can draw s.
func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) && !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

// Common colours.
var (
	colBlack   = color.Gray{0x20}
	colText    = color.Gray{0x22}
	colMuted   = color.Gray{0x66}
	colLight   = color.Gray{0xb0}
	colWhite   = color.White
	colFrame   = color.Gray{0x99}
	colStation = color.RGBA{0x1f, 0x3a, 0x93, 0xff}
	colFiveG   = color.RGBA{0x7b, 0x2c, 0xbf, 0xff}
	colWithin  = color.RGBA{0x2c, 0x7f, 0xb8, 0xff}
	colOutside = color.RGBA{0xd9, 0x5f, 0x0e, 0xff}
	colGain    = color.RGBA{0x1a, 0x96, 0x41, 0xff}
	colLoss    = color.RGBA{0xd7, 0x19, 0x1c, 0xff}
)

// canvas draws on dc with the theme (helpers used by every figure).
type canvas struct {
	draw.Canvas
	t theme
}

// text draws s at p with alignment xa (0 left, -0.5 centre, -1 right) and
// ya (0: p is the bottom of the text, -0.5 its middle, -1 its top). The
// vertical placement uses the glyphs' usual extent (baseline 0.15 em above
// the bottom, capitals and CJK ideographs about 0.85 em tall) rather than the
// font's line metrics, which differ a lot between Latin and CJK fonts.
func (c canvas) text(p vg.Point, s string, f font.Font, col color.Color, xa, ya float64) {
	if s == "" {
		return
	}
	face := font.DefaultCache.Lookup(f, f.Size)
	x := p.X + vg.Length(xa)*face.Width(s)
	y := p.Y + f.Size*vg.Length(0.15+ya)
	c.SetColor(col)
	c.FillString(face, vg.Point{X: x, Y: y}, s)
}

// fontSpec is a font with its colour and an indent (legend entries).
type fontSpec struct {
	f      font.Font
	col    color.Color
	indent vg.Length
}
