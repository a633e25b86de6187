package scenario

import "github.com/paulmach/orb"

// Variant is a named set of changes to the baseline deployment, compared
// with the baseline on the same calls by `sim compare`.
type Variant struct {
	Name             string
	Title            string
	TitleEn          string
	SetAmbulances    []SetAmbulances
	AddFacilities    []Facility
	RemoveFacilities []string
	MoveFacilities   []MoveFacility
	FiveG            *bool
	Growth           *float64
	CallsPer1000     *float64
	EmergencyFactor  *float64
	Pos              Pos
}

// SetAmbulances sets the number of ambulances at a facility.
type SetAmbulances struct {
	ID         string
	Ambulances int
	FiveG      *int // nil: keep the facility's 5G share (all 5G if it had any)
}

// MoveFacility moves a facility to a new point.
type MoveFacility struct {
	ID    string
	Point orb.Point
}
