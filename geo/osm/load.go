package osm

import (
	"io"

	"github.com/emsplan/sim/geo"
)

// ReadRoads reads the roads of the OSM file at path (no facilities or
// places) into the form package geo builds graphs from, exactly as if the
// file had first been written with [Extract.WriteRoads] and read with
// [geo.ReadRoads]. The stats carry the OSM file's size and SHA-256.
func ReadRoads(path string, opts Options) (*geo.Roads, *Stats, error) {
	opts.RoadsOnly = true
	e, err := Read(path, opts)
	if err != nil {
		return nil, nil, err
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(e.WriteRoads(pw)) }()
	roads, err := geo.ReadRoads(pr)
	pr.CloseWithError(io.ErrClosedPipe) // unblock the writer if the reader stopped early
	if err != nil {
		return nil, nil, err
	}
	roads.SetSource(e.Stats.SHA256, e.Stats.Bytes)
	return roads, &e.Stats, nil
}

// LoadRoads reads a road file of either kind: an OSM file (by its name, see
// [IsOSM]) through [ReadRoads] with default options, anything else as
// GeoJSON with [geo.ReadRoadsFile].
func LoadRoads(path string) (*geo.Roads, error) {
	if !IsOSM(path) {
		return geo.ReadRoadsFile(path)
	}
	roads, _, err := ReadRoads(path, Options{})
	return roads, err
}
