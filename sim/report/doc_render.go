package report

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// htmlPage is the report as one self-contained file: styles inline,
// figures embedded as data URIs, no external request of any kind. It is
// also well-formed XML (every element closed).
var htmlPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"img": func(png []byte) template.URL {
		return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	},
	"align": func(g Grid, i int) string {
		if i < len(g.Num) && g.Num[i] {
			return "num"
		}
		return ""
	},
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.sub { color: #555; margin-top: 0; }
.note { background: #fff4e5; border-left: 4px solid #e67e22; padding: 0.5em 1em; margin: 0.5em 0; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 1.5em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
.manifest td { font-family: monospace; font-size: 0.85em; word-break: break-all; }
.source { color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="sub">{{.Subtitle}}</p>
{{range .Notes}}<p class="note">{{.}}</p>
{{end}}<h2>{{if eq .Lang "en"}}Headline{{else}}主要指标{{end}}</h2>
{{template "grid" .Headline}}
<ul>
{{range .Findings}}<li>{{.}}</li>
{{end}}</ul>
<h2>{{if eq .Lang "en"}}Figures{{else}}图{{end}}</h2>
{{range .Figures}}<figure id="{{.Name}}"><img src="{{img .PNG}}" alt="{{.Caption}}"/><figcaption>{{.Caption}} ({{.Name}})</figcaption></figure>
{{end}}{{range .Sections}}<h2>{{.Title}}</h2>
{{range .Text}}<p>{{.}}</p>
{{end}}{{template "grid" .Table}}
{{end}}<h2>{{if eq .Lang "en"}}Manifest{{else}}运行信息{{end}}</h2>
<table class="manifest">
{{range .Manifest}}<tr><th>{{index . 0}}</th><td>{{index . 1}}</td></tr>
{{end}}</table>
<p class="source">{{.Source}}</p>
</body>
</html>
{{define "grid"}}<table>
<thead><tr>{{range $i, $h := .Head}}<th class="{{align $ $i}}">{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}<td class="{{align $ $i}}">{{$c}}</td>{{end}}</tr>
{{end}}</tbody>
</table>{{end}}`))

// WriteHTML writes the report as one self-contained HTML file.
func (doc *Doc) WriteHTML(w io.Writer) error { return htmlPage.Execute(w, doc) }

// WriteMarkdown writes the report as Markdown for pasting into documents;
// figures are linked from figures/.
func (doc *Doc) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", doc.Title, doc.Subtitle)
	for _, n := range doc.Notes {
		fmt.Fprintf(&b, "> %s\n\n", n)
	}
	mdGrid(&b, doc.Headline)
	for _, f := range doc.Findings {
		fmt.Fprintf(&b, "- %s\n", f)
	}
	b.WriteString("\n")
	for _, f := range doc.Figures {
		fmt.Fprintf(&b, "![%s](figures/%s.png)\n\n*%s*\n\n", f.Caption, f.Name, f.Caption)
	}
	for _, s := range doc.Sections {
		fmt.Fprintf(&b, "## %s\n\n", s.Title)
		for _, t := range s.Text {
			fmt.Fprintf(&b, "%s\n\n", t)
		}
		mdGrid(&b, s.Table)
	}
	fmt.Fprintf(&b, "## %s\n\n", tr(doc.Lang, "运行信息", "Manifest"))
	mdGrid(&b, Grid{Head: []string{"", ""}, Rows: manifestRows(doc.Manifest)})
	fmt.Fprintf(&b, "%s\n", doc.Source)
	_, err := io.WriteString(w, b.String())
	return err
}

func manifestRows(m [][2]string) [][]string {
	rows := make([][]string, len(m))
	for i, kv := range m {
		rows[i] = []string{kv[0], "`" + kv[1] + "`"}
	}
	return rows
}

func mdGrid(b *strings.Builder, g Grid) {
	esc := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	b.WriteString("|")
	for _, h := range g.Head {
		b.WriteString(" " + esc(h) + " |")
	}
	b.WriteString("\n|")
	for i := range g.Head {
		if i < len(g.Num) && g.Num[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range g.Rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + esc(c) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}
