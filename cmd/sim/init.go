package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/report"
	"github.com/emsplan/sim/sim/setup"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "init",
		args:  "DIR --import IMPORT_DIR [flags]",
		short: "write a new study (scenario and data) from an OSM import",
		long: `Writes into DIR a complete, commented scenario.yaml that validates, with demand.csv (one point
per OSM place, population tagged, else assumed by kind; or cells of a --population-raster;
scaled to --population), facilities.csv
(the import's, with ambulances assumed by tier where it has none), zones.geojson (the urban
area: --urban-polygon, --urban-density with a raster, else circles of --urban-radius-km around
cities and towns) and a
README.md that lists every assumption. Then: sim validate DIR/scenario.yaml, sim run ...`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			d := setup.Defaults()
			from := fs.String("import", "", "folder written by 'sim import osm' (roads.geojson, facilities.csv, places.csv)")
			roads := fs.String("roads", "", "road file (default: IMPORT_DIR/roads.geojson)")
			facilities := fs.String("facilities", "", "facilities CSV (default: IMPORT_DIR/facilities.csv)")
			places := fs.String("places", "", "places CSV (default: IMPORT_DIR/places.csv)")
			fs.StringVar(&d.Name, "name", "", "the study's name (as the planner writes it)")
			fs.StringVar(&d.NameEn, "name-en", "", "the study's English or pinyin name")
			fs.StringVar(&d.Lang, "lang", d.Lang, "language of figures and report: zh or en")
			fs.StringVar(&d.PopulationRaster, "population-raster", "", "GeoTIFF population grid (WorldPop, GHSL; EPSG:4326) for the demand instead of the places")
			fs.StringVar(&d.Villages, "villages", "", "village population table (CSV: code or name, population; Chinese census headers understood) for the demand")
			fs.StringVar(&d.VillagePositions, "village-positions", "", "where the villages are: a CSV with lon, lat (default: the import's places.csv) or a GeoJSON of points or polygons")
			fs.StringVar(&d.JoinBy, "join-by", "", "join the table by code or name (default: code when both sides have codes)")
			fs.StringVar(&d.Boundary, "boundary", "", "GeoJSON outline of the study area: raster pixels outside it are left out")
			fs.Float64Var(&d.CellKm, "cell-km", d.CellKm, "with --population-raster: sum its pixels into square cells of this size, km")
			fs.Float64Var(&d.UrbanDensity, "urban-density", 0, "with --population-raster: urban where a cell has at least this many residents per km²")
			fs.IntVar(&d.Population, "population", 0, "total residents to spread over the places (0: the places' own sum)")
			fs.IntVar(&d.PopulationYear, "population-year", 0, "year of the population figures")
			assumed := fs.String("assumed-population", "city=50000,town=5000,village=500,hamlet=50", "residents of a place without a population tag, by kind")
			fs.StringSliceVar(&d.UrbanKinds, "urban-places", d.UrbanKinds, "place kinds whose surroundings are urban (城区)")
			fs.Float64Var(&d.UrbanRadiusKm, "urban-radius-km", d.UrbanRadiusKm, "urban within this distance of such a place, km")
			fs.StringVar(&d.Townships, "townships", "", "township polygons (GeoJSON: code, name, name_en); default: IMPORT_DIR/townships.geojson when it exists")
			fs.StringSliceVar(&d.UrbanAreas, "urban-areas", nil, "townships (names or codes) that make up the urban area (城区)")
			fs.StringVar(&d.UrbanPolygon, "urban-polygon", "", "GeoJSON polygons of the urban area (instead of the circles)")
			amb := fs.String("ambulances", "county_hospital=2,sub_centre=1", "ambulances assumed per facility of a tier, where the file has none")
			fs.BoolVar(&d.FiveG, "five-g", false, "make the assumed ambulances 5G units")
			fs.Float64Var(&d.UrbanTarget, "urban-target", d.UrbanTarget, "urban response target, minutes")
			fs.Float64Var(&d.RuralTarget, "rural-target", d.RuralTarget, "rural response target, minutes")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one folder for the new study, got %d arguments", len(args))
				}
				if *from == "" && (*roads == "" || *facilities == "") {
					return usagef("give --import IMPORT_DIR, or --roads and --facilities (and --places or --population-raster)")
				}
				d.Roads, d.Facilities, d.Places = orIn(*roads, *from, "roads.geojson"), orIn(*facilities, *from, "facilities.csv"), orIn(*places, *from, "places.csv")
				var err error
				if d.AssumedPopulation, err = intMap("--assumed-population", *assumed); err != nil {
					return err
				}
				if d.Ambulances, err = intMap("--ambulances", *amb); err != nil {
					return err
				}
				if d.Townships == "" && *from != "" {
					if p := filepath.Join(*from, "townships.geojson"); fileExists(p) {
						d.Townships = p
					}
				}
				if d.Places == "" && d.PopulationRaster == "" && d.VillagePositions == "" {
					return usagef("give --places, --villages with --village-positions, or --population-raster for the demand")
				}
				var st *setup.Study
				line, err := writeOut(args[0], func(stg *report.Staging) error {
					st, err = setup.Write(args[0], d, stg.Write)
					return err
				})
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s\n\nDemand      %d places, %s residents\nFacilities  %d, %d ambulances\nUrban zones %d\n\nAssumed (README.md):\n",
					line, st.Places, thousands(st.Population), st.Facilities, st.Ambulances, st.UrbanZones)
				for _, a := range st.Assumptions {
					fmt.Fprintf(e.stdout, "  - %s\n", a)
				}
				fmt.Fprintf(e.stdout, "\nNext: sim validate %s\n", filepath.Join(args[0], "scenario.yaml"))
				return nil
			}
		},
	})
}

func orIn(path, dir, name string) string {
	if path != "" || dir == "" {
		return path
	}
	return filepath.Join(dir, name)
}

// intMap reads "a=1,b=2".
func intMap(flag, s string) (map[string]int, error) {
	m := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if !ok || err != nil {
			return nil, usagef("%s: want NAME=N pairs separated by commas, got %q", flag, part)
		}
		m[strings.TrimSpace(k)] = n
	}
	return m, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
