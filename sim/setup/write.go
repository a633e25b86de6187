package setup

import (
	"fmt"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"

	"github.com/emsplan/sim/geo/osm"
)

// Study says what [Write] made and what it assumed.
type Study struct {
	Places           int            // demand points (one per place)
	PlacesAssumed    int            // of them, population assumed by kind
	Population       int            // total residents in demand.csv
	Scale            float64        // factor applied to reach Config.Population (1 when none)
	Facilities       int            // rows of facilities.csv
	FacilitiesByTier map[string]int // tier -> facilities
	Ambulances       int            // in all
	AmbulancesAt     int            // facilities given assumed ambulances
	UrbanZones       int            // features of zones.geojson
	Assumptions      []string       // each in a sentence, as README.md lists them
	Raster           *rasterResult  // what the population raster gave; nil without one
	Villages         *villageJoin   // what the village table's join did; nil without one
	OutsideTownships int            // demand points in no township polygon
}

// Put writes one file of the study; name is relative to the study folder.
type Put func(name string, write func(io.Writer) error) error

// Files are the files [Write] writes, in order.
var Files = []string{"scenario.yaml", "demand.csv", "facilities.csv", "zones.geojson", "README.md"}

// Write reads the inputs named in c and writes, through put, a study that
// validates: scenario.yaml (commented), demand.csv, facilities.csv (the
// import's with the assumed ambulances), zones.geojson and README.md. dir is
// the study folder, used to write the roads path relative to it. Errors name
// the file, line and field. O(places + facilities).
func Write(dir string, c Config, put Put) (*Study, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	var ps []place
	var rr *rasterResult
	var err error
	if c.Boundary != "" {
		if c.boundary, err = osm.ReadBoundary(c.Boundary); err != nil {
			return nil, err
		}
	}
	var vj *villageJoin
	switch {
	case c.PopulationRaster != "":
		ps, rr, err = rasterPlaces(&c)
	case c.Villages != "":
		if c.VillagePositions == "" {
			c.VillagePositions = c.Places
		}
		ps, vj, err = joinVillages(&c)
	default:
		ps, err = readPlaces(&c)
	}
	if err != nil {
		return nil, err
	}
	var ts []township
	outsideTownships := 0
	if c.Townships != "" {
		if ts, err = readTownships(c.Townships); err != nil {
			return nil, err
		}
		outsideTownships = assignTownships(ps, ts)
	}
	zonePlaces := ps
	if (rr != nil || vj != nil) && c.UrbanDensity == 0 && c.UrbanPolygon == "" && len(c.UrbanAreas) == 0 {
		if zonePlaces, err = readPlaces(&c); err != nil { // urban circles around the named places
			return nil, err
		}
	}
	fac, err := readFacilities(&c)
	if err != nil {
		return nil, err
	}
	s := &Study{Villages: vj, Places: len(ps), Facilities: len(fac.t.rows), FacilitiesByTier: fac.byTier,
		Ambulances: fac.ambulances, AmbulancesAt: fac.assumedAt}
	for _, p := range ps {
		if p.assumed {
			s.PlacesAssumed++
		}
	}
	if rr == nil {
		s.Scale = scale(ps, c.Population)
	} else {
		s.Raster = rr
		s.Scale = float64(c.Population) / rr.Sum
		if c.Population <= 0 {
			s.Scale = 1
		}
	}
	for _, p := range ps {
		s.Population += p.pop
	}
	zones, err := urbanZones(&c, zonePlaces)
	if len(c.UrbanAreas) > 0 {
		zones, err = urbanTownships(ts, c.UrbanAreas)
	}
	if err != nil {
		return nil, err
	}
	s.OutsideTownships = outsideTownships
	s.UrbanZones = len(zones.Features)
	s.Assumptions = assumptions(&c, s)
	roads, err := relTo(dir, c.Roads)
	if err != nil {
		return nil, err
	}
	data := scenarioData{Config: c, Study: s, RoadsPath: roads, Name: c.Name, NameEn: c.NameEn}
	if c.Townships != "" {
		if data.TownshipsPath, err = relTo(dir, c.Townships); err != nil {
			return nil, err
		}
	}
	if data.Name == "" {
		data.Name = "New study"
	}
	if data.NameEn == "" {
		data.NameEn = data.Name
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"scenario.yaml", func(w io.Writer) error { return scenarioTmpl.Execute(w, data) }},
		{"demand.csv", func(w io.Writer) error { return writeDemand(w, ps) }},
		{"facilities.csv", fac.write},
		{"zones.geojson", func(w io.Writer) error { return writeZones(w, zones) }},
		{"README.md", func(w io.Writer) error { return readmeTmpl.Execute(w, data) }},
	} {
		if err := put(f.name, f.write); err != nil {
			return nil, err
		}
	}
	if vj != nil && len(vj.Unjoined) > 0 {
		if err := put("villages_unjoined.csv", func(w io.Writer) error { return writeUnjoined(w, vj.Unjoined) }); err != nil {
			return nil, err
		}
	}
	if rr != nil && len(rr.OffRoad) > 0 {
		if err := put("demand_offroad.csv", func(w io.Writer) error { return writeOffRoad(w, rr.OffRoad) }); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// relTo returns path relative to dir, slash-separated, as a scenario names
// its files.
func relTo(dir, path string) (string, error) {
	ad, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	ap, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	r, err := filepath.Rel(ad, ap)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(r), nil
}

func assumptions(c *Config, s *Study) []string {
	var a []string
	if r := s.Raster; r != nil {
		a = append(a, fmt.Sprintf("Residents come from the population raster %s: %s populated pixels summing to %s inside the road network's extent, added up into %g km cells, each a demand point at its population-weighted centre; the cells are apportioned whole people so that the total is %s.",
			c.PopulationRaster, thousands(r.Pixels), thousands(int(math.Round(r.Sum))), c.CellKm, thousands(s.Population)))
		if r.Outside > 0 {
			a = append(a, fmt.Sprintf("Pixels outside the boundary %s (%s residents) are left out.", c.Boundary, thousands(int(math.Round(r.Outside)))))
		}
		if r.Dropped > 0 {
			a = append(a, fmt.Sprintf("%s cells (%s residents) lie farther than %d km from every road: the network cannot reach them, so they are outside the study; give --boundary to cut the raster to the county instead.",
				thousands(r.Dropped), thousands(int(math.Round(r.DroppedPeople))), dropM/1000))
		}
		if len(r.OffRoad) > 0 {
			a = append(a, fmt.Sprintf("%s cells (%s residents) lie farther than %d m from every road: demand_offroad.csv lists them; their times include an off-road leg.",
				thousands(len(r.OffRoad)), thousands(r.OffRoadPeople), offRoadM))
		}
	} else if v := s.Villages; v != nil {
		a = append(a, fmt.Sprintf("Residents come from the village table %s: %s of %s rows joined a position in %s by %s (%s residents).",
			c.Villages, thousands(v.Joined), thousands(v.Rows), c.VillagePositions, v.By, thousands(v.JoinedPeople)))
		if len(v.Unjoined) > 0 {
			a = append(a, fmt.Sprintf("%s rows (%s residents) found no position and are left out: villages_unjoined.csv lists each with the reason.",
				thousands(len(v.Unjoined)), thousands(v.Lost)))
		}
		if v.UnusedPlaces > 0 {
			a = append(a, fmt.Sprintf("%s positions matched no row of the table.", thousands(v.UnusedPlaces)))
		}
		if c.Population > 0 {
			a = append(a, fmt.Sprintf("The joined populations are scaled by %.4g to the total given, %s.", s.Scale, thousands(c.Population)))
		}
	} else {
		a = append(a, placeAssumptions(c, s)...)
	}
	if c.Townships != "" && s.OutsideTownships > 0 {
		a = append(a, fmt.Sprintf("%s demand points lie in no township of %s: their township is left empty.", thousands(s.OutsideTownships), c.Townships))
	}
	if len(c.UrbanAreas) > 0 {
		a = append(a, "The urban area (城区) is the townships named: "+strings.Join(c.UrbanAreas, ", ")+".")
	} else if c.UrbanDensity > 0 {
		a = append(a, fmt.Sprintf("The urban area (城区) is every cell with at least %g residents per km².", c.UrbanDensity))
	} else if c.UrbanPolygon != "" {
		a = append(a, "The urban area (城区) is the polygon file "+c.UrbanPolygon+".")
	} else {
		a = append(a, fmt.Sprintf("The urban area (城区) is everything within %g km of a %s (%d zones).",
			c.UrbanRadiusKm, strings.Join(c.UrbanKinds, " or "), s.UrbanZones))
	}
	a = append(a, "Facility tiers are guessed from OSM names and tags (facilities.csv, column tier_rule): check every one.")
	if s.AmbulancesAt > 0 {
		a = append(a, fmt.Sprintf("Ambulances are assumed where the file has none: %s (%d facilities, %d ambulances in all).",
			c.ambulanceRule(), s.AmbulancesAt, s.Ambulances))
	}
	a = append(a, "Call rates, priorities, durations and speeds are the engine's documented defaults (README, Scenario reference), not this county's.")
	return a
}

// placeAssumptions are the sentences about demand from OSM places.
func placeAssumptions(c *Config, s *Study) []string {
	var a []string
	if s.PlacesAssumed > 0 {
		a = append(a, fmt.Sprintf("%d of %d places have no population tag: each is given the population assumed for its kind (%s).",
			s.PlacesAssumed, s.Places, kinds(c.AssumedPopulation)))
	}
	if c.Population > 0 {
		a = append(a, fmt.Sprintf("Place populations are scaled by %.4g so that they sum to the total given, %s.", s.Scale, thousands(c.Population)))
	} else {
		a = append(a, "No total population was given: the demand is the sum of the tagged and assumed place populations.")
	}
	return append(a, "Residents are placed at their place's point (the OSM place node), not spread over the settlement.")
}

func kinds(m map[string]int) string {
	var parts []string
	for _, k := range []string{"city", "town", "village", "hamlet"} {
		if v, ok := m[k]; ok {
			parts = append(parts, k+" "+thousands(v))
		}
	}
	return strings.Join(parts, ", ")
}

type scenarioData struct {
	Config
	Study         *Study
	RoadsPath     string
	TownshipsPath string
	Name, NameEn  string
}

var funcs = template.FuncMap{"q": strconv.Quote}

var scenarioTmpl = template.Must(template.New("scenario").Funcs(funcs).Parse(`# {{.NameEn}}: a study written by "sim init" from an OpenStreetMap import.
# Every figure below that sim could not know is ASSUMED: README.md beside this file lists each
# assumption; replace them with your county's own figures. Keys and defaults: sim's README,
# "Scenario reference". Map data © OpenStreetMap contributors (ODbL 1.0).
name: {{q .Name}}
name_en: {{q .NameEn}}
lang: {{.Lang}}
seed: {{.Seed}}
out: ../out                         # results beside this study folder, not inside it (sim init replaces it whole)

network:
  roads: {{q .RoadsPath}}
  source: osm                      # maps and reports carry the OSM attribution

zones:
  file: zones.geojson              # urban (城区): ASSUMED by a rule, see README.md
  default_class: rural
{{- if .TownshipsPath}}

townships:
  file: {{q .TownshipsPath}}
{{- end}}

targets:                           # response-time targets, minutes
  urban: {{.UrbanTarget}}
  rural: {{.RuralTarget}}

demand:
{{- if .Study.Raster}}
  file: demand.csv                 # cells of the population raster {{.PopulationRaster}} ({{.CellKm}} km)
{{- else}}
  file: demand.csv                 # one point per OSM place; population tagged or ASSUMED (column assumed)
{{- end}}
{{- if .PopulationYear}}
  population_year: {{.PopulationYear}}
{{- end}}

facilities:
  files: [facilities.csv]          # from OSM: tiers guessed (tier_rule), ambulances ASSUMED by tier

health_circle:                     # every resident within this many minutes of a facility of any tier
  minutes: {{.CircleMinutes}}
  mode:
    urban: walk
    rural: drive
  walk_kmh: 5

simulation:                        # call rates, priorities, durations: the engine's documented defaults
  replications: 20
  days: 365
  warmup_days: 7
  conditions:                      # OSM says nothing of capabilities: every patient goes to the nearest
    - {name: all, share: 1.0}      #   receiving hospital; add capabilities and conditions (README) to study
                                   #   chest-pain and stroke centres
`))

var readmeTmpl = template.Must(template.New("readme").Funcs(funcs).Parse(`# {{.NameEn}}

Written by ` + "`sim init`" + ` from an OpenStreetMap import. It validates and runs as it is, but it is a
starting point: each assumption below stands in for a figure only the county has.

- Roads: ` + "`{{.RoadsPath}}`" + `
- Demand: {{.Study.Places}} points, {{.Study.Population}} residents (demand.csv{{if .Study.Raster}}, from {{.PopulationRaster}}{{end}})
- Facilities: {{.Study.Facilities}} (facilities.csv), {{.Study.Ambulances}} ambulances
- Urban zones: {{.Study.UrbanZones}} (zones.geojson)

## Assumptions
{{range .Study.Assumptions}}
- {{.}}
{{- end}}

## Sources and licences

- Roads, facilities and places: © OpenStreetMap contributors, ODbL 1.0.
{{- if .Study.Raster}}
- Population grid: {{.PopulationRaster}}. WorldPop grids are CC BY 4.0 (cite WorldPop, www.worldpop.org);
  GHSL population grids are CC BY 4.0 (European Commission, Joint Research Centre). Say which you used.
{{- end}}

## Next steps

1. Correct facilities.csv: names, tiers (tier_rule says why each was guessed), ambulances, 5G.
2. Replace demand.csv with your village population table (id, village, township_code, township,
   lon, lat, population), or correct the populations; set population_year in scenario.yaml.
3. Draw the urban area (城区) as polygons in zones.geojson (property class: urban).
4. Set the call rates and durations from your 120 centre's log (README, Scenario reference).
5. Run: ` + "`sim validate scenario.yaml`" + `, ` + "`sim coverage scenario.yaml`" + `, ` + "`sim run scenario.yaml`" + `.

Map data © OpenStreetMap contributors, under the Open Database Licence (ODbL) 1.0
(https://www.openstreetmap.org/copyright). Results derived from it must carry this notice.
`))

// thousands formats n with commas: 1234567 -> "1,234,567".
func thousands(n int) string { return english.Sprintf("%d", n) }

var english = message.NewPrinter(language.English)
