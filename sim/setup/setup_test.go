package setup

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/emsplan/sim/sim/scenario"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

const places = `id,name,name_en,place,population,lon,lat,osm_type,osm_id
osm-n1,花明楼镇,Huaminglou,town,12000,112.60,28.05,node,1
osm-n2,Upper,Upper,village,,112.64,28.08,node,2
osm-n3,Lower,Lower,hamlet,,112.62,28.02,node,3
`

const facilitiesCSV = `id,name,name_en,tier,ambulances,assumed,lon,lat,tier_rule
osm-n10,宁乡市人民医院,County hospital,county_hospital,0,true,112.601,28.051,name contains 人民医院 -> county_hospital
osm-n11,花明楼镇卫生院,Huaminglou health centre,township_centre,0,true,112.63,28.06,name contains 卫生院 -> township_centre
osm-n12,Clinic,Clinic,village_clinic,1,true,112.62,28.021,amenity=doctors -> village_clinic
`

// roads: a small connected grid over the places, as GeoJSON.
func roadsGeoJSON() string {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	n := 0
	for i := 0; i <= 4; i++ {
		for _, dir := range []int{0, 1} {
			if n > 0 {
				b.WriteString(",")
			}
			n++
			var a, c [2]float64
			v := 28.0 + 0.02*float64(i)
			u := 112.58 + 0.02*float64(i)
			if dir == 0 {
				a, c = [2]float64{112.58, v}, [2]float64{112.66, v}
			} else {
				a, c = [2]float64{u, 28.0}, [2]float64{u, 28.08}
			}
			b.WriteString(`{"type":"Feature","properties":{"@id":` + strconv.Itoa(n) + `,"highway":"primary"},"geometry":{"type":"LineString","coordinates":[`)
			for k := 0; k <= 4; k++ {
				t := float64(k) / 4
				if k > 0 {
					b.WriteString(",")
				}
				b.WriteString("[" + strconv.FormatFloat(a[0]+(c[0]-a[0])*t, 'f', 4, 64) + "," + strconv.FormatFloat(a[1]+(c[1]-a[1])*t, 'f', 4, 64) + "]")
			}
			b.WriteString("]}}")
		}
	}
	b.WriteString("]}")
	return b.String()
}

// fixture writes the import files into a temporary folder and returns a
// Config reading them.
func fixture(t *testing.T) (Config, string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"places.csv": places, "facilities.csv": facilitiesCSV, "roads.geojson": roadsGeoJSON()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := Defaults()
	c.Roads, c.Facilities, c.Places = filepath.Join(dir, "roads.geojson"), filepath.Join(dir, "facilities.csv"), filepath.Join(dir, "places.csv")
	return c, dir
}

// toDir is a Put that writes into a folder.
func toDir(dir string) Put {
	return func(name string, write func(io.Writer) error) error {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644)
	}
}

