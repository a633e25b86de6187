package scenario

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// row is one record of an input file with its geometry (WGS-84).
type row struct {
	rec  *record
	geom orb.Geometry // nil when the row has no geometry
}

// readFile reads a whole input file, records it in s.Inputs and returns its
// bytes; a missing or unreadable file is an error at pos naming field.
func (l *loader) readFile(path, role string, pos Pos, field string) ([]byte, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, os.ErrNotExist) {
			msg = "file not found: " + path
		}
		l.ps.Errorf(pos, field, "%s", msg)
		return nil, false
	}
	sum := sha256.Sum256(b)
	l.s.Inputs = append(l.s.Inputs, Input{Role: role, Path: path, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(b))})
	return b, true
}

// readRows reads a GeoJSON FeatureCollection or a CSV file (by extension)
// into rows, converting coordinates from crs to WGS-84.
func (l *loader) readRows(path, role string, crs CRS, pos Pos, field string) []row {
	b, ok := l.readFile(path, role, pos, field)
	if !ok {
		return nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return l.csvRows(path, b, crs)
	default:
		return l.geojsonRows(path, b, crs)
	}
}

func (l *loader) geojsonRows(path string, b []byte, crs CRS) []row {
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		l.ps.Errorf(filePos(path), "", "not valid JSON: %v", err)
		return nil
	}
	if fc.Type != "FeatureCollection" {
		l.ps.Errorf(filePos(path), "type", "must be a GeoJSON FeatureCollection, got type %q", fc.Type)
		return nil
	}
	rows := make([]row, 0, len(fc.Features))
	for i, raw := range fc.Features {
		pos := featurePos(path, i)
		f, err := geojson.UnmarshalFeature(raw)
		if err != nil {
			l.ps.Errorf(pos, "geometry", "not a valid GeoJSON feature: %v", err)
			continue
		}
		r := newRecord(l.ps, pos, "")
		for k, v := range f.Properties {
			r.vals[k] = v
		}
		g := f.Geometry
		if g != nil {
			var bad string
			g = transform(g, func(p orb.Point) orb.Point {
				if bad == "" {
					bad = validLonLat(p)
				}
				return toWGS84(crs, p)
			})
			if bad != "" {
				l.ps.Errorf(pos, "coordinates", "%s", bad)
				continue
			}
		}
		rows = append(rows, row{rec: r, geom: g})
	}
	return rows
}

func (l *loader) csvRows(path string, b []byte, crs CRS) []row {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // Excel's UTF-8 BOM
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		l.ps.Errorf(filePos(path), "", "cannot read the CSV header: %v", err)
		return nil
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(header[i]))
	}
	lonCol, latCol := column(header, "lon", "lng", "longitude", "x"), column(header, "lat", "latitude", "y")
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		pos := linePos(path, line)
		if err != nil {
			l.ps.Errorf(pos, "", "not valid CSV: %v", err)
			return rows
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			l.ps.Errorf(pos, "", "has %d fields, the header has %d", len(rec), len(header))
			continue
		}
		r := newRecord(l.ps, pos, "")
		for i, h := range header {
			r.vals[h] = rec[i]
		}
		var g orb.Geometry
		if lonCol >= 0 && latCol >= 0 {
			r.used[header[lonCol]], r.used[header[latCol]] = true, true
			p, ok := l.csvPoint(r, header[lonCol], header[latCol])
			if !ok {
				continue
			}
			g = toWGS84(crs, p)
		}
		rows = append(rows, row{rec: r, geom: g})
	}
	return rows
}

func (l *loader) csvPoint(r *record, lonKey, latKey string) (orb.Point, bool) {
	n := len(l.ps.List)
	p := orb.Point{r.num(lonKey, 0, between(-180, 180)), r.num(latKey, 0, between(-90, 90))}
	if len(l.ps.List) > n {
		return p, false
	}
	if !r.has(lonKey) || !r.has(latKey) {
		r.errorf(lonKey, "longitude and latitude are required")
		return p, false
	}
	return p, true
}

func column(header []string, names ...string) int {
	for _, n := range names {
		for i, h := range header {
			if h == n {
				return i
			}
		}
	}
	return -1
}

// transform applies f to every point of g.
func transform(g orb.Geometry, f func(orb.Point) orb.Point) orb.Geometry {
	switch g := g.(type) {
	case orb.Point:
		return f(g)
	case orb.MultiPoint:
		for i := range g {
			g[i] = f(g[i])
		}
	case orb.LineString:
		for i := range g {
			g[i] = f(g[i])
		}
	case orb.Ring:
		for i := range g {
			g[i] = f(g[i])
		}
	case orb.Polygon:
		for _, r := range g {
			transform(r, f)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			transform(p, f)
		}
	case orb.MultiLineString:
		for _, ls := range g {
			transform(ls, f)
		}
	case orb.Collection:
		for i := range g {
			g[i] = transform(g[i], f)
		}
	}
	return g
}
