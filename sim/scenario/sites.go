package scenario

import (
	"fmt"
	"path/filepath"
	"strings"
)

// ReadSites reads a file of sites on its own, outside any scenario: the
// candidate sites of `sim optimize`, say. The file is GeoJSON (Point
// features) or CSV (lon and lat columns, by extension .csv or .txt), with
// the fields of a facility (id, name, name_en, tier, grade, township_code,
// note, ...), all optional but the position: a site without a tier gets
// tier, without an id "<file name>#<n>" (n counts from 1), without a name
// its id. Coordinates are in c and come back as WGS-84.
//
// Every problem is reported with the file and the feature index or CSV line,
// as Load's are; on failure the error is the *Problems.
func ReadSites(path string, c CRS, tier Tier) ([]Facility, *Problems, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	l := &loader{ps: &Problems{}, s: defaults(), dir: filepath.Dir(abs)}
	l.w = walker{file: abs, ps: l.ps}
	base := strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
	var out []Facility
	first := map[string]Pos{}
	rows := l.readRows(abs, "sites", c, filePos(abs), "")
	for i, r := range rows {
		id := fmt.Sprintf("%s#%d", base, i+1)
		if r.rec.has("id") {
			id = r.rec.str("id")
		}
		if !r.rec.has("tier") {
			r.rec.vals["tier"] = string(tier)
		}
		if !r.rec.has("name") {
			r.rec.vals["name"] = id
		}
		f, ok := l.facility(r.rec, r.geom, c, id)
		if !ok {
			continue
		}
		if p, dup := first[f.ID]; dup {
			l.ps.Errorf(f.Pos, "id", "%q is used twice (first at %s)", f.ID, p)
			continue
		}
		first[f.ID] = f.Pos
		out = append(out, f)
	}
	if len(rows) == 0 && l.ps.Err() == nil {
		l.ps.Errorf(filePos(abs), "", "holds no sites")
	}
	if err := l.ps.Err(); err != nil {
		return nil, l.ps, err
	}
	return out, l.ps, nil
}
