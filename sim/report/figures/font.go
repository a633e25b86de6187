package figures

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
)

// ErrNoCJKFont is returned by FindFont when no CJK font is installed in the
// places it searches.
var ErrNoCJKFont = errors.New("figures: no CJK font found")

// Font is a CJK-capable font registered with gonum/plot's font cache
// (font.DefaultCache) under its own typeface, so every text element of a
// figure drawn with it uses it.
type Font struct {
	Path     string        // the file it was read from
	Family   string        // the family name inside the file, e.g. "Noto Sans CJK SC"
	Typeface font.Typeface // the name it is registered under in font.DefaultCache
	bold     bool          // a bold face was registered too
}

// fontCandidates lists the files FindFont tries, in order, per OS.
var fontCandidates = map[string][]string{
	"linux": {
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
		"/usr/share/fonts/noto-cjk/NotoSansCJKsc-Regular.otf",
		"/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Regular.ttc",
		"/usr/share/fonts/adobe-source-han-sans/SourceHanSans-Regular.ttc",
		"/usr/share/fonts/adobe-source-han-sans/SourceHanSansCN-Regular.otf",
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
		"/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/truetype/arphic/uming.ttc",
		"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	},
	"darwin": {
		"/System/Library/Fonts/PingFang.ttc",
		"/System/Library/Fonts/STHeiti Light.ttc",
		"/System/Library/Fonts/Hiragino Sans GB.ttc",
		"/Library/Fonts/Arial Unicode.ttf",
		"/Library/Fonts/NotoSansCJK-Regular.ttc",
	},
	"windows": {
		`C:\Windows\Fonts\msyh.ttc`,
		`C:\Windows\Fonts\msyh.ttf`,
		`C:\Windows\Fonts\simhei.ttf`,
		`C:\Windows\Fonts\simsun.ttc`,
		`C:\Windows\Fonts\NotoSansSC-VF.ttf`,
	},
}

// userFontDirs are searched (one level deep) for files whose names match
// a known CJK family, after the fixed candidates.
func userFontDirs() []string {
	var dirs []string
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts"),
			filepath.Join(home, "Library", "Fonts"))
	}
	if runtime.GOOS == "linux" {
		dirs = append(dirs, "/usr/share/fonts/opentype/noto", "/usr/local/share/fonts")
	}
	return dirs
}

var cjkNameHints = []string{"notosanscjk", "notosanssc", "sourcehansans", "wqy", "droidsansfallback", "msyh", "pingfang"}

// FindFont returns the path of the first CJK font found in the usual system
// places (Linux, macOS and Windows paths, then the user's font folders), or
// ErrNoCJKFont.
func FindFont() (string, error) {
	for _, p := range fontCandidates[runtime.GOOS] {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	for _, d := range userFontDirs() {
		ents, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range ents { // ReadDir sorts by name: deterministic
			n := strings.ToLower(e.Name())
			ext := filepath.Ext(n)
			if ext != ".ttc" && ext != ".ttf" && ext != ".otf" {
				continue
			}
			for _, h := range cjkNameHints {
				if strings.Contains(n, h) && !strings.Contains(n, "bold") {
					return filepath.Join(d, e.Name()), nil
				}
			}
		}
	}
	return "", ErrNoCJKFont
}

var (
	loadMu sync.Mutex
	loaded = map[string]*Font{}
)

// LoadFont reads an OpenType/TrueType font or collection (.otf, .ttf, .ttc)
// that can draw Chinese, registers it with font.DefaultCache and returns it.
// In a collection it prefers the Simplified Chinese face (family name with
// "SC", "GB" or "CN"), else the first face with Chinese glyphs. If a bold
// sibling file exists (…-Regular.… -> …-Bold.…) it is registered as the
// bold weight, used for titles. Loading the same path twice returns the
// same *Font.
func LoadFont(path string) (*Font, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	if f, ok := loaded[path]; ok {
		return f, nil
	}
	face, family, err := readCJKFace(path)
	if err != nil {
		return nil, err
	}
	f := &Font{Path: path, Family: family, Typeface: font.Typeface("sim-cjk:" + path)}
	coll := font.Collection{{Font: font.Font{Typeface: f.Typeface}, Face: face}}
	if bp := boldSibling(path); bp != "" {
		if bface, _, err := readCJKFace(bp); err == nil {
			coll = append(coll, font.Face{Font: font.Font{Typeface: f.Typeface, Weight: xfont.WeightBold}, Face: bface})
			f.bold = true
		}
	}
	font.DefaultCache.Add(coll)
	loaded[path] = f
	return f, nil
}

func boldSibling(path string) string {
	for _, r := range [][2]string{{"-Regular", "-Bold"}, {"-regular", "-bold"}} {
		if strings.Contains(path, r[0]) {
			b := strings.Replace(path, r[0], r[1], 1)
			if _, err := os.Stat(b); err == nil {
				return b
			}
		}
	}
	return ""
}

// readCJKFace parses path and picks the face to use.
func readCJKFace(path string) (*opentype.Font, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("figures: font: %w", err)
	}
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, "", fmt.Errorf("figures: font %s: %w", path, err)
	}
	var buf sfnt.Buffer
	best, bestScore, bestName := -1, -1, ""
	for i := 0; i < coll.NumFonts(); i++ {
		f, err := coll.Font(i)
		if err != nil {
			continue
		}
		if g, err := f.GlyphIndex(&buf, '县'); err != nil || g == 0 {
			continue
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		score := 1
		up := strings.ToUpper(name)
		if strings.Contains(up, " SC") || strings.Contains(up, "GB") || strings.Contains(up, " CN") || strings.HasSuffix(up, "SC") {
			score += 2
		}
		if strings.Contains(up, "MONO") {
			score--
		}
		if score > bestScore {
			best, bestScore, bestName = i, score, name
		}
	}
	if best < 0 {
		return nil, "", fmt.Errorf("figures: font %s has no Chinese glyphs", path)
	}
	f, _ := coll.Font(best)
	return f, bestName, nil
}

// ResolveFont returns the font to draw with: the file given (an error if it
// cannot be read or has no Chinese glyphs), else the first one FindFont
// finds. When none is found it returns a nil *Font and a warning for the
// user (say it once); figures drawn with a nil Font use Latin names.
func ResolveFont(file string) (f *Font, warning string, err error) {
	if file != "" {
		f, err = LoadFont(file)
		return f, "", err
	}
	p, err := FindFont()
	if err != nil {
		return nil, "no CJK font found (tried Noto Sans CJK, Source Han Sans, WenQuanYi, Droid Sans Fallback): " +
			"figures use Latin names (name_en). Install one, e.g. `apt-get install fonts-noto-cjk`, or pass --font FILE", nil
	}
	f, err = LoadFont(p)
	if err != nil {
		return nil, fmt.Sprintf("CJK font %s could not be used (%v): figures use Latin names (name_en)", p, err), nil
	}
	return f, "", nil
}
