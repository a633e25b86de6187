package main

import (
	"fmt"
	"math"
	"sort"
)

// facility is one row of facilities.geojson (fields per the README's scenario reference).
type facility struct {
	ID, Name, NameEn, Tier, Grade string
	Caps                          []string
	Receives                      bool
	Ambulances                    int
	Vehicle                       string
	T                             *township
	Node                          int32
	Note                          string
}

// The "1+6+N" layout and the 42 5G ambulances (README "Facilities").
const (
	subCentreCount      = 6
	subCentreCandidates = 12 // the most populous non-urban towns with a known population
	ambulancesTotal     = 42
	remoteAmbulances    = 8  // one each at the most remote township health centres
	chestPainMinutes    = 40 // a sub-centre this far from the People's Hospital also runs a chest-pain unit
)

var countyAmbulances = map[string]int{"command": 4, "peoples": 6, "tcm": 4, "mch": 2}

const subCentreAmbulances = 3

type facilityPlan struct {
	F           []*facility
	SubCentres  []*township
	Remote      []*township
	MaxMin      float64 // p-center objective: worst drive time to a sub-centre or the People's Hospital, min
	MeanMin     float64 // population-weighted mean of that time, min
	Graph       *graph
	ToPeoples   map[string]float64 // candidate code -> drive minutes to the People's Hospital
	IsCandidate map[string]bool
}

// gridNodeIn returns the grid node nearest p that lies in township t.
func (w *world) gridNodeIn(p pt, t *township) int32 {
	best, bd := int32(-1), math.Inf(1)
	for _, g := range w.Grids {
		for _, k := range g.Keys {
			q := g.Pos[k]
			if d := q.dist(p); d < bd && inPoly(t.Poly, q) {
				best, bd = g.Node[k], d
			}
		}
	}
	return best
}

// coreNodeNear returns the node of the core grid nearest p.
func (w *world) coreNodeNear(p pt) int32 {
	g := w.Grids[0]
	return g.Node[g.nearestKey(p)]
}

