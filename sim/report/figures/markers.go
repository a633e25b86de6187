package figures

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// drawFacilities draws facilities by tier, the lower tiers first so the
// hospitals stay on top, and keeps labels off the larger symbols.
func drawFacilities(c canvas, m *mapLayout, lab *labeler, fs []Facility) {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return styleOf(fs[idx[a]].Tier).rank > styleOf(fs[idx[b]].Tier).rank })
	for _, i := range idx {
		q := m.xy(fs[i].P)
		if !m.inside(q) {
			continue
		}
		c.facility(q, fs[i].Tier)
		if s := styleOf(fs[i].Tier); s.rank <= 2 {
			r := s.r + 0.5
			lab.block(vg.Rectangle{Min: vg.Point{X: q.X - r, Y: q.Y - r}, Max: vg.Point{X: q.X + r, Y: q.Y + r}})
		}
	}
}

// drawStations draws each base with its number of ambulances and a 5G tag.
func drawStations(c canvas, m *mapLayout, lab *labeler, st []Station) {
	for _, s := range st {
		q := m.xy(s.P)
		if !m.inside(q) {
			continue
		}
		lab.block(c.station(q, s.Units, s.FiveG))
	}
}

// markerLegend returns the entries for stations, facility tiers present,
// place labels and ringed villages.
func markerLegend(t theme, st []Station, fs []Facility, ringed, seats bool) []legendItem {
	var out []legendItem
	switch {
	case len(st) > 0:
		out = append(out, header(t.tr(wSites)))
	case len(fs) > 0 || ringed || seats:
		out = append(out, header(t.tr(wFacilities)))
	}
	if len(st) > 0 {
		out = append(out, entry(t.tr(wStation), func(c canvas, p vg.Point) { c.station(p, 2, 0) }))
		five := false
		for _, s := range st {
			five = five || s.FiveG > 0
		}
		if five {
			out = append(out, entry(t.tr(wFiveGUnits), func(c canvas, p vg.Point) { c.station(vg.Point{X: p.X - 2, Y: p.Y - 1.5}, 2, 2) }))
		}
	}
	has := map[Tier]bool{}
	var other []Tier
	for _, f := range fs {
		if _, known := tierNames[f.Tier]; !known && !has[f.Tier] {
			other = append(other, f.Tier)
		}
		has[f.Tier] = true
	}
	for _, tier := range append(append([]Tier(nil), tierOrder...), other...) {
		if has[tier] {
			tier := tier
			out = append(out, entry(t.tierName(tier), func(c canvas, p vg.Point) { c.facility(p, tier) }))
		}
	}
	if seats {
		out = append(out, entry(t.tr(wTownshipSeat), symDot(colBlack, 1.1)))
	}
	if ringed {
		out = append(out, entry(t.tr(wOutsideTarget), symRing(colBlack)))
	}
	return out
}

// pct formats a share as a percentage with one decimal ("93.4%").
func pct(share float64) string {
	if math.IsNaN(share) {
		return "–"
	}
	return strconv.FormatFloat(100*share, 'f', 1, 64) + "%"
}

// pctAuto formats a share as a percentage with one decimal, or none when it
// is whole ("97.7%", "100%").
func pctAuto(share float64) string {
	s := pct(share)
	if strings.HasSuffix(s, ".0%") {
		return strings.TrimSuffix(s, ".0%") + "%"
	}
	return s
}

// thousands formats a count with thousands separators ("1,263,332").
func thousands(v float64) string {
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// sortStable sorts idx by less applied to the values idx holds.
func sortStable(idx []int, less func(a, b int) bool) {
	sort.SliceStable(idx, func(i, j int) bool { return less(idx[i], idx[j]) })
}
