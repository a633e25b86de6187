// Package scenario reads a study from a YAML file and the GeoJSON/CSV files it
// names, and returns a validated Scenario value.
//
// Every problem found is reported, not only the first: Load returns a
// *Problems error listing each one with its file, YAML line (or feature
// index, or CSV line) and field, in words a planner understands, e.g.
//
//	ningxiang.yaml:12: network.emergency_factor: must be > 0, got -1
//	facilities.geojson feature 12: ambulances: must be >= 0, got -1
//
// Paths in the YAML file are relative to the YAML file. Coordinates declared
// as GCJ-02 (AMap) or BD-09 (Baidu) are converted to WGS-84 on load, so every
// point in a Scenario is WGS-84.
//
// The package checks what can be checked without the road network; checks
// that need the network (snap distances, reachability) belong to sim/model.
// The README's "Scenario reference" lists every key, its unit and its default.
package scenario
