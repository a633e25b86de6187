package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
)

// Writers: hand-made so that key order and float formatting are fixed.

func f7(v float64) string { return strconv.FormatFloat(v, 'f', 7, 64) }
func f6(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }
func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func coord7(p pt) string {
	lon, lat := unproject(p)
	return "[" + f7(lon) + "," + f7(lat) + "]"
}

func coord6(p pt) string {
	lon, lat := unproject(p)
	return "[" + f6(lon) + "," + f6(lat) + "]"
}

// kv is one property; V is written with encoding/json unless Raw is set.
type kv struct {
	K   string
	V   any
	Raw string
}

func props(b *bytes.Buffer, ps []kv) {
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.K)
		b.Write(k)
		b.WriteByte(':')
		if p.Raw != "" {
			b.WriteString(p.Raw)
			continue
		}
		v, err := json.Marshal(p.V)
		if err != nil {
			panic(err) // only plain values are written
		}
		b.Write(v)
	}
	b.WriteByte('}')
}

// featureCollection writes one feature per line, with optional foreign members first.
type fcWriter struct {
	b     bytes.Buffer
	count int
}

func newFC(members []kv) *fcWriter {
	w := &fcWriter{}
	w.b.WriteString(`{"type":"FeatureCollection"`)
	for _, m := range members {
		k, _ := json.Marshal(m.K)
		w.b.WriteByte(',')
		w.b.Write(k)
		w.b.WriteByte(':')
		if m.Raw != "" {
			w.b.WriteString(m.Raw)
		} else {
			v, _ := json.Marshal(m.V)
			w.b.Write(v)
		}
	}
	w.b.WriteString(`,"features":[`)
	return w
}

func (w *fcWriter) feature(geom string, ps []kv) {
	if w.count > 0 {
		w.b.WriteByte(',')
	}
	w.count++
	w.b.WriteString("\n{\"type\":\"Feature\",\"properties\":")
	props(&w.b, ps)
	w.b.WriteString(`,"geometry":`)
	w.b.WriteString(geom)
	w.b.WriteByte('}')
}

func (w *fcWriter) bytes() []byte {
	w.b.WriteString("\n]}\n")
	return w.b.Bytes()
}

func pointGeom(p pt) string { return `{"type":"Point","coordinates":` + coord7(p) + `}` }

func lineGeom(ps []pt) string {
	var b bytes.Buffer
	b.WriteString(`{"type":"LineString","coordinates":[`)
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(coord7(p))
	}
	b.WriteString("]}")
	return b.String()
}

// polyGeom writes a ring (CCW, closed on output) with 6 decimals.
func polyGeom(ring []pt) string {
	var b bytes.Buffer
	b.WriteString(`{"type":"Polygon","coordinates":[[`)
	for i, p := range ring {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(coord6(p))
	}
	b.WriteByte(',')
	b.WriteString(coord6(ring[0]))
	b.WriteString("]]}")
	return b.String()
}

func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // writing to a bytes.Buffer cannot fail
	return b.Bytes()
}