func planFacilities(w *world) (*facilityPlan, error) {
	n := w.Net
	g := buildGraph(n)
	plan := &facilityPlan{Graph: g, ToPeoples: map[string]float64{}, IsCandidate: map[string]bool{}}
	yutan := w.byCode(cYutan)
	at := func(dx, dy float64) int32 { return w.coreNodeNear(yutan.Seat.add(pt{dx, dy})) }
	peoples := &facility{Name: "宁乡市人民医院", NameEn: "Ningxiang People's Hospital", Tier: "county_hospital", Grade: "tertiary",
		Caps: []string{"chest_pain", "stroke", "trauma", "maternal", "neonatal"}, Receives: true, Ambulances: countyAmbulances["peoples"],
		Vehicle: "monitoring", T: yutan, Node: at(0, 700), Note: "position assumed: in the seat, 0.7 km north of the Yutan seat point"}
	command := &facility{Name: "宁乡市急救中心", NameEn: "Ningxiang Emergency Centre (120 dispatch)", Tier: "station",
		Ambulances: countyAmbulances["command"], Vehicle: "monitoring", T: yutan, Node: at(300, 700),
		Note: "the '1' of 1+6+N: 120 command and dispatch with its own ambulances, beside the People's Hospital (assumed)"}
	tcm := &facility{Name: "宁乡市中医医院", NameEn: "Ningxiang Hospital of Traditional Chinese Medicine", Tier: "county_hospital", Grade: "tertiary",
		Caps: []string{"stroke", "trauma"}, Receives: true, Ambulances: countyAmbulances["tcm"], Vehicle: "monitoring", T: yutan,
		Node: at(1000, -300), Note: "position assumed: in the seat, 1 km east of the Yutan seat point"}
	mch := &facility{Name: "宁乡市妇幼保健院", NameEn: "Ningxiang Maternal and Child Health Hospital", Tier: "county_hospital", Grade: "secondary",
		Caps: []string{"maternal", "neonatal"}, Receives: true, Ambulances: countyAmbulances["mch"], Vehicle: "neonatal_transport", T: yutan,
		Node: at(-800, 300), Note: "position assumed: in the seat, 0.8 km west of the Yutan seat point; grade assumed"}
	for _, f := range []*facility{command, peoples, tcm, mch} {
		if !inPoly(yutan.Poly, n.P[f.Node]) {
			return nil, fmt.Errorf("gen: %s falls outside Yutan", f.NameEn)
		}
	}
	// Demand nodes and weights.
	pts := sortedPoints(w)
	dn := make([]int32, len(pts))
	for i, d := range pts {
		if id, ok := w.B.pointN[d]; ok {
			dn[i] = id
		} else {
			dn[i] = n.nearestNode(d.P)
		}
	}
	// The node beside each seat where its health centre stands.
	centreNode := map[string]int32{}
	for _, t := range w.T {
		var p pt
		if inCore(t.Seat) {
			p = t.Seat.add(pt{150, -150})
			centreNode[t.Code] = w.coreNodeNear(p)
			continue
		}
		for _, gr := range w.Grids {
			if gr.T == t {
				centreNode[t.Code] = gr.Node[[2]int{1, 0}]
			}
		}
	}
	// Candidates: the most populous non-urban towns.
	var cands []*township
	for _, t := range w.T {
		if !t.Urban && t.Kind == "town" && !t.PopFilled {
			cands = append(cands, t)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Pop > cands[j].Pop })
	cands = cands[:subCentreCandidates]
	sort.Slice(cands, func(i, j int) bool { return cands[i].Code < cands[j].Code })
	tPeople := g.times(peoples.Node)
	tc := make([][]float64, len(cands))
	for i, c := range cands {
		plan.IsCandidate[c.Code] = true
		tc[i] = g.times(centreNode[c.Code])
		plan.ToPeoples[c.Code] = tPeople[centreNode[c.Code]] / 60
	}
	// Exhaustive search over the 924 choices of 6 of 12: minimise the worst
	// demand point's time to the nearest of (People's Hospital, chosen), then
	// the population-weighted mean.
	best := []int(nil)
	bestMax, bestMean := math.Inf(1), math.Inf(1)
	choice := make([]int, subCentreCount)
	var rec func(k, from int)
	totalPop := 0.0
	for _, d := range pts {
		totalPop += float64(d.Pop)
	}
	rec = func(k, from int) {
		if k == subCentreCount {
			mx, sum := 0.0, 0.0
			for i, node := range dn {
				t := tPeople[node]
				for _, c := range choice {
					t = math.Min(t, tc[c][node])
				}
				mx = math.Max(mx, t)
				sum += t * float64(pts[i].Pop)
			}
			mean := sum / totalPop
			if mx < bestMax-1e-9 || (math.Abs(mx-bestMax) <= 1e-9 && mean < bestMean) {
				bestMax, bestMean = mx, mean
				best = append(best[:0], choice...)
			}
			return
		}
		for i := from; i < len(cands); i++ {
			choice[k] = i
			rec(k+1, i+1)
		}
	}
	rec(0, 0)
	plan.MaxMin, plan.MeanMin = bestMax/60, bestMean/60
	isSub := map[string]bool{}
	for _, i := range best {
		plan.SubCentres = append(plan.SubCentres, cands[i])
		isSub[cands[i].Code] = true
	}
	// Remote township centres: one ambulance each, picked one after another
	// as the township seat farthest (drive time) from every base so far.
	bases := []int32{command.Node, peoples.Node, tcm.Node, mch.Node}
	for _, t := range plan.SubCentres {
		bases = append(bases, centreNode[t.Code])
	}
	nearestBase := make([]float64, len(n.P))
	for i := range nearestBase {
		nearestBase[i] = math.Inf(1)
	}
	addBase := func(b int32) {
		for i, t := range g.times(b) {
			nearestBase[i] = math.Min(nearestBase[i], t)
		}
	}
	for _, b := range bases {
		addBase(b)
	}
	hasAmb := map[string]bool{}
	for k := 0; k < remoteAmbulances; k++ {
		var pick *township
		worst := -1.0
		for _, t := range w.T {
			if t.Urban || isSub[t.Code] || hasAmb[t.Code] {
				continue
			}
			if d := nearestBase[w.B.seatNode[t.Code]]; d > worst {
				pick, worst = t, d
			}
		}
		hasAmb[pick.Code] = true
		plan.Remote = append(plan.Remote, pick)
		addBase(centreNode[pick.Code])
	}
	// The list: county level, then one per township in code order, then clinics.
	plan.F = []*facility{command, peoples, tcm, mch}
	for _, t := range w.T {
		f := &facility{T: t, Node: centreNode[t.Code]}
		switch {
		case t.Urban:
			f.Tier, f.Grade = "community_centre", "primary"
			f.Name = t.Name + "社区卫生服务中心"
			f.NameEn = t.NameEn + " Community Health Centre"
			f.Note = "beside the subdistrict seat (assumed)"
		case isSub[t.Code]:
			f.Tier, f.Grade = "sub_centre", "secondary"
			f.Name = t.Name + "中心卫生院（县域医疗次中心）"
			f.NameEn = t.NameEn + " Central Health Centre (county medical sub-centre)"
			f.Caps = []string{"trauma"}
			if plan.ToPeoples[t.Code] > chestPainMinutes {
				f.Caps = append([]string{"chest_pain"}, f.Caps...)
			}
			f.Receives = true
			f.Ambulances = subCentreAmbulances
			f.Vehicle = "monitoring"
			f.Note = fmt.Sprintf("sub-centre chosen by the p-center rule; %.0f min from the People's Hospital", plan.ToPeoples[t.Code])
		default:
			f.Tier, f.Grade = "township_centre", "primary"
			f.Name = t.Name + "卫生院"
			f.NameEn = t.NameEn + " Health Centre"
			f.Note = "beside the township seat (assumed)"
			if hasAmb[t.Code] {
				f.Ambulances = 1
				f.Vehicle = "transport"
				f.Note = "remote township: one ambulance (farthest-first rule); beside the seat (assumed)"
			}
		}
		plan.F = append(plan.F, f)
	}
	for _, t := range w.T {
		for _, v := range t.Villages {
			f := &facility{T: t, Tier: "village_clinic"}
			if id, ok := w.B.pointN[v.Points[0]]; ok && !v.Points[0].Block {
				f.Node = id
			} else {
				f.Node = w.gridNodeIn(v.Centre, t)
			}
			if v.Community {
				f.Name, f.NameEn = v.Name+"卫生服务站", v.NameEn+" health station"
			} else {
				f.Name, f.NameEn = v.Name+"卫生室", v.NameEn+" clinic"
			}
			f.Note = "at the village-level unit's centre (assumed)"
			plan.F = append(plan.F, f)
		}
	}
	total := 0
	for i, f := range plan.F {
		f.ID = fmt.Sprintf("F%04d", i+1)
		total += f.Ambulances
	}
	if total != ambulancesTotal {
		return nil, fmt.Errorf("gen: %d ambulances placed, want %d", total, ambulancesTotal)
	}
	return plan, nil
}