// TestWriteValidates writes a study from the fixture and loads it with the
// scenario loader: no errors, the demand sums to the population asked for,
// the assumed ambulances are where the rule puts them, the urban circle has
// the radius asked for.
func TestWriteValidates(t *testing.T) {
	c, dir := fixture(t)
	c.Population = 20000
	study := filepath.Join(dir, "study")
	os.Mkdir(study, 0o755)
	st, err := Write(study, c, toDir(study))
	if err != nil {
		t.Fatal(err)
	}
	s, ps, err := scenario.Load(filepath.Join(study, "scenario.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if errs := ps.Errors(); len(errs) > 0 {
		t.Fatalf("the written scenario does not validate: %v", ps.Err())
	}
	sum := 0.0
	for _, d := range s.Demand.Points {
		sum += d.Population
	}
	if sum != 20000 || st.Population != 20000 {
		t.Errorf("demand sums to %g (study says %d), want 20,000", sum, st.Population)
	}
	// 12,000 tagged + 500 + 50 assumed = 12,550, scaled to 20,000.
	if st.PlacesAssumed != 2 || math.Abs(st.Scale-20000.0/12550) > 1e-12 {
		t.Errorf("assumed %d places, scale %g; want 2 and %g", st.PlacesAssumed, st.Scale, 20000.0/12550)
	}
	amb := map[string]int{}
	for _, f := range s.Facilities {
		amb[f.ID] = f.Ambulances
	}
	if amb["osm-n10"] != 2 || amb["osm-n11"] != 0 || amb["osm-n12"] != 1 || st.Ambulances != 3 || st.AmbulancesAt != 1 {
		t.Errorf("ambulances %v (study: %d at %d assumed): want 2 at the county hospital, the clinic's own 1", amb, st.Ambulances, st.AmbulancesAt)
	}
	if len(s.Zones.Polygons) != 1 || st.UrbanZones != 1 {
		t.Fatalf("%d zones, want the town's circle", len(s.Zones.Polygons))
	}
	centre := orb.Point{112.60, 28.05}
	for _, p := range circle(112.60, 28.05, 2)[0] {
		if d := geo.Distance(centre, p); math.Abs(d-2000) > 10 {
			t.Errorf("circle vertex %v is %.0f m from the town, want 2,000 m", p, d)
		}
	}
	readme, _ := os.ReadFile(filepath.Join(study, "README.md"))
	for _, want := range []string{"2 of 3 places have no population tag", "2 at each county_hospital", "OpenStreetMap contributors"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
}

func TestScaleKeepsTotal(t *testing.T) {
	for _, total := range []int{1, 7, 999, 1000, 123457} {
		ps := []place{{pop: 3}, {pop: 3}, {pop: 3}, {pop: 0}, {pop: 1}}
		scale(ps, total)
		got := 0
		for _, p := range ps {
			got += p.pop
			if p.pop < 0 {
				t.Fatal("negative population")
			}
		}
		if got != total {
			t.Errorf("total %d: scaled to %d", total, got)
		}
		if ps[3].pop > 1 {
			t.Errorf("total %d: an empty place got %d residents", total, ps[3].pop)
		}
	}
}

// TestBadInputs: each error names the file and the line or field.
func TestBadInputs(t *testing.T) {
	for _, c := range []struct {
		file, text, want string
	}{
		{"places.csv", "id,name,place,lon,lat\n", `places.csv: line 1: no "population" column`},
		{"places.csv", "id,name,place,population,lon,lat\nP,a,town,1,200,28\n", "places.csv: line 2: lon, lat"},
		{"places.csv", "id,name,place,population,lon,lat\nP,a,town,-5,112,28\n", "places.csv: line 2: population"},
		{"places.csv", "id,name,place,population,lon,lat\n", "places.csv: no places"},
		{"places.csv", "id,name,place,population,lon,lat\n\"P,a,town,1,112,28\n", "places.csv"},
		{"facilities.csv", "id,name,tier,lon,lat\nF,a,county_hospital,112,28\n", ""},
		{"facilities.csv", "id,name,tier,ambulances,lon,lat\nF,a,township_centre,x,112,28\n", "facilities.csv: line 2: ambulances"},
		{"facilities.csv", "id,name,tier,lon,lat\nF,a,township_centre,112,28\n", "facilities.csv: no ambulance anywhere"},
		{"facilities.csv", "", "facilities.csv: line 1: the file is empty"},
	} {
		cfg, dir := fixture(t)
		os.WriteFile(filepath.Join(dir, c.file), []byte(c.text), 0o644)
		_, err := Write(dir, cfg, toDir(t.TempDir()))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %q: %v", c.file, c.text, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %q: error %v, want it to contain %q", c.file, c.text, err, c.want)
		}
	}
	cfg, _ := fixture(t)
	cfg.UrbanRadiusKm = math.NaN()
	if _, err := Write(t.TempDir(), cfg, toDir(t.TempDir())); err == nil || !strings.Contains(err.Error(), "urban radius") {
		t.Errorf("NaN radius: %v", err)
	}
}

