package figures

import "github.com/paulmach/orb"

// Frame holds the texts around a figure. Empty fields are left out.
type Frame struct {
	Title    string // e.g. "宁乡市 急救反应时间（静态）"
	Subtitle string // e.g. scenario, seed and date
	Source   string // bottom line, e.g. "© OpenStreetMap contributors" or "schematic network / 示意路网"
}

// Road is a polyline drawn by its class: the OSM highway value (motorway,
// trunk, primary, secondary, tertiary, unclassified, residential, service,
// track...; "_link" classes draw as their base class).
type Road struct {
	Line  orb.LineString
	Class string
}

// Zone is an area outline: Class "urban" draws dashed, anything else solid.
type Zone struct {
	Poly  orb.Polygon
	Class string
	Name  string
}

// Place is a named point (township seat, village).
type Place struct {
	P            orb.Point
	Name, NameEn string
}

// ValuePoint is a demand point with a value in minutes (+Inf when
// unreachable) and a weight (population; 0 when unknown).
type ValuePoint struct {
	P            orb.Point
	Value        float64
	Weight       float64
	Name, NameEn string // used where the figure labels points
}

// Station is an ambulance base with its fleet.
type Station struct {
	P            orb.Point
	Name, NameEn string
	Units        int // ambulances based there
	FiveG        int // how many of them are 5G ambulances (<= Units)
}

// Tier is a facility tier, as in the scenario.
type Tier string

// The facility tiers, from the top.
const (
	TierCountyHospital  Tier = "county_hospital"
	TierSubCentre       Tier = "sub_centre"
	TierTownshipCentre  Tier = "township_centre"
	TierCommunityCentre Tier = "community_centre"
	TierVillageClinic   Tier = "village_clinic"
)

// Facility is a hospital or health post.
type Facility struct {
	P            orb.Point
	Tier         Tier
	Name, NameEn string
}

// Basemap is what every map draws under its data: roads by class, zone
// outlines and place labels (e.g. township seats).
type Basemap struct {
	Roads  []Road
	Zones  []Zone
	Labels []Place
}

// Estimate is a figure with its 95% confidence interval (Lo, Hi); Lo = Hi =
// Value when there is no interval.
type Estimate struct{ Value, Lo, Hi float64 }

// Drawer is implemented by every figure input (CoverageMap, CDFChart...):
// Figure checks the input once and returns the drawn figure.
type Drawer interface {
	Figure(o Options) (*Figure, error)
}

var (
	_ Drawer = (*CoverageMap)(nil)
	_ Drawer = (*HealthCircleMap)(nil)
	_ Drawer = (*ComplianceMap)(nil)
	_ Drawer = (*UtilisationMap)(nil)
	_ Drawer = (*GainLossMap)(nil)
	_ Drawer = (*CDFChart)(nil)
	_ Drawer = (*Histogram)(nil)
	_ Drawer = (*BarChart)(nil)
	_ Drawer = (*HourlyChart)(nil)
	_ Drawer = (*TreatmentChart)(nil)
)
