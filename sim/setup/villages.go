package setup

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"golang.org/x/text/unicode/norm"
)

// Column names a village table may use, Chinese census exports first.
var (
	popColumns  = []string{"population", "常住人口", "人口", "户籍人口", "人口数", "总人口"}
	codeColumns = []string{"village_code", "code", "统计用区划代码", "区划代码", "村代码", "代码"}
	nameColumns = []string{"village", "name", "村名", "村（社区）", "村(社区)", "村委会", "名称", "村"}
	townColumns = []string{"township", "乡镇", "乡镇（街道）", "乡镇(街道)", "街道"}
	tcodColumns = []string{"township_code", "乡镇代码"}
)

// located is a village position from the places or a GIS layer.
type located struct {
	code, name string
	lon, lat   float64
	used       bool
}

// villageJoin says what the join of a village table did.
type villageJoin struct {
	By                 string // "code" or "name"
	Rows, Joined       int
	Unjoined           []unjoined // table rows without a position
	UnusedPlaces       int        // positions no row joined
	JoinedPeople, Lost int        // residents joined, residents of unjoined rows
}

type unjoined struct {
	line            int
	code, name, why string
	population      int
}

func pick(t *table, names []string) string {
	for _, n := range names {
		if _, ok := t.col[n]; ok {
			return n
		}
	}
	return ""
}

// joinVillages reads the village table and joins each row to a position by
// code (when both sides have codes) or by normalised name; rows that find no
// position, or more than one by name, are reported, never guessed.
func joinVillages(c *Config) ([]place, *villageJoin, error) {
	t, err := readTable(c.Villages)
	if err != nil {
		return nil, nil, err
	}
	pc, cc, nc := pick(t, popColumns), pick(t, codeColumns), pick(t, nameColumns)
	tc, tcc := pick(t, townColumns), pick(t, tcodColumns)
	if pc == "" {
		return nil, nil, fmt.Errorf("%s: line 1: no population column (want one of %s)", c.Villages, strings.Join(popColumns, ", "))
	}
	if cc == "" && nc == "" {
		return nil, nil, fmt.Errorf("%s: line 1: no village code or name column (want one of %s, or %s)", c.Villages,
			strings.Join(codeColumns, ", "), strings.Join(nameColumns, ", "))
	}
	locs, err := readLocations(c.VillagePositions)
	if err != nil {
		return nil, nil, err
	}
	byCode, byName := map[string]*located{}, map[string][]*located{}
	for i := range locs {
		l := &locs[i]
		if l.code != "" {
			byCode[l.code] = l
		}
		byName[normName(l.name)] = append(byName[normName(l.name)], l)
	}
	j := &villageJoin{By: "name", Rows: len(t.rows)}
	if cc != "" && len(byCode) > 0 && c.JoinBy != "name" {
		j.By = "code"
	}
	if c.JoinBy == "code" && j.By != "code" {
		return nil, nil, fmt.Errorf("%s: cannot join by code: the table or the positions have no codes", c.Villages)
	}
	var ps []place
	for i := range t.rows {
		line := i + 2
		s := strings.ReplaceAll(t.get(i, pc), ",", "")
		pop, err := strconv.ParseFloat(s, 64)
		if err != nil || pop < 0 || pop > 1e8 || math.IsNaN(pop) {
			return nil, nil, fmt.Errorf("%s: line %d: %s: want a number of residents from 0 to 100,000,000, got %q", c.Villages, line, pc, t.get(i, pc))
		}
		code, name := t.get(i, cc), t.get(i, nc)
		var l *located
		why := ""
		if j.By == "code" {
			if l = byCode[code]; l == nil {
				why = "no position has code " + code
			}
		} else {
			switch m := byName[normName(name)]; len(m) {
			case 0:
				why = "no position has this name"
			case 1:
				l = m[0]
			default:
				why = fmt.Sprintf("%d positions have this name: join by code instead", len(m))
			}
		}
		if l == nil {
			j.Unjoined = append(j.Unjoined, unjoined{line: line, code: code, name: name, why: why, population: int(math.Round(pop))})
			j.Lost += int(math.Round(pop))
			continue
		}
		l.used = true
		id := code
		if id == "" {
			id = fmt.Sprintf("V%04d", len(ps)+1)
		}
		ps = append(ps, place{id: id, name: firstNonEmpty(name, l.name), kind: "village", lon: l.lon, lat: l.lat,
			pop: int(math.Round(pop)), township: t.get(i, tc), townshipCode: t.get(i, tcc)})
		j.Joined++
		j.JoinedPeople += int(math.Round(pop))
	}
	for _, l := range locs {
		if !l.used {
			j.UnusedPlaces++
		}
	}
	if len(ps) == 0 {
		return nil, nil, fmt.Errorf("%s: no row joined a position by %s (%d rows; see the first: %s)", c.Villages, j.By, j.Rows, firstWhy(j))
	}
	return ps, j, nil
}

func firstWhy(j *villageJoin) string {
	if len(j.Unjoined) == 0 {
		return "none"
	}
	u := j.Unjoined[0]
	return fmt.Sprintf("line %d %s %s: %s", u.line, u.code, u.name, u.why)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// normName folds a village name for matching: Unicode NFKC (full-width
// letters and digits become half-width), spaces removed.
func normName(s string) string {
	return strings.Join(strings.Fields(norm.NFKC.String(s)), "")
}

// readLocations reads village positions: a CSV with lon and lat (and code
// or id, and name or village), such as the import's places.csv, or a GeoJSON
// of points or polygons (polygons at their centroid) with code and name
// properties.
func readLocations(path string) ([]located, error) {
	if strings.HasSuffix(strings.ToLower(path), ".geojson") || strings.HasSuffix(strings.ToLower(path), ".json") {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		fc, err := geojson.UnmarshalFeatureCollection(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: not a GeoJSON FeatureCollection: %v", path, err)
		}
		var out []located
		for i, f := range fc.Features {
			var p orb.Point
			switch g := f.Geometry.(type) {
			case orb.Point:
				p = g
			case orb.Polygon, orb.MultiPolygon:
				p, _ = planar.CentroidArea(g)
			default:
				return nil, fmt.Errorf("%s feature %d: geometry: want a Point or a Polygon, got %T", path, i, g)
			}
			out = append(out, located{code: propString(f.Properties, codeColumns), name: propString(f.Properties, nameColumns), lon: p[0], lat: p[1]})
		}
		return out, nil
	}
	t, err := readTable(path, "lon", "lat")
	if err != nil {
		return nil, err
	}
	cc, nc := pick(t, append(codeColumns, "id")), pick(t, nameColumns)
	var out []located
	for i := range t.rows {
		lon, lat, err := t.lonLat(i)
		if err != nil {
			return nil, err
		}
		code := t.get(i, cc)
		if cc == "id" {
			code = ""
		}
		out = append(out, located{code: code, name: t.get(i, nc), lon: lon, lat: lat})
	}
	return out, nil
}

func propString(p geojson.Properties, names []string) string {
	for _, n := range names {
		if v, ok := p[n]; ok && v != nil {
			return strings.TrimSpace(fmt.Sprint(v))
		}
	}
	return ""
}

func writeUnjoined(w io.Writer, us []unjoined) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"line", "code", "name", "population", "why"})
	for _, u := range us {
		cw.Write([]string{strconv.Itoa(u.line), u.code, u.name, strconv.Itoa(u.population), u.why})
	}
	cw.Flush()
	return cw.Error()
}
