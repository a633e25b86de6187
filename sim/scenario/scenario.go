package scenario

import "github.com/paulmach/orb"

// Scenario is one validated study. Every point is WGS-84; every path is
// absolute; durations are in minutes as the planner wrote them (the model
// converts to seconds).
type Scenario struct {
	Path   string // the YAML file
	Name   string
	NameEn string
	Lang   string // "zh" or "en"
	Seed   uint64
	Out    string // default output folder

	Network      Network
	Zones        Zones
	Targets      Targets
	Townships    []Township // from the demand (and the township polygons, if any)
	Demand       Demand
	Facilities   []Facility
	HealthCircle HealthCircle
	Simulation   Simulation
	Variants     []Variant

	// Inputs lists every file read, in reading order, for the report's manifest.
	Inputs []Input
}

// Input is a file the scenario read.
type Input struct {
	Role   string // "scenario", "roads", "zones", "demand", ...
	Path   string
	SHA256 string // hex
	Bytes  int64
}

// Network says where the roads are and how fast ambulances drive on them.
type Network struct {
	Roads             string // GeoJSON path
	CRS               CRS
	Source            string // "osm", "schematic" or "other"
	Attribution       string // source line for maps; derived from Source when empty
	SpeedsKmh         []ClassSpeed
	DropTrack         bool
	DropPrivate       bool
	SnapEndsM         float64
	KeepAllComponents bool
	OffroadKmh        float64
	SnapWarnM         float64 // warn when a point is farther from any road
	SnapMaxM          float64 // reject a point farther than this from any road
	EmergencyFactor   float64
	UrbanFactor       float64
	Bands             []Band // Bands[0] is always "offpeak"
	StaticBand        int    // index into Bands
}

// ClassSpeed overrides the default speed of a road class.
type ClassSpeed struct {
	Class string
	Kmh   float64
}

// Band is a time-of-day speed factor. Hours is a list of [from, to) ranges in
// minutes since midnight; a range may wrap past midnight (from > to).
type Band struct {
	Name   string
	Factor float64
	Hours  [][2]float64
}

// Zones classify places (urban, rural, ...).
type Zones struct {
	File         string
	DefaultClass string
	Polygons     []Zone
}

// Zone is one polygon of a zone class.
type Zone struct {
	Class     string
	Name      string
	NameEn    string
	TargetMin float64 // 0: the class target applies
	Geometry  orb.MultiPolygon
	Bound     orb.Bound // of Geometry
	Pos       Pos
}

// Targets are response-time targets in minutes.
type Targets struct {
	Classes    []string           // every zone class, in the order the YAML lists them
	ByClass    map[string]float64 // class -> minutes
	ByPriority map[string]map[string]float64
}

// Target returns the response-time target in minutes for a zone class and a
// priority (overrides first, then the class target).
func (t *Targets) Target(class, priority string) float64 {
	return t.For(class, 0, priority)
}

// For returns the target in minutes of a place of the given class lying in a
// zone with its own target (zoneMin, 0 for none), for a priority: the
// priority's override for the class, else the zone's target, else the
// class's.
func (t *Targets) For(class string, zoneMin float64, priority string) float64 {
	if m, ok := t.ByPriority[priority]; ok {
		if v, ok := m[class]; ok {
			return v
		}
	}
	if zoneMin > 0 {
		return zoneMin
	}
	return t.ByClass[class]
}

// Township is a township-level unit (乡镇/街道).
type Township struct {
	Code     string
	Name     string
	NameEn   string
	Geometry orb.MultiPolygon // nil when no township polygons were given
}

// Demand is where people live.
type Demand struct {
	File           string
	PopulationYear int
	Growth         float64
	Points         []DemandPoint
}

// DemandPoint is a population point (or a polygon's centroid).
type DemandPoint struct {
	ID           string
	Name         string
	NameEn       string
	VillageCode  string
	Village      string
	VillageEn    string
	TownshipCode string
	Township     string
	TownshipEn   string
	Class        string  // zone class: from the file, else from the zones
	TargetMin    float64 // the zone polygon's own target; 0: the class target applies
	Point        orb.Point
	Population   float64
	Pos          Pos
}

// HealthCircle is the 15-minute health-service circle rule.
type HealthCircle struct {
	Minutes float64
	Mode    map[string]string // zone class -> "walk" or "drive"
	WalkKmh float64
	Tiers   []Tier
}
