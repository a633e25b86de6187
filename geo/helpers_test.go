package geo

import (
	"math"
	"os"
	"testing"

	"github.com/paulmach/orb"
)

// Hand-computed constants for the testdata networks, which lie within 0.003
// degree of the equator: there 0.001 degree along a parallel or a meridian is
// u = R·π/180·0.001 = 6371008.8 × 0.0174532925199 × 0.001 = 111.1950802 m
// (along a parallel at latitude 0.001° it is shorter by 1.5e-10 relative).
const (
	// timeTol is the relative tolerance on times and lengths: edge times and
	// lengths are stored as float32, rounded by at most 6e-8 of their value.
	timeTol = 2e-7

	u   = 111.19508023353292 // metres per 0.001 degree
	t30 = u / (30 / 3.6)     // 13.3434 s: residential, unclassified
	t60 = u / (60 / 3.6)     // 6.6717 s: primary (and primary_link)
	t50 = u / (50 / 3.6)     // 8.0060 s: secondary
	t40 = u / (40 / 3.6)     // 10.0076 s: tertiary
	t15 = u / (15 / 3.6)     // 26.6868 s: track
)

func loadTestdata(t *testing.T, name string, opts Options) (*Graph, *BuildReport) {
	t.Helper()
	roads, err := ReadRoadsFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	g, rep, err := Build(roads, opts)
	if err != nil {
		t.Fatal(err)
	}
	return g, rep
}

// nodeAt returns the node exactly at lon, lat, failing the test if none.
func nodeAt(t *testing.T, g *Graph, lon, lat float64) NodeID {
	t.Helper()
	v := g.NearestNode(orb.Point{lon, lat})
	if v == NoNode || math.Abs(g.Point(v)[0]-lon) > 1e-9 || math.Abs(g.Point(v)[1]-lat) > 1e-9 {
		t.Fatalf("no node at %g,%g (nearest %d)", lon, lat, v)
	}
	return v
}

func close(a, b, rel float64) bool {
	if math.IsInf(a, 1) || math.IsInf(b, 1) {
		return a == b
	}
	return math.Abs(a-b) <= rel*math.Max(math.Abs(a), math.Abs(b))+1e-12
}

// travel returns the shortest time between two coordinates that are nodes.
func travel(t *testing.T, g *Graph, a, b orb.Point) float64 {
	t.Helper()
	tt, _ := ShortestBetween(g, nodeAt(t, g, a[0], a[1]), nodeAt(t, g, b[0], b[1]))
	return tt
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
