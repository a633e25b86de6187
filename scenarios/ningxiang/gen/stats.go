package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// summary holds the figures the README reports (and the tests check).
type summary struct {
	Townships, Subdistricts, Towns, TownshipsXiang int
	VillageUnits, Villages, Communities            int
	DemandPoints, Blocks, Hamlets                  int
	Population, UrbanPopulation                    int
	AreaKm2, UrbanAreaKm2                          float64
	Nodes, Edges, Ways                             int
	TotalKm, OnewayKm, HillKm, OutsideKm           float64
	Classes                                        []classRow
	Tiers                                          []tierRow
	Sites                                          []siteRow
	Ambulances                                     int
	Interchanges                                   []string
	CountyLinks                                    []string
	Alpha                                          float64
}

type classRow struct {
	Class string
	Ways  int
	Km    float64
}

type tierRow struct {
	Tier     string
	Count    int
	Receives int
}

type siteRow struct {
	ID, Name, NameEn, Tier, Township, Vehicle string
	Ambulances                                int
	Caps                                      string
}

func stats(w *world) *summary {
	s := &summary{Alpha: w.Alpha}
	for _, t := range w.T {
		s.Townships++
		switch t.Kind {
		case "subdistrict":
			s.Subdistricts++
		case "town":
			s.Towns++
		default:
			s.TownshipsXiang++
		}
		s.Population += t.Pop
		a := area(t.Poly) / 1e6
		s.AreaKm2 += a
		if t.Urban {
			s.UrbanPopulation += t.Pop
			s.UrbanAreaKm2 += a
		}
		for _, v := range t.Villages {
			s.VillageUnits++
			if v.Community {
				s.Communities++
			} else {
				s.Villages++
			}
			for _, d := range v.Points {
				s.DemandPoints++
				if d.Block {
					s.Blocks++
				} else {
					s.Hamlets++
				}
			}
		}
	}
	n := w.Net
	nodes := map[int32]bool{}
	edges := map[[2]int32]bool{}
	km := map[string]*classRow{}
	for _, wy := range n.W {
		s.Ways++
		r := km[wy.T.Highway]
		if r == nil {
			r = &classRow{Class: wy.T.Highway}
			km[wy.T.Highway] = r
		}
		r.Ways++
		for i, id := range wy.N {
			nodes[id] = true
			if i == 0 {
				continue
			}
			a, b := wy.N[i-1], id
			edges[[2]int32{min(a, b), max(a, b)}] = true
			l := n.P[a].dist(n.P[b]) / 1000
			r.Km += l
			s.TotalKm += l
			if wy.T.Oneway {
				s.OnewayKm += l
			}
			if wy.T.Hill {
				s.HillKm += l
			}
			if !inPoly(w.Outline, lerp(n.P[a], n.P[b], 0.5)) {
				s.OutsideKm += l
			}
		}
	}
	s.Nodes, s.Edges = len(nodes), len(edges)
	for _, r := range km {
		s.Classes = append(s.Classes, *r)
	}
	sort.Slice(s.Classes, func(i, j int) bool { return classRank[s.Classes[i].Class] < classRank[s.Classes[j].Class] })
	tiers := map[string]*tierRow{}
	order := []string{"station", "county_hospital", "sub_centre", "township_centre", "community_centre", "village_clinic"}
	for _, t := range order {
		tiers[t] = &tierRow{Tier: t}
	}
	for _, f := range w.Plan.F {
		tiers[f.Tier].Count++
		if f.Receives {
			tiers[f.Tier].Receives++
		}
		s.Ambulances += f.Ambulances
		if f.Ambulances > 0 {
			s.Sites = append(s.Sites, siteRow{ID: f.ID, Name: f.Name, NameEn: f.NameEn, Tier: f.Tier, Township: f.T.NameEn,
				Vehicle: f.Vehicle, Ambulances: f.Ambulances, Caps: strings.Join(f.Caps, ", ")})
		}
	}
	for _, t := range order {
		s.Tiers = append(s.Tiers, *tiers[t])
	}
	for _, r := range w.B.ramps {
		s.Interchanges = append(s.Interchanges, w.byCode(r.Town).Pinyin+" ("+r.Route+")")
	}
	for _, l := range w.CountyLinks {
		s.CountyLinks = append(s.CountyLinks, w.byCode(l[0]).Pinyin+"–"+w.byCode(l[1]).Pinyin)
	}
	return s
}

func fmtKm(v float64) string  { return fmt.Sprintf("%.1f", v) }
func fmtInt(v int) string     { return groupDigits(v) }
func fmtMin(v float64) string { return fmt.Sprintf("%.0f", math.Round(v)) }

// groupDigits writes 1263332 as 1,263,332.
func groupDigits(v int) string {
	s := fmt.Sprint(v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
