// Package osm reads OpenStreetMap extracts (.osm.pbf, .osm XML and .osm.bz2)
// and turns them into what sim reads: a road file in the GeoJSON form package
// geo loads, a list of health facilities with a guessed tier for the planner
// to correct, and the named places (city, town, village, hamlet) with their
// population where tagged.
//
// The reader streams the file twice through github.com/paulmach/osm: the
// first pass keeps the ways sim can use (roads by highway class, and the
// outlines of health facilities mapped as areas) and the node ids they use;
// the second pass keeps the coordinates of exactly those nodes, and the
// tagged nodes that are facilities or places. Memory is therefore the kept
// ways and their nodes (about 24 bytes a node reference), never the whole
// planet's node table, and the order of objects in the file does not matter.
//
// An extract may be clipped to a bounding box or a boundary polygon. A way
// that crosses the boundary is kept up to the first node outside it, so roads
// that leave the area and come back stay connected and border roads reach
// the edge. Nodes a way refers to that the file lacks (an extract cut without
// complete ways) break the way there; their count is reported.
//
// Coordinates are WGS-84 longitude, latitude in whole units of 1e-7 degree,
// OSM's own precision, so ways that share a node share an identical
// coordinate in the output. Output is deterministic: ways sorted by id, then
// by piece; facilities and places by OSM type and id.
//
// OSM data is © OpenStreetMap contributors, under the Open Database Licence
// (ODbL) 1.0: keep [Attribution] beside anything derived from it.
package osm
