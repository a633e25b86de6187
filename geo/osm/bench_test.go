package osm

import (
	"io"
	"os"
	"testing"
)

// BenchmarkRead reads the file named by SIM_OSM_BENCH (default: Andorra from
// ../shared/data) and writes its roads to io.Discard.
func BenchmarkRead(b *testing.B) {
	path := os.Getenv("SIM_OSM_BENCH")
	if path == "" {
		path = sharedFile(b, "osm_andorra/andorra.osm.pbf")
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Skipf("%s: %v", path, err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		e, err := Read(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.WriteRoads(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