func facilitiesGeoJSON(w *world, plan *facilityPlan) []byte {
	fc := newFC([]kv{{K: "name", V: "宁乡市医疗急救设施（示意） Ningxiang health facilities and ambulance bases, schematic"},
		{K: "source", V: "schematic"}, {K: "note", V: "1+6+N layout and positions assumed by the rules in scenarios/ningxiang/README.md; " + schematicNote}})
	for _, f := range plan.F {
		ps := []kv{{K: "id", V: f.ID}, {K: "name", V: f.Name}, {K: "name_en", V: f.NameEn}, {K: "tier", V: f.Tier}}
		if f.Grade != "" {
			ps = append(ps, kv{K: "grade", V: f.Grade})
		}
		caps := f.Caps
		if caps == nil {
			caps = []string{}
		}
		ps = append(ps, kv{K: "capabilities", V: caps}, kv{K: "receives", V: f.Receives}, kv{K: "ambulances", V: f.Ambulances})
		if f.Ambulances > 0 {
			ps = append(ps, kv{K: "five_g", V: true}, kv{K: "vehicle", V: f.Vehicle})
		}
		ps = append(ps, kv{K: "township_code", V: f.T.Code}, kv{K: "assumed", V: true}, kv{K: "note", V: f.Note})
		fc.feature(pointGeom(w.Net.P[f.Node]), ps)
	}
	return fc.bytes()
}
