package geo_test

import (
	"fmt"
	"strings"

	"github.com/emsplan/sim/geo"
	"github.com/paulmach/orb"
)

func Example() {
	// Two residential ways crossing at a shared vertex, on the equator.
	const roads = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[0,0],[0.001,0],[0.002,0]]}},
{"type":"Feature","properties":{"highway":"residential","oneway":"yes"},"geometry":{"type":"LineString","coordinates":[[0.001,-0.001],[0.001,0],[0.001,0.001]]}}]}`
	r, err := geo.ReadRoads(strings.NewReader(roads))
	if err != nil {
		panic(err)
	}
	g, rep, err := geo.Build(r, geo.Options{KeepAllComponents: true})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d nodes, %d edges, %.3f km\n", g.Nodes(), g.Edges(), rep.Km)

	// Snap two points and drive between them (30 km/h).
	from, _ := g.Snap(orb.Point{0.0002, 0.0001})
	to, _ := g.Snap(orb.Point{0.0011, 0.0008})
	route := geo.NewSearch(g).Route(from, to)
	off := geo.OffroadSeconds(from.Dist, 15) + geo.OffroadSeconds(to.Dist, 15)
	fmt.Printf("snapped %.1f m and %.1f m away\n", from.Dist, to.Dist)
	fmt.Printf("%.1f s driving %.0f m, plus %.1f s off-road\n", route.Time, route.Length, off)
	// Output:
	// 5 nodes, 6 edges, 0.445 km
	// snapped 11.1 m and 11.1 m away
	// 21.3 s driving 178 m, plus 5.3 s off-road
}
