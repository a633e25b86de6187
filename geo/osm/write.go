package osm

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
)

// WriteRoads writes the road pieces as a GeoJSON FeatureCollection of
// LineStrings in the form package geo reads: properties "@id" (the OSM way
// id) and, where tagged, highway, maxspeed, oneway, junction, access, name and
// name:en; coordinates exactly as in the file (7 decimals at most).
func (e *Extract) WriteRoads(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	var num []byte
	for i := range e.Roads {
		r := &e.Roads[i]
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n{\"type\":\"Feature\",\"properties\":{\"@id\":")
		bw.WriteString(strconv.FormatInt(r.WayID, 10))
		for _, kv := range [...][2]string{{"highway", r.Highway}, {"maxspeed", r.Maxspeed}, {"oneway", r.Oneway},
			{"junction", r.Junction}, {"access", r.Access}, {"name", r.Name}, {"name:en", r.NameEn}} {
			if kv[1] != "" {
				bw.WriteString(`,"` + kv[0] + `":`)
				writeJSONString(bw, kv[1])
			}
		}
		bw.WriteString(`},"geometry":{"type":"LineString","coordinates":[`)
		for k := r.start; k < r.end; k++ {
			if k > r.start {
				bw.WriteByte(',')
			}
			bw.WriteByte('[')
			num = appendE7(num[:0], e.xy[2*k])
			num = append(num, ',')
			num = appendE7(num, e.xy[2*k+1])
			bw.Write(num)
			bw.WriteByte(']')
		}
		bw.WriteString("]}}")
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// appendE7 appends v/1e7 in decimal, exactly, without trailing zeros.
func appendE7(b []byte, v int32) []byte {
	x := int64(v)
	if x < 0 {
		b = append(b, '-')
		x = -x
	}
	b = strconv.AppendInt(b, x/1e7, 10)
	frac := x % 1e7
	if frac == 0 {
		return b
	}
	var d [7]byte
	for i := 6; i >= 0; i-- {
		d[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 7
	for d[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, d[:n]...)
}

func writeJSONString(w *bufio.Writer, s string) {
	b, _ := json.Marshal(s) // a string always marshals
	w.Write(b)
}

// facilityHeader are the columns of facilities.csv: the first ones are the
// facility fields a scenario reads; the rest say where the row came from.
var facilityHeader = []string{"id", "name", "name_en", "tier", "ambulances", "assumed", "lon", "lat",
	"tier_rule", "osm_type", "osm_id", "amenity", "healthcare", "emergency", "beds", "geometry", "note"}

// WriteFacilities writes fs as CSV (UTF-8, header row) that a scenario's
// facilities.files reads as it is: tier guessed, ambulances 0, assumed true.
func WriteFacilities(w io.Writer, fs []Facility) error {
	cw := csv.NewWriter(w)
	cw.Write(facilityHeader)
	for i := range fs {
		f := &fs[i]
		cw.Write([]string{f.ID(), f.Name, f.NameEn, f.Tier, "0", "true", fmtCoord(f.Point[0]), fmtCoord(f.Point[1]),
			f.TierRule, f.OSMType, strconv.FormatInt(f.OSMID, 10), f.Tags["amenity"], f.Tags["healthcare"],
			f.Tags["emergency"], f.Tags["beds"], f.Geom, "from OpenStreetMap: check the name, tier and ambulances"})
	}
	cw.Flush()
	return cw.Error()
}

// WritePlaces writes the places as CSV (UTF-8, header row); population is
// empty where the file has none.
func WritePlaces(w io.Writer, ps []Place) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "name_en", "place", "population", "lon", "lat", "osm_type", "osm_id"})
	for _, p := range ps {
		pop := ""
		if p.Population >= 0 {
			pop = strconv.Itoa(p.Population)
		}
		cw.Write([]string{"osm-" + p.OSMType[:1] + strconv.FormatInt(p.OSMID, 10), p.Name, p.NameEn, p.Kind, pop,
			fmtCoord(p.Point[0]), fmtCoord(p.Point[1]), p.OSMType, strconv.FormatInt(p.OSMID, 10)})
	}
	cw.Flush()
	return cw.Error()
}

func fmtCoord(v float64) string { return string(appendE7(nil, e7(v))) }

// WriteAreas writes the administrative areas as a GeoJSON FeatureCollection
// of MultiPolygons with the properties a scenario's townships file reads:
// code, name, name_en, and admin_level and osm_id.
func WriteAreas(w io.Writer, areas []Area) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	var num []byte
	for i, a := range areas {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n{\"type\":\"Feature\",\"properties\":{\"code\":")
		writeJSONString(bw, a.Code)
		bw.WriteString(`,"name":`)
		writeJSONString(bw, a.Name)
		bw.WriteString(`,"name_en":`)
		writeJSONString(bw, a.NameEn)
		bw.WriteString(`,"admin_level":`)
		writeJSONString(bw, a.AdminLevel)
		bw.WriteString(`,"osm_id":` + strconv.FormatInt(a.OSMID, 10))
		bw.WriteString(`},"geometry":{"type":"MultiPolygon","coordinates":[`)
		for pi, poly := range a.Geometry {
			if pi > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('[')
			for ri, ring := range poly {
				if ri > 0 {
					bw.WriteByte(',')
				}
				bw.WriteByte('[')
				for k, p := range ring {
					if k > 0 {
						bw.WriteByte(',')
					}
					num = append(appendE7(append(num[:0], '['), e7(p[0])), ',')
					num = append(appendE7(num, e7(p[1])), ']')
					bw.Write(num)
				}
				bw.WriteByte(']')
			}
			bw.WriteByte(']')
		}
		bw.WriteString("]}}")
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}
