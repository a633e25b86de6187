package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sim run writes every figure in three formats and a self-contained report;
// sim report redraws them from the files alone and leaves the data as it was.
func TestFiguresAndReport(t *testing.T) {
	dir := copyTiny(t)
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "run", filepath.Join(dir, "tiny.yaml"), "--out", out, "--replications", "3", "--days", "30", "--dpi", "72")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	names := []string{"map_coverage", "map_health_circle", "chart_static_townships", "chart_response_cdf", "chart_response_hist",
		"map_compliance", "chart_township_compliance", "map_utilisation", "chart_utilisation", "chart_hourly", "chart_treatment"}
	for _, n := range names {
		checkPNG(t, filepath.Join(out, "figures", n+".png"))
		checkSVG(t, filepath.Join(out, "figures", n+".svg"))
		checkPDF(t, filepath.Join(out, "figures", n+".pdf"))
	}
	html := checkHTML(t, filepath.Join(out, "report.html"))
	for _, n := range names {
		if !strings.Contains(html, `id="`+n+`"`) {
			t.Errorf("report.html lacks figure %s", n)
		}
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil || !bytes.Contains(md, []byte("](figures/map_coverage.png)")) {
		t.Errorf("report.md does not link the figures: %v", err)
	}

	data := snapshot(t, out, "coverage", "sim")
	code, stdout, stderr := runCLI(t, "report", out, "--lang", "en", "--dpi", "72")
	if code != exitOK {
		t.Fatalf("sim report: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Wrote") {
		t.Errorf("sim report printed %q", stdout)
	}
	if html := checkHTML(t, filepath.Join(out, "report.html")); !strings.Contains(html, "Headline") {
		t.Error("sim report --lang en did not write an English report")
	}
	for name, b := range snapshot(t, out, "coverage", "sim") {
		if !bytes.Equal(b, data[name]) {
			t.Errorf("sim report changed %s", name)
		}
	}
}

// snapshot returns the files under the given subfolders of out.
func snapshot(t *testing.T, out string, subs ...string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, sub := range subs {
		entries, _ := os.ReadDir(filepath.Join(out, sub))
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(out, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			m[sub+"/"+e.Name()] = b
		}
	}
	return m
}

// checkPNG decodes the image and checks that it is not blank: at least 2%
// of its pixels differ from the corner's (background) colour.
func checkPNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b := img.Bounds()
	if b.Dx() < 300 || b.Dy() < 150 {
		t.Errorf("%s: %dx%d pixels", path, b.Dx(), b.Dy())
	}
	bg := img.At(b.Min.X, b.Min.Y)
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.At(x, y) != bg {
				inked++
			}
		}
	}
	if share := float64(inked) / float64(b.Dx()*b.Dy()); share < 0.02 {
		t.Errorf("%s is blank: %.1f%% of pixels drawn", path, 100*share)
	}
}

func checkSVG(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not XML: %v", path, err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("%s: root element %q", path, root)
	}
}

func checkPDF(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-32):], []byte("%%EOF")) {
		t.Errorf("%s lacks the PDF header or trailer", path)
	}
}

// checkHTML parses the report as XML (it is written well-formed) and checks
// that it refers to nothing outside itself: every src and href is a data
// URI or a fragment.
func checkHTML(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(b, []byte("<!DOCTYPE html>"))))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed: %v", path, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if (a.Name.Local == "src" || a.Name.Local == "href") && !strings.HasPrefix(a.Value, "data:") && !strings.HasPrefix(a.Value, "#") {
					t.Errorf("%s refers to %q", path, a.Value)
				}
			}
		}
	}
	if regexp.MustCompile(`url\(|@import|https?://`).Match(b) {
		t.Errorf("%s loads something from outside", path)
	}
	return string(b)
}
