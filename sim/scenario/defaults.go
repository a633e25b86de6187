package scenario

// defaults returns a scenario holding every default of the README's scenario reference.
// The simulation defaults, with their sources, are the table in
// docs/simulation.md; keep the two in step.
func defaults() *Scenario {
	s := &Scenario{Seed: 1}
	s.Network = Network{
		Source: "other", OffroadKmh: 15, SnapWarnM: 1000, SnapMaxM: 10000,
		EmergencyFactor: 1.2, UrbanFactor: 0.8,
		Bands: []Band{{Name: "offpeak", Factor: 1}},
	}
	s.Zones.DefaultClass = "rural"
	s.Targets = Targets{ByClass: map[string]float64{}, ByPriority: map[string]map[string]float64{}}
	s.Demand.Growth = 1
	s.Demand.PopulationYear = 0
	s.HealthCircle = HealthCircle{
		Minutes: 15, WalkKmh: 5,
		Mode:  map[string]string{"urban": "walk", "rural": "drive"},
		Tiers: []Tier{CountyHospital, SubCentre, TownshipCentre, CommunityCentre, VillageClinic},
	}
	s.Simulation = defaultSimulation()
	return s
}

// defaultTargets are the "10+30" targets in minutes, used for classes the
// targets section leaves out.
var defaultTargets = map[string]float64{"urban": 10, "rural": 30}

func defaultSimulation() Simulation {
	sim := Simulation{
		Days: 365, WarmupDays: 7, Replications: 20,
		CallsPer1000PerYear: 25,
		Priorities:          []Priority{{Name: "P1", Share: 0.25}, {Name: "P2", Share: 0.5}, {Name: "P3", Share: 0.25}},
		Conditions: []Condition{
			{Name: "chest_pain", Share: 0.08, Needs: "chest_pain", TargetMin: 120},
			{Name: "stroke", Share: 0.07, Needs: "stroke", TargetMin: 60},
			{Name: "trauma", Share: 0.20, Needs: "trauma"},
			{Name: "maternal", Share: 0.04, Needs: "maternal"},
			{Name: "neonatal", Share: 0.01, Needs: "neonatal"},
			{Name: "other", Share: 0.60},
		},
		Conveyance:     0.8,
		DispatchDelay:  Dist{Kind: "lognormal", Median: 1.5, P90: 3},
		Turnout:        Dist{Kind: "lognormal", Median: 1, P90: 2},
		OnScene:        Dist{Kind: "lognormal", Median: 15, P90: 30},
		Handover:       Dist{Kind: "lognormal", Median: 15, P90: 30},
		AVL:            true,
		HandoverFactor: 0.7,
	}
	// Flat profiles: the honest default without local data (docs/simulation.md).
	for i := range sim.Hourly {
		sim.Hourly[i] = 1
	}
	for i := range sim.Weekly {
		sim.Weekly[i] = 1
	}
	for i := range sim.Conditions {
		sim.Conditions[i].Conveyance = -1 // the simulation's conveyance, resolved in check
	}
	return sim
}
