package scenario

import "github.com/paulmach/orb"

// Tier is a facility's level in the four-tier service, or a bare station.
type Tier string

// The tiers, from the top.
const (
	CountyHospital  Tier = "county_hospital"
	SubCentre       Tier = "sub_centre"
	TownshipCentre  Tier = "township_centre"
	CommunityCentre Tier = "community_centre"
	VillageClinic   Tier = "village_clinic"
	Station         Tier = "station" // an ambulance base without a health facility
)

// Tiers lists every tier in order, top first.
var Tiers = []Tier{CountyHospital, SubCentre, TownshipCentre, CommunityCentre, VillageClinic, Station}

// Rank orders tiers: 0 for county hospitals, larger further down; -1 if unknown.
func (t Tier) Rank() int {
	for i, x := range Tiers {
		if x == t {
			return i
		}
	}
	return -1
}

// IsHealth reports whether the tier is a health facility (counts for the
// 15-minute circle); a bare station is not.
func (t Tier) IsHealth() bool { return t.Rank() >= 0 && t != Station }

// Capabilities every scenario knows. A scenario may add its own by naming
// them in a condition's needs.
var Capabilities = []string{"chest_pain", "stroke", "trauma", "maternal", "neonatal"}

// Facility is a hospital, health centre, clinic or bare ambulance station.
type Facility struct {
	ID           string
	Name         string
	NameEn       string
	Tier         Tier
	Grade        string
	Capabilities []string // sorted
	Receives     bool     // receives ambulance patients
	Ambulances   int
	FiveG        int // how many of the ambulances are 5G (0..Ambulances)
	Vehicle      string
	TownshipCode string
	Point        orb.Point
	Assumed      bool
	Note         string // why it is there, its source
	Pos          Pos
}

// Has reports whether the facility has capability c.
func (f *Facility) Has(c string) bool {
	for _, x := range f.Capabilities {
		if x == c {
			return true
		}
	}
	return false
}
