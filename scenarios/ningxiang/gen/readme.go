package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"text/template"
)

//go:embed readme.tmpl
var readmeTmpl string

// readmeData is what readme.tmpl prints: every figure comes from the build.
type readmeData struct {
	S          *summary
	W          *world
	Townships  []townRow
	Placed     []placedRow
	Routes     []routeRow
	Outside    []outsideRow
	SubCentres []subRow
	Remote     []string
	Cands      string
	MaxMin     string
	MeanMin    string
	Speeds     []string
	ChestPain  int
}

type townRow struct {
	Code, Name, NameEn, Kind, Seat, PopSource, Pop, Area, AreaPoly, Units, Points, URL string
}

type placedRow struct {
	NameEn, Seat string
	Rels         []string
}

type routeRow struct {
	Name, Class, Stops, Assumed string
}

type outsideRow struct{ Name, Towards, Ext string }

type subRow struct{ NameEn, Pop, ToPeoples, Caps string }

func readme(w *world, s *summary) ([]byte, error) {
	d := readmeData{S: s, W: w}
	points := map[*township]int{}
	for _, t := range w.T {
		for _, v := range t.Villages {
			points[t] += len(v.Points)
		}
	}
	for _, t := range w.T {
		lon, lat := unproject(t.Seat)
		seat := fmt.Sprintf("%.4f, %.4f", lat, lon)
		if !t.SeatKnown {
			seat += " (placed)"
		}
		src := fmt.Sprintf("%s; %s", groupDigits(int(t.PopFact)), t.PopYear)
		if t.PopFilled {
			src = fmt.Sprintf("**%s**; filled: %s", groupDigits(int(t.PopRaw)), strings.TrimPrefix(t.PopRule, "filled: "))
		}
		ar := fmt.Sprintf("%.1f", t.AreaTarget)
		if t.AreaFilled {
			ar = "**" + ar + "** (filled)"
		}
		url := strings.TrimSpace(strings.SplitN(t.SourceURL, " ; ", 2)[0])
		if url == "" {
			url = "(no page found)"
		}
		d.Townships = append(d.Townships, townRow{t.Code, t.Name, t.NameEn, t.Kind, seat, src, groupDigits(t.Pop), ar,
			fmt.Sprintf("%.1f", area(t.Poly)/1e6), fmt.Sprint(len(t.Villages)), fmt.Sprint(points[t]), url})
	}
	for _, t := range w.T {
		if t.SeatKnown {
			continue
		}
		lon, lat := unproject(t.Seat)
		p := placedRow{NameEn: t.NameEn, Seat: fmt.Sprintf("%.4f N, %.4f E", lat, lon)}
		for _, r := range w.Rels {
			if r.Placed == t.Code {
				p.Rels = append(p.Rels, fmt.Sprintf("%s lies %s (%s)", w.byCode(r.Neighbour).Pinyin, r.Dir, r.Page))
			}
		}
		d.Placed = append(d.Placed, p)
	}
	for _, r := range routes {
		var stops []string
		for _, st := range r.Stops {
			switch {
			case st.Out != "":
				stops = append(stops, "→ "+outside[st.Out].Towards)
			case st.Dx != 0 || st.Dy != 0:
				s := fmt.Sprintf("%s (%+.1f, %+.1f km)", w.byCode(st.Seat).Pinyin, st.Dx, st.Dy)
				if st.Interchange {
					s += " interchange"
				}
				stops = append(stops, s)
			default:
				stops = append(stops, w.byCode(st.Seat).Pinyin)
			}
		}
		name := r.NameEn
		if r.Name != "" {
			name = r.Name + " " + r.NameEn
		}
		if r.Ref != "" && r.Ref != r.NameEn {
			name = r.Ref + " " + name
		}
		d.Routes = append(d.Routes, routeRow{name, r.Highway, strings.Join(stops, " · "), r.Assumed})
	}
	var ons []string
	for k := range outside {
		ons = append(ons, k)
	}
	sort.Strings(ons)
	for _, k := range ons {
		o := outside[k]
		d.Outside = append(d.Outside, outsideRow{k, o.Towards, fmt.Sprintf("%.0f", o.Ext)})
	}
	plan := w.Plan
	for _, t := range plan.SubCentres {
		caps := "trauma"
		if plan.ToPeoples[t.Code] > chestPainMinutes {
			caps = "chest_pain, trauma"
			d.ChestPain++
		}
		d.SubCentres = append(d.SubCentres, subRow{t.NameEn, groupDigits(t.Pop), fmt.Sprintf("%.0f", plan.ToPeoples[t.Code]), caps})
	}
	for _, t := range plan.Remote {
		d.Remote = append(d.Remote, t.NameEn)
	}
	d.MaxMin, d.MeanMin = fmt.Sprintf("%.0f", plan.MaxMin), fmt.Sprintf("%.1f", plan.MeanMin)
	var cands []string
	for _, t := range w.T {
		if plan.IsCandidate[t.Code] {
			cands = append(cands, t.Pinyin)
		}
	}
	d.Cands = strings.Join(cands, ", ")
	for _, c := range []string{"tertiary", "unclassified", "residential"} {
		d.Speeds = append(d.Speeds, fmt.Sprintf("%s %d km/h (maxspeed %d)", c, hillSpeeds[c][0], hillSpeeds[c][1]))
	}
	t, err := template.New("readme").Funcs(template.FuncMap{"km": fmtKm, "n": fmtInt}).Parse(readmeTmpl)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
