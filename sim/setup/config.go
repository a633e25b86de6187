package setup

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"
)

// ErrConfig is wrapped by every error about the choices in a [Config].
var ErrConfig = errors.New("setup: bad choice")

// Config holds the inputs and the planner's choices. Paths are as the user
// gave them; the scenario refers to them relative to its own folder.
type Config struct {
	Roads      string // road file (GeoJSON or OSM)
	Facilities string // facilities.csv from the import
	Places     string // places.csv from the import

	Name, NameEn string // the study's names
	Lang         string // "zh" or "en"

	// PopulationRaster is a GeoTIFF population grid (WorldPop, GHSL, in
	// EPSG:4326) used for demand instead of the places; CellKm is the size
	// of the square cells its pixels are summed into.
	PopulationRaster string
	CellKm           float64
	// UrbanDensity, with a raster, makes urban every cell with at least this
	// many residents per km²; 0 uses the places or the polygon.
	UrbanDensity float64

	// Villages is a village population table (CSV) joined to positions in
	// VillagePositions (a CSV with lon, lat such as places.csv, or a GeoJSON
	// of points or polygons) by code or name (JoinBy: "code", "name" or ""
	// for code when both sides have codes).
	Villages, VillagePositions, JoinBy string

	// Boundary is a GeoJSON file of the study area's outline: raster pixels
	// outside it are left out. Optional.
	Boundary string
	boundary orb.MultiPolygon

	// Population is the total population to spread over the places; 0
	// means the sum of the tagged and assumed place populations.
	Population int
	// Year of the population figures, shown in reports; 0 when unknown.
	PopulationYear int
	// AssumedPopulation gives, per place kind, the population assumed for a
	// place without a population tag.
	AssumedPopulation map[string]int

	// UrbanKinds are the place kinds whose surroundings are urban (城区),
	// within UrbanRadiusKm of the place. Ignored when UrbanPolygon is set.
	UrbanKinds    []string
	UrbanRadiusKm float64
	// UrbanAreas names the townships (by name, English name or code) that
	// make up the urban area; needs Townships. Wins over the other rules.
	UrbanAreas []string
	// Townships is a GeoJSON file of township polygons (code, name,
	// name_en), such as the import's townships.geojson: the scenario's
	// townships file, and each demand point's township.
	Townships string

	// UrbanPolygon is a GeoJSON file of the urban area drawn by the planner.
	UrbanPolygon string

	// Ambulances gives the ambulances assumed at each facility of a tier.
	Ambulances map[string]int
	// FiveG makes every assumed ambulance a 5G unit.
	FiveG bool

	UrbanTarget, RuralTarget float64 // minutes
	CircleMinutes            float64 // the health-service circle, minutes
	Seed                     uint64
}

// Defaults returns the choices used when the planner names none: the
// "10+30" targets and 15-minute circle; city 50,000, town 5,000, village
// 500 and hamlet 50 residents where a place has no population tag; urban
// within 2 km of a city or town; 2 ambulances at each county hospital and 1
// at each sub-centre.
func Defaults() Config {
	return Config{
		Lang:              "en",
		AssumedPopulation: map[string]int{"city": 50000, "town": 5000, "village": 500, "hamlet": 50},
		UrbanKinds:        []string{"city", "town"},
		UrbanRadiusKm:     2,
		CellKm:            1,
		Ambulances:        map[string]int{"county_hospital": 2, "sub_centre": 1},
		UrbanTarget:       10, RuralTarget: 30, CircleMinutes: 15, Seed: 1,
	}
}

// check returns the first bad choice.
func (c *Config) check() error {
	bad := func(field, format string, a ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrConfig, field, fmt.Sprintf(format, a...))
	}
	if c.Roads == "" || c.Facilities == "" || c.Places == "" && (c.PopulationRaster == "" || c.UrbanPolygon == "" && c.UrbanDensity == 0) {
		return bad("inputs", "the roads and facilities files are needed, and the places file unless a population raster gives the demand and the urban area comes from a polygon or a density")
	}
	if c.Villages != "" && c.PopulationRaster != "" {
		return bad("population", "give a village table or a population raster, not both")
	}
	if c.JoinBy != "" && c.JoinBy != "code" && c.JoinBy != "name" {
		return bad("join", "by code or name, got %q", c.JoinBy)
	}
	if c.PopulationRaster != "" && !(c.CellKm > 0 && c.CellKm <= 50) {
		return bad("cell size", "must be above 0 and at most 50 km, got %g", c.CellKm)
	}
	if c.UrbanDensity != 0 && (c.PopulationRaster == "" || !(c.UrbanDensity > 0 && c.UrbanDensity < 1e6)) {
		return bad("urban density", "needs a population raster and a value above 0 residents per km², got %g", c.UrbanDensity)
	}
	if c.Population < 0 || c.Population > 2e9 {
		return bad("population", "must be between 0 and 2,000,000,000, got %d", c.Population)
	}
	for k, v := range c.AssumedPopulation {
		if v < 0 || v > 1e8 {
			return bad("assumed population", "%s: must be between 0 and 100,000,000, got %d", k, v)
		}
	}
	if len(c.UrbanAreas) > 0 && c.Townships == "" {
		return bad("urban areas", "naming townships as urban needs a townships file")
	}
	if c.UrbanPolygon == "" && c.UrbanDensity == 0 && len(c.UrbanAreas) == 0 && !(c.UrbanRadiusKm > 0 && c.UrbanRadiusKm <= 50) {
		return bad("urban radius", "must be above 0 and at most 50 km, got %g", c.UrbanRadiusKm)
	}
	for k, v := range c.Ambulances {
		if v < 0 || v > 100 {
			return bad("ambulances", "%s: must be between 0 and 100, got %d", k, v)
		}
	}
	for name, v := range map[string]float64{"urban target": c.UrbanTarget, "rural target": c.RuralTarget, "circle": c.CircleMinutes} {
		if !(v > 0 && v <= 240) || math.IsNaN(v) {
			return bad(name, "must be above 0 and at most 240 minutes, got %g", v)
		}
	}
	if c.Lang != "zh" && c.Lang != "en" {
		return bad("lang", "zh or en, got %q", c.Lang)
	}
	return nil
}

// ambulanceRule says the ambulance rule in words, tiers in a fixed order.
func (c *Config) ambulanceRule() string {
	var parts []string
	tiers := make([]string, 0, len(c.Ambulances))
	for t := range c.Ambulances {
		tiers = append(tiers, t)
	}
	sort.Strings(tiers)
	for _, t := range tiers {
		if c.Ambulances[t] > 0 {
			parts = append(parts, fmt.Sprintf("%d at each %s", c.Ambulances[t], t))
		}
	}
	if len(parts) == 0 {
		return "none assumed"
	}
	return strings.Join(parts, ", ")
}
