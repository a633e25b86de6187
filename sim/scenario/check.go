package scenario

import (
	"sort"
	"strings"
)

// check runs the cross-checks that need the whole scenario.
func (l *loader) check() {
	s := l.s
	l.checkClasses()
	l.checkTownships()
	l.checkFacilities()
	sim := &s.Simulation
	for i := range sim.Conditions {
		if sim.Conditions[i].Conveyance < 0 {
			sim.Conditions[i].Conveyance = sim.Conveyance
		}
	}
	l.unique("simulation.priorities", len(sim.Priorities), func(i int) string { return sim.Priorities[i].Name })
	l.unique("simulation.conditions", len(sim.Conditions), func(i int) string { return sim.Conditions[i].Name })
	for _, c := range sim.ReplayCalls {
		if !l.hasPriority(c.Priority) {
			l.ps.Errorf(c.Pos, "priority", "no priority named %q in simulation.priorities", c.Priority)
		}
		if !l.hasCondition(c.Condition) {
			l.ps.Errorf(c.Pos, "condition", "no condition named %q in simulation.conditions", c.Condition)
		}
	}
}

// checkClasses gives every demand point its zone class and checks that every
// class in use has a target and a health-circle mode.
func (l *loader) checkClasses() {
	s := l.s
	t := &s.Targets
	for _, c := range []string{"urban", "rural"} {
		if _, ok := t.ByClass[c]; !ok {
			t.ByClass[c] = defaultTargets[c]
			t.Classes = append(t.Classes, c)
		}
	}
	for _, z := range s.Zones.Polygons {
		if _, ok := t.ByClass[z.Class]; !ok && z.Class != "" {
			l.ps.Errorf(z.Pos, "class", "zone class %q has no response-time target: add it under targets", z.Class)
			t.ByClass[z.Class] = 0 // report once
		}
	}
	if _, ok := t.ByClass[s.Zones.DefaultClass]; !ok {
		l.ps.Errorf(l.at("zones"), "zones.default_class", "zone class %q has no response-time target: add it under targets", s.Zones.DefaultClass)
		t.ByClass[s.Zones.DefaultClass] = 0
	}
	total := 0.0
	for i := range s.Demand.Points {
		p := &s.Demand.Points[i]
		if p.Class == "" {
			p.Class, p.TargetMin = s.Zones.ClassAt(p.Point)
		}
		total += p.Population
		if _, ok := t.ByClass[p.Class]; !ok {
			l.ps.Errorf(p.Pos, "class", "zone class %q has no response-time target: add it under targets", p.Class)
			t.ByClass[p.Class] = 0
		}
	}
	if len(s.Demand.Points) > 0 && total <= 0 {
		l.ps.Errorf(filePos(s.Demand.File), "population", "the demand has no population (all zero)")
	}
	for class := range s.HealthCircle.Mode {
		if _, ok := t.ByClass[class]; !ok {
			l.ps.Errorf(l.at("health_circle"), "health_circle.mode."+class, "no zone class %q (classes: %s)", class, strings.Join(t.Classes, ", "))
		}
	}
	for _, c := range t.Classes {
		if _, ok := s.HealthCircle.Mode[c]; !ok {
			s.HealthCircle.Mode[c] = "drive"
		}
	}
	for p, m := range t.ByPriority {
		for class := range m {
			if _, ok := t.ByClass[class]; !ok {
				l.ps.Errorf(l.at("targets"), "targets.by_priority."+p+"."+class, "no zone class %q", class)
			}
		}
	}
}

// checkTownships lists the townships the demand names, with the polygons'
// names and geometry where given.
func (l *loader) checkTownships() {
	s := l.s
	byCode := map[string]int{}
	for i, t := range s.Townships {
		if _, dup := byCode[t.Code]; dup {
			l.ps.Errorf(l.at("townships"), "townships", "township code %q given twice", t.Code)
		}
		byCode[t.Code] = i
	}
	withDemand := map[string]bool{}
	for i := range s.Demand.Points {
		p := &s.Demand.Points[i]
		if p.TownshipCode == "" {
			p.TownshipCode = p.Township // name as key when no code
		}
		if p.TownshipCode == "" {
			p.TownshipCode, p.Township, p.TownshipEn = "-", "-", "-"
		}
		withDemand[p.TownshipCode] = true
		if i, ok := byCode[p.TownshipCode]; ok {
			t := &s.Townships[i]
			if t.Name == "" {
				t.Name = p.Township
			}
			if t.NameEn == "" || t.NameEn == t.Name {
				t.NameEn = p.TownshipEn
			}
			continue
		}
		byCode[p.TownshipCode] = len(s.Townships)
		s.Townships = append(s.Townships, Township{Code: p.TownshipCode, Name: p.Township, NameEn: p.TownshipEn})
	}
	for _, t := range s.Townships {
		if !withDemand[t.Code] {
			l.ps.Warnf(l.at("townships"), "townships", "township %s (%s) has no demand points", t.Code, t.Name)
		}
		if t.Name == "" {
			s.Townships[byCode[t.Code]].Name = t.Code
		}
	}
	sort.SliceStable(s.Townships, func(i, j int) bool { return s.Townships[i].Code < s.Townships[j].Code })
}

func (l *loader) checkFacilities() {
	s := l.s
	sim := &s.Simulation
	known := map[string]bool{}
	for _, c := range Capabilities {
		known[c] = true
	}
	for _, c := range sim.Conditions {
		if c.Needs != "" {
			known[c.Needs] = true
		}
	}
	ids := map[string]Pos{}
	units, receiving := 0, 0
	for _, f := range s.Facilities {
		if first, dup := ids[f.ID]; dup {
			l.ps.Errorf(f.Pos, "id", "facility id %q is used twice (first at %s)", f.ID, first)
		}
		ids[f.ID] = f.Pos
		for _, c := range f.Capabilities {
			if !known[c] {
				l.ps.Errorf(f.Pos, "capabilities", "unknown capability %q (known: %s; a condition's needs may add more)", c, strings.Join(sortedKeys(known), ", "))
			}
		}
		units += f.Ambulances
		if f.Receives {
			receiving++
		}
	}
	if len(s.Facilities) == 0 {
		l.ps.Errorf(l.at("facilities"), "facilities", "no facilities: list at least the ambulance stations and hospitals")
		return
	}
	if units == 0 {
		l.ps.Errorf(l.at("facilities"), "facilities", "no ambulances: set ambulances on at least one facility")
	}
	if receiving == 0 {
		l.ps.Errorf(l.at("facilities"), "facilities", "no facility receives ambulance patients (receives: true)")
	}
	for _, c := range sim.Conditions {
		if c.Needs == "" {
			continue
		}
		has := false
		for _, f := range s.Facilities {
			has = has || f.Receives && f.Has(c.Needs)
		}
		if !has {
			l.ps.Warnf(l.at("simulation"), "simulation.conditions", "no receiving facility has %q: %s patients go to the nearest receiving hospital", c.Needs, c.Name)
		}
	}
}

func (l *loader) unique(field string, n int, name func(int) string) {
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		if seen[name(i)] {
			l.ps.Errorf(l.at("simulation"), field, "%q given twice", name(i))
		}
		seen[name(i)] = true
	}
}

func (l *loader) hasPriority(name string) bool {
	for _, p := range l.s.Simulation.Priorities {
		if p.Name == name {
			return true
		}
	}
	return false
}

func (l *loader) hasCondition(name string) bool {
	for _, c := range l.s.Simulation.Conditions {
		if c.Name == name {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
