// Package geo turns road networks (GeoJSON LineString and MultiLineString
// features with OpenStreetMap tags) into compact routable graphs and answers
// shortest-path questions on them. It knows nothing of ambulances.
//
// The flow is: parse once with [ReadRoads] or [ReadRoadsFile], then [Build]
// one [Graph] per travel profile (driving, walking) with [Options]. A graph
// with the same topology but other edge times (emergency driving, urban
// congestion, time-of-day bands) comes from [Graph.WithTimes] in O(edges).
//
// Graph rules (OSM-export semantics): every distinct vertex coordinate, compared
// after rounding to 1e-7 degree, is a node, so ways that share a vertex are
// connected there, also in the middle of a way; each consecutive vertex pair of
// a line is a straight edge whose length is the haversine distance on a sphere of
// radius [EarthRadius] and whose time is length / speed. Speeds come from the
// numeric speed_kmh property, else maxspeed, else the per-class default table
// ([DefaultSpeeds]). Only the largest strongly connected component is kept
// unless [Options.KeepAllComponents] is set; [BuildReport] says what was dropped.
//
// Points snap to the nearest point on the nearest edge ([Graph.Snap]) through a
// grid index; [Graph.Departures] and [Graph.Arrivals] turn a [Snap] into search
// seeds with the partial edge times. [Search] runs Dijkstra (time buckets read in
// memory order, reusable scratch space) one-to-all, reverse, multi-source, bounded, or
// one-to-one with early exit, with optional path reconstruction. [Search.Route]
// is the quickest drive between two snapped points; [Graph.Trip] adds the
// off-road legs between two points anywhere and the km by road class, and
// [Trip.WriteGeoJSON] writes it for a GIS.
//
// Units: time in seconds, lengths in metres, speeds in km/h where a person
// writes them. Unreachable is +Inf, never an error. Coordinates are WGS-84
// longitude, latitude ([orb.Point]). Node and edge ids are int32 ([NodeID],
// [EdgeID]) and deterministic: the same input and options give the same ids.
package geo
