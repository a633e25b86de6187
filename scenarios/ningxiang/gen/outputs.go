package main

import (
	"math"
	"strconv"
)

const schematicNote = "schematic network (示意路网): generated from public facts by scenarios/ningxiang/gen; not the real roads or boundaries"

func roadsGeoJSON(w *world) []byte {
	fc := newFC([]kv{{K: "name", V: "宁乡市示意路网 Ningxiang schematic road network"}, {K: "source", V: "schematic"}, {K: "note", V: schematicNote}})
	for _, wy := range w.Net.W {
		ps := []kv{{K: "highway", V: wy.T.Highway}}
		if wy.T.Name != "" {
			ps = append(ps, kv{K: "name", V: wy.T.Name})
		}
		if wy.T.NameEn != "" {
			ps = append(ps, kv{K: "name:en", V: wy.T.NameEn})
		}
		if wy.T.Ref != "" {
			ps = append(ps, kv{K: "ref", V: wy.T.Ref})
		}
		if wy.T.MaxSpeed > 0 {
			ps = append(ps, kv{K: "maxspeed", V: strconv.Itoa(wy.T.MaxSpeed)})
		}
		if wy.T.Oneway {
			ps = append(ps, kv{K: "oneway", V: "yes"})
		}
		if wy.T.SpeedKmh > 0 {
			ps = append(ps, kv{K: "speed_kmh", Raw: f1(wy.T.SpeedKmh)})
		}
		line := make([]pt, len(wy.N))
		for i, id := range wy.N {
			line[i] = w.Net.P[id]
		}
		fc.feature(lineGeom(line), ps)
	}
	return fc.bytes()
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func townshipsGeoJSON(w *world) []byte {
	fc := newFC([]kv{{K: "name", V: "宁乡市乡镇（街道）示意边界 Ningxiang townships, schematic polygons"}, {K: "source", V: "schematic"}, {K: "note", V: schematicNote}})
	for _, t := range w.T {
		lon, lat := unproject(t.Seat)
		ps := []kv{
			{K: "code", V: t.Code}, {K: "name", V: t.Name}, {K: "name_en", V: t.NameEn}, {K: "kind", V: t.Kind},
			{K: "seat_lon", Raw: f6(lon)}, {K: "seat_lat", Raw: f6(lat)}, {K: "seat_placed", V: !t.SeatKnown},
			{K: "population", V: t.Pop}, {K: "population_source", V: int(t.PopRaw)}, {K: "population_source_year", V: t.PopYear},
			{K: "population_filled", V: t.PopFilled},
			{K: "area_km2", Raw: f1(area(t.Poly) / 1e6)}, {K: "area_km2_facts", Raw: f1(t.AreaTarget)}, {K: "area_filled", V: t.AreaFilled},
			{K: "urban", V: t.Urban}, {K: "hill", V: t.Hill}, {K: "village_units", V: len(t.Villages)},
		}
		fc.feature(polyGeom(t.Poly), ps)
	}
	return fc.bytes()
}

// zonesGeoJSON: the urban area (城区) is the county seat's four subdistricts.
func zonesGeoJSON(w *world) []byte {
	fc := newFC([]kv{{K: "name", V: "宁乡市城区（示意） Ningxiang urban area, schematic"}, {K: "source", V: "schematic"}, {K: "note", V: schematicNote}})
	for _, t := range w.T {
		if t.Urban {
			fc.feature(polyGeom(t.Poly), []kv{{K: "class", V: "urban"}, {K: "name", V: t.Name}, {K: "name_en", V: t.NameEn}, {K: "township_code", V: t.Code}})
		}
	}
	return fc.bytes()
}

func demandCSV(w *world) []byte {
	rows := [][]string{{"id", "name", "name_en", "village_code", "village", "village_en", "township_code", "township", "township_en", "lon", "lat", "population"}}
	for _, d := range sortedPoints(w) {
		v := d.V
		lon, lat := unproject(d.P)
		k := d.ID[len(d.ID)-2:]
		rows = append(rows, []string{d.ID, v.Name + "-" + k, v.NameEn + "-" + k, v.Code, v.Name, v.NameEn, v.T.Code, v.T.Name, v.T.NameEn,
			f7(lon), f7(lat), strconv.Itoa(d.Pop)})
	}
	return csvBytes(rows)
}

func villagesCSV(w *world) []byte {
	rows := [][]string{{"village_code", "village", "official_name", "name_en", "kind", "township_code", "township", "township_en", "lon", "lat", "population", "demand_points", "blocks"}}
	for _, t := range w.T {
		for _, v := range t.Villages {
			lon, lat := unproject(v.Centre)
			kind := "village"
			if v.Community {
				kind = "community"
			}
			blocks := 0
			for _, d := range v.Points {
				if d.Block {
					blocks++
				}
			}
			rows = append(rows, []string{v.Code, v.Name, v.RawName, v.NameEn, kind, t.Code, t.Name, t.NameEn, f7(lon), f7(lat),
				strconv.Itoa(v.Pop), strconv.Itoa(len(v.Points)), strconv.Itoa(blocks)})
		}
	}
	return csvBytes(rows)
}

func waterGeoJSON(w *world) []byte {
	fc := newFC([]kv{{K: "name", V: "宁乡市水系（示意） Ningxiang rivers and Huangcai Reservoir, schematic"}, {K: "source", V: "schematic"}, {K: "note", V: schematicNote}})
	fc.feature(polyGeom(w.Water.Reservoir), []kv{{K: "natural", V: "water"}, {K: "water", V: "reservoir"}, {K: "name", V: "黄材水库"}, {K: "name_en", V: "Huangcai Reservoir"}})
	for _, r := range w.Water.Rivers {
		fc.feature(lineGeom(r.Line), []kv{{K: "waterway", V: "river"}, {K: "name", V: r.Name}, {K: "name_en", V: r.NameEn}})
	}
	return fc.bytes()
}
