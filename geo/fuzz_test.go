package geo

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to ReadRoads and Build: they must never
// panic; a read error must be an InputError; a built graph must be a valid
// CSR with finite non-negative times. The seed corpus (testdata networks and
// the bad inputs) runs as part of go test.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.geojson")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, c := range badInputs {
		f.Add([]byte(c.in))
	}
	f.Add([]byte("\x1e{\"type\":\"Feature\",\"properties\":{\"highway\":\"primary\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}}\n"))
	f.Add([]byte(`{"features":[{"geometry":{"coordinates":[[[0,0],[1e-3,0]],[[1e-3,0],[1e-3,1e-3]]],"type":"MultiLineString"},"properties":{"highway":"residential","oneway":-1,"name":"\u5b81\u4e61 \ud83d\ude91"}}],"type":"FeatureCollection"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		roads, err := ReadRoads(bytes.NewReader(data))
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
			return
		}
		for _, opts := range []Options{{}, {KeepAllComponents: true, SnapEnds: 10}, {Mode: Walk}} {
			g, _, err := Build(roads, opts)
			if err != nil {
				if !errors.Is(err, ErrNoRoad) {
					t.Fatalf("build: %v", err)
				}
				continue
			}
			checkGraph(t, g)
		}
	})
}

// checkGraph verifies the CSR invariants of g and runs a search and a snap.
func checkGraph(t *testing.T, g *Graph) {
	t.Helper()
	n, m := g.Nodes(), g.Edges()
	in := 0
	for v := 0; v < n; v++ {
		lo, hi := g.OutEdges(NodeID(v))
		for e := lo; e < hi; e++ {
			if g.Tail(e) != NodeID(v) || g.Head(e) < 0 || int(g.Head(e)) >= n {
				t.Fatalf("edge %d: tail %d head %d, in range of node %d", e, g.Tail(e), g.Head(e), v)
			}
			if tt := g.Time(e); !(tt >= 0) || math.IsInf(tt, 0) || !(g.Length(e) > 0) {
				t.Fatalf("edge %d: time %g length %g", e, tt, g.Length(e))
			}
		}
		for _, e := range g.InEdges(NodeID(v)) {
			if g.Head(e) != NodeID(v) {
				t.Fatalf("in-edge %d of %d has head %d", e, v, g.Head(e))
			}
			in++
		}
	}
	if in != m {
		t.Fatalf("%d in-edges, %d edges", in, m)
	}
	if n > 0 {
		s := NewSearch(g)
		s.Run([]Seed{{Node: 0}}, Query{})
		sn, ok := g.Snap(g.Point(0))
		if !ok || sn.Dist > 1e-6 {
			t.Fatalf("snap of node 0: %+v", sn)
		}
		s.Route(sn, sn)
	}
}