// TestRasterDemand builds the demand from a GDAL-made population grid
// (testdata/make.sh): the 64 pixels inside the roads' extent hold 3,232
// people, and the demand sums to exactly that, or to the total asked for.
func TestRasterDemand(t *testing.T) {
	for _, c := range []struct {
		total, want int
		density     float64
		zones       int
	}{{0, 3232, 1, 1}, {10000, 10000, 1e5, 0}} {
		cfg, dir := fixture(t)
		cfg.PopulationRaster, cfg.CellKm, cfg.Population, cfg.UrbanDensity = "testdata/pop.tif", 2, c.total, c.density
		cfg.Places = ""
		study := filepath.Join(dir, "study")
		os.Mkdir(study, 0o755)
		st, err := Write(study, cfg, toDir(study))
		if err != nil {
			t.Fatal(err)
		}
		s, ps, err := scenario.Load(filepath.Join(study, "scenario.yaml"))
		if err != nil || len(ps.Errors()) > 0 {
			t.Fatalf("%v %v", err, ps.Err())
		}
		sum := 0.0
		for _, d := range s.Demand.Points {
			sum += d.Population
		}
		if st.Raster.Pixels != 64 || st.Raster.Sum != 3232 || sum != float64(c.want) {
			t.Errorf("total %d: %d pixels summing to %g, demand %g; want 64, 3,232, %d", c.total, st.Raster.Pixels, st.Raster.Sum, sum, c.want)
		}
		if len(s.Zones.Polygons) != c.zones {
			t.Errorf("density %g: %d urban zones, want %d", c.density, len(s.Zones.Polygons), c.zones)
		}
		// cells of 2 km over an 8 x 8 km extent: at most 5 x 5, at least 4 x 4
		if st.Raster.Cells < 16 || st.Raster.Cells > 25 {
			t.Errorf("%d cells", st.Raster.Cells)
		}
		for _, o := range st.Raster.OffRoad {
			if o.metres <= offRoadM {
				t.Errorf("cell %s listed off-road at %.0f m", o.id, o.metres)
			}
		}
	}
}

func TestApportion(t *testing.T) {
	got := apportion([]float64{1, 1, 1}, 10)
	if got[0]+got[1]+got[2] != 10 || got[0] != 4 || got[1] != 3 || got[2] != 3 {
		t.Errorf("apportion 10 over three equal weights: %v, want [4 3 3] (ties to the first)", got)
	}
	if got := apportion([]float64{0.2, 0.3, 0.5}, 1); got[2] != 1 {
		t.Errorf("one person goes to the largest share: %v", got)
	}
}

// TestVillageTable joins a census-style table (Chinese headers) to village
// polygons by code and to the places by name; every row that finds no
// position, or two by name, is reported with its line, never guessed.
func TestVillageTable(t *testing.T) {
	cfg, dir := fixture(t)
	table := "统计用区划代码,村名,乡镇,常住人口\n" +
		"430182101201,花明楼镇,花明楼镇,\"1,200\"\n" + // by name: the town's place
		"430182101202,Upper,花明楼镇,800\n" +
		"430182101203,Nowhere,花明楼镇,55\n" +
		"430182101204,Twin,花明楼镇,10\n"
	positions := `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"430182101201","name":"A"},"geometry":{"type":"Polygon","coordinates":[[[112.60,28.04],[112.62,28.04],[112.62,28.06],[112.60,28.06],[112.60,28.04]]]}},
{"type":"Feature","properties":{"code":"430182101202","name":"B"},"geometry":{"type":"Point","coordinates":[112.64,28.07]}}]}`
	places2 := places + "osm-n4,Twin,Twin,hamlet,5,112.61,28.03,node,4\nosm-n5,Twin,Twin,hamlet,5,112.63,28.03,node,5\n"
	os.WriteFile(filepath.Join(dir, "villages.csv"), []byte(table), 0o644)
	os.WriteFile(filepath.Join(dir, "positions.geojson"), []byte(positions), 0o644)
	os.WriteFile(filepath.Join(dir, "places.csv"), []byte(places2), 0o644)
	cfg.Villages = filepath.Join(dir, "villages.csv")
	for _, c := range []struct {
		positions, by  string
		joined, people int
		unjoined       []int // lines
	}{
		{filepath.Join(dir, "positions.geojson"), "code", 2, 2000, []int{4, 5}},
		{"", "name", 2, 2000, []int{4, 5}}, // places.csv: 花明楼镇 and Upper by name; Twin twice
	} {
		cfg.VillagePositions = c.positions
		study := t.TempDir()
		st, err := Write(study, cfg, toDir(study))
		if err != nil {
			t.Fatal(err)
		}
		v := st.Villages
		if v.By != c.by || v.Joined != c.joined || v.JoinedPeople != c.people || len(v.Unjoined) != len(c.unjoined) {
			t.Fatalf("join by %s: %d joined (%d people), unjoined %+v; want by %s, %d, %d, lines %v", v.By, v.Joined, v.JoinedPeople, v.Unjoined, c.by, c.joined, c.people, c.unjoined)
		}
		for i, line := range c.unjoined {
			if v.Unjoined[i].line != line || v.Unjoined[i].why == "" {
				t.Errorf("unjoined %d: %+v, want line %d with a reason", i, v.Unjoined[i], line)
			}
		}
		if c.by == "name" && !strings.Contains(v.Unjoined[1].why, "2 positions have this name") {
			t.Errorf("the twin name's reason: %q", v.Unjoined[1].why)
		}
		if c.by == "code" {
			s, ps, err := scenario.Load(filepath.Join(study, "scenario.yaml"))
			if err != nil || len(ps.Errors()) > 0 {
				t.Fatalf("%v %v", err, ps.Err())
			}
			d := s.Demand.Points[0]
			if math.Abs(d.Point[0]-112.61) > 1e-9 || math.Abs(d.Point[1]-28.05) > 1e-9 || d.Population != 1200 {
				t.Errorf("the first village sits at %v with %g people, want the polygon's centroid (112.61, 28.05) and 1,200", d.Point, d.Population)
			}
			raw, _ := os.ReadFile(filepath.Join(study, "villages_unjoined.csv"))
			if !strings.Contains(string(raw), "Nowhere") {
				t.Errorf("villages_unjoined.csv:\n%s", raw)
			}
		}
	}
}

