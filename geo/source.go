package geo

// SetSource records the size and SHA-256 of the file the roads were read
// from, for readers other than [ReadRoadsFile] (an OSM PBF import reads the
// original file itself and hands GeoJSON to [ReadRoads]).
func (r *Roads) SetSource(sha256 string, bytes int64) {
	r.stats.SHA256, r.stats.Bytes = sha256, bytes
}
