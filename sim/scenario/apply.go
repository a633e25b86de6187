package scenario

import (
	"fmt"
	"sort"
	"strings"
)

// Apply returns a copy of s with the variant's changes made: ambulances set,
// facilities added, removed or moved, the 5G flag of every unit, demand
// growth, call rate, emergency speed factor. s is not changed. The copy has
// no variants of its own and its name says which variant it is.
func (s *Scenario) Apply(v *Variant) (*Scenario, error) {
	c := *s
	c.Variants = nil
	c.Facilities = append([]Facility(nil), s.Facilities...)
	c.Name, c.NameEn = s.Name+" · "+v.Title, s.NameEn+" · "+v.TitleEn
	index := func(id string) int {
		for i := range c.Facilities {
			if c.Facilities[i].ID == id {
				return i
			}
		}
		return -1
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	for _, id := range v.RemoveFacilities {
		if i := index(id); i >= 0 {
			c.Facilities = append(c.Facilities[:i], c.Facilities[i+1:]...)
		} else {
			bad("remove_facilities: no facility %q", id)
		}
	}
	for _, m := range v.MoveFacilities {
		if i := index(m.ID); i >= 0 {
			c.Facilities[i].Point = m.Point
		} else {
			bad("move_facilities: no facility %q", m.ID)
		}
	}
	for _, sa := range v.SetAmbulances {
		i := index(sa.ID)
		if i < 0 {
			bad("set_ambulances: no facility %q", sa.ID)
			continue
		}
		f := &c.Facilities[i]
		switch {
		case sa.FiveG != nil && *sa.FiveG > sa.Ambulances:
			bad("set_ambulances: %s: %d 5G ambulances but only %d ambulances", sa.ID, *sa.FiveG, sa.Ambulances)
		case sa.FiveG != nil:
			f.FiveG = *sa.FiveG
		case f.FiveG > 0 || f.Ambulances == 0 && s.fleetIsFiveG():
			f.FiveG = sa.Ambulances // a 5G station (or a new one in a 5G fleet) stays all 5G
		default:
			f.FiveG = 0
		}
		f.Ambulances = sa.Ambulances
	}
	for _, f := range v.AddFacilities {
		if index(f.ID) >= 0 {
			bad("add_facilities: facility id %q is already used", f.ID)
			continue
		}
		c.Facilities = append(c.Facilities, f)
	}
	if v.FiveG != nil {
		for i := range c.Facilities {
			c.Facilities[i].FiveG = 0
			if *v.FiveG {
				c.Facilities[i].FiveG = c.Facilities[i].Ambulances
			}
		}
	}
	if v.Growth != nil {
		c.Demand.Growth = *v.Growth
	}
	if v.CallsPer1000 != nil {
		c.Simulation.CallsPer1000PerYear = *v.CallsPer1000
	}
	if v.EmergencyFactor != nil {
		c.Network.EmergencyFactor = *v.EmergencyFactor
	}
	units := 0
	for _, f := range c.Facilities {
		units += f.Ambulances
	}
	if units == 0 {
		bad("the variant leaves no ambulance")
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s: variant %q: %s", v.Pos, v.Name, strings.Join(errs, "; "))
	}
	return &c, nil
}

// fleetIsFiveG reports whether every ambulance of s is a 5G ambulance.
func (s *Scenario) fleetIsFiveG() bool {
	units, five := 0, 0
	for _, f := range s.Facilities {
		units, five = units+f.Ambulances, five+f.FiveG
	}
	return units > 0 && five == units
}

// Variant returns the variant named name, or nil.
func (s *Scenario) Variant(name string) *Variant {
	for i := range s.Variants {
		if s.Variants[i].Name == name {
			return &s.Variants[i]
		}
	}
	return nil
}