// TestTownships: demand points take the township whose polygon holds them,
// a named township becomes the urban zone, and the scenario names the file.
func TestTownships(t *testing.T) {
	cfg, dir := fixture(t)
	ts := `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"T1","name":"花明楼镇","name_en":"Huaminglou"},"geometry":{"type":"Polygon","coordinates":[[[112.58,28.04],[112.66,28.04],[112.66,28.09],[112.58,28.09],[112.58,28.04]]]}},
{"type":"Feature","properties":{"code":"T2","name":"South"},"geometry":{"type":"MultiPolygon","coordinates":[[[[112.58,28.0],[112.66,28.0],[112.66,28.04],[112.58,28.04],[112.58,28.0]]]]}}]}`
	cfg.Townships = filepath.Join(dir, "townships.geojson")
	os.WriteFile(cfg.Townships, []byte(ts), 0o644)
	cfg.UrbanAreas = []string{"Huaminglou"}
	study := filepath.Join(dir, "study")
	os.Mkdir(study, 0o755)
	st, err := Write(study, cfg, toDir(study))
	if err != nil {
		t.Fatal(err)
	}
	s, ps, err := scenario.Load(filepath.Join(study, "scenario.yaml"))
	if err != nil || len(ps.Errors()) > 0 {
		t.Fatalf("%v %v", err, ps.Err())
	}
	got := map[string]string{}
	for _, d := range s.Demand.Points {
		got[d.Name] = d.TownshipCode
	}
	if got["花明楼镇"] != "T1" || got["Upper"] != "T1" || got["Lower"] != "T2" || st.OutsideTownships != 0 {
		t.Errorf("townships %v, %d outside; want the town and Upper in T1, Lower in T2", got, st.OutsideTownships)
	}
	if len(s.Zones.Polygons) != 1 || s.Zones.Polygons[0].Name != "花明楼镇" || len(s.Townships) != 2 {
		t.Errorf("zones %+v, %d townships", s.Zones.Polygons, len(s.Townships))
	}
	cfg.UrbanAreas = []string{"Nowhere"}
	if _, err := Write(study, cfg, toDir(study)); err == nil || !strings.Contains(err.Error(), `no township is called "Nowhere" (the townships: 花明楼镇, South)`) {
		t.Errorf("unknown urban area: %v", err)
	}
}
