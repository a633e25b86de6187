package figures

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/vg"
)

// drawText renders s at 36 pt and returns the image.
func drawText(t *testing.T, o Options, s string) image.Image {
	t.Helper()
	th := o.theme()
	f := &Figure{w: 12 * vg.Centimeter, h: 2.5 * vg.Centimeter, dpi: 100, t: th}
	f.draw = func(c canvas) { c.text(vg.Point{X: 10, Y: 20}, s, th.font(36), colBlack, 0, 0) }
	var buf bytes.Buffer
	if err := f.Write(&buf, PNG); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func inkPixels(img image.Image) int {
	b := img.Bounds()
	return int(inkShare(img) * float64(b.Dx()*b.Dy()))
}

// differing counts the pixels where a and b differ markedly.
func differing(a, b image.Image) int {
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ra, _, _, _ := a.At(x, y).RGBA()
			rb, _, _, _ := b.At(x, y).RGBA()
			if d := int(ra) - int(rb); d > 0x4000 || d < -0x4000 {
				n++
			}
		}
	}
	return n
}

// TestCJKGlyphsDrawn draws Chinese with a font found on this machine and
// checks that real glyphs came out, not tofu boxes.
func TestCJKGlyphsDrawn(t *testing.T) {
	path, err := FindFont()
	if err != nil {
		t.Skip("no CJK font on this machine (install fonts-noto-cjk): ", err)
	}
	fnt, err := LoadFont(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	o := Options{Font: fnt, Lang: LangZH}
	zh := inkPixels(drawText(t, o, "宁乡急救"))
	latin := inkPixels(drawText(t, o, "Ambu"))
	if zh == 0 || latin == 0 {
		t.Fatalf("no ink: Chinese %d, Latin %d pixels", zh, latin)
	}
	// Same number of characters: CJK glyphs are wider and denser, but of
	// the same order as Latin ones.
	if r := float64(zh) / float64(latin); r < 0.7 || r > 5 {
		t.Errorf("Chinese label has %d ink pixels, Latin %d: ratio %.2f", zh, latin, r)
	}
	// Two different characters draw differently; two characters the font
	// lacks (private use area) both draw its .notdef glyph, identically.
	// The second check shows the first can fail on tofu.
	a, b := drawText(t, o, "宁"), drawText(t, o, "乡")
	if d := differing(a, b); d < inkPixels(a)/4 {
		t.Errorf("宁 and 乡 differ in only %d pixels (of %d inked): tofu?", d, inkPixels(a))
	}
	pa, pb := drawText(t, o, "\ue000"), drawText(t, o, "\ue001")
	if d := differing(pa, pb); d != 0 {
		t.Errorf("two missing glyphs differ in %d pixels; the tofu check is not discriminating", d)
	}
	if fnt.Family == "" {
		t.Error("font family not read")
	}
	// Loading twice gives the same registered font.
	if again, _ := LoadFont(path); again != fnt {
		t.Error("LoadFont registered the font twice")
	}
}

func TestLatinFallback(t *testing.T) {
	th := Options{Lang: LangZH}.theme() // no font: English words, Latin names
	if th.lang != LangEN || th.cjk {
		t.Fatalf("theme without font: lang %v cjk %v", th.lang, th.cjk)
	}
	if got := th.name("宁乡", "Ningxiang"); got != "Ningxiang" {
		t.Errorf("name = %q, want Ningxiang", got)
	}
	if got := th.name("宁乡", ""); got != "" {
		t.Errorf("name without Latin = %q, want none (no boxes)", got)
	}
	if got := th.name("Zürich", ""); got != "Zürich" {
		t.Errorf("Latin name = %q", got)
	}
	if th.tr(wKm) != "km" {
		t.Errorf("word %q", th.tr(wKm))
	}
}

func TestLoadFontErrors(t *testing.T) {
	if _, err := LoadFont(filepath.Join(t.TempDir(), "none.ttc")); err == nil {
		t.Error("missing file accepted")
	}
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFont(bad); err == nil {
		t.Error("garbage accepted as a font")
	}
	if _, _, err := ResolveFont(bad); err == nil {
		t.Error("ResolveFont: an explicit bad file must be an error")
	}
	const latinOnly = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(latinOnly); err == nil {
		if _, err := LoadFont(latinOnly); err == nil {
			t.Error("a font without Chinese glyphs accepted")
		}
	}
}
