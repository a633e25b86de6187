package report

import (
	"fmt"
	"io"
)

// WriteReport writes report.html (self-contained: the figures' PNGs are
// embedded) and report.md (figures linked) into the staging folder, and
// manifest.txt, which `sim report` reads to find the scenario again. The
// figures must have been rendered into the staging folder as PNG.
func WriteReport(stg *Staging, d *RunData, figs []Fig, o ReportOptions) error {
	var dfs []DocFigure
	for _, f := range figs {
		png, err := stg.Read("figures/" + f.Name + ".png")
		if err != nil {
			return fmt.Errorf("report: figure %s: %w", f.Name, err)
		}
		dfs = append(dfs, DocFigure{Name: f.Name, Caption: f.Title, PNG: png})
	}
	doc := NewDoc(d, dfs, o)
	if err := stg.Write("report.html", doc.WriteHTML); err != nil {
		return err
	}
	if err := stg.Write("report.md", doc.WriteMarkdown); err != nil {
		return err
	}
	return stg.Write("manifest.txt", func(w io.Writer) error {
		for _, kv := range [][2]string{{"scenario", o.Scenario}, {"version", o.Version}, {"made", o.Created.Format("2006-01-02T15:04:05Z07:00")}} {
			if _, err := fmt.Fprintf(w, "%s: %s\n", kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
}
