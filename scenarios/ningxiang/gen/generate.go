package main

import (
	"fmt"
)

// File is one generated file: its path relative to the repository's
// scenarios/ directory (e.g. "ningxiang/roads.geojson") and its bytes.
type File struct {
	Path string
	Data []byte
}

// world is everything the generator builds, in the local metric plane.
type world struct {
	T           []*township
	Rels        []relation
	Outline     []pt
	Alpha       float64 // disc-radius factor that gives the outline 2,906 km2
	Weights     []float64
	Borders     map[[2]int]float64
	Water       *water
	Grids       []*grid
	Net         *network
	B           *builder
	Plan        *facilityPlan
	CountyLinks [][2]string
	codes       map[string]*township
}

func (w *world) byCode(code string) *township { return w.codes[code] }

// Generate builds the Ningxiang scenario from the embedded facts and returns
// its files in a fixed order. The same build always gives the same bytes.
func Generate() ([]File, error) {
	w, err := build()
	if err != nil {
		return nil, err
	}
	st := stats(w)
	readme, err := readme(w, st)
	if err != nil {
		return nil, err
	}
	return []File{
		{"ningxiang/townships.geojson", townshipsGeoJSON(w)},
		{"ningxiang/zones.geojson", zonesGeoJSON(w)},
		{"ningxiang/villages.csv", villagesCSV(w)},
		{"ningxiang/demand.csv", demandCSV(w)},
		{"ningxiang/roads.geojson", roadsGeoJSON(w)},
		{"ningxiang/facilities.geojson", facilitiesGeoJSON(w, w.Plan)},
		{"ningxiang/water.geojson", waterGeoJSON(w)},
		{"ningxiang/README.md", readme},
	}, nil
}

func build() (*world, error) {
	ts, rels, err := loadFacts()
	if err != nil {
		return nil, err
	}
	w := &world{T: ts, Rels: rels, codes: map[string]*township{}}
	for _, t := range ts {
		w.codes[t.Code] = t
		t.Hill = hillTownships[t.Code]
	}
	fillAreas(ts)
	if err := placeSeats(ts, rels); err != nil {
		return nil, err
	}
	fillPopulations(ts)
	w.Outline, w.Alpha = outline(ts)
	res := makeReservoir()
	var anchors []anchor
	for i, t := range ts {
		if t.Code == cHuangcai {
			for k := 0; k < len(res); k += 4 {
				anchors = append(anchors, anchor{i, res[k]})
			}
		}
	}
	cells, weights := fitPower(w.Outline, ts, anchors)
	w.Weights = weights
	cells, err = wiggleCells(cells)
	if err != nil {
		return nil, err
	}
	for i, t := range ts {
		t.Poly = cells[i]
		if !inPoly(t.Poly, t.Seat) {
			return nil, fmt.Errorf("gen: seat of %s outside its polygon", t.NameEn)
		}
	}
	w.Borders = sharedBorders(cells)
	w.Water = makeWater(w)
	w.Grids = append(w.Grids, coreGrid(w.byCode(cYutan)))
	for _, t := range ts {
		if !inCore(t.Seat) {
			w.Grids = append(w.Grids, townGrid(t))
		}
	}
	for _, g := range w.Grids {
		for _, b := range g.Blocks {
			b.T = w.townshipAt(b.C)
		}
	}
	if err := placeVillages(w); err != nil {
		return nil, err
	}
	w.Net, w.B, err = buildRoads(w)
	if err != nil {
		return nil, err
	}
	w.Plan, err = planFacilities(w)
	if err != nil {
		return nil, err
	}
	return w, nil
}

// townshipAt returns the township whose polygon holds p, or nil.
func (w *world) townshipAt(p pt) *township {
	for _, t := range w.T {
		if inPoly(t.Poly, p) {
			return t
		}
	}
	return nil
}
