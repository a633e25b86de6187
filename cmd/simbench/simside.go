package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/emsplan/sim/geo"
	"github.com/paulmach/orb"
)

// peerOptions are geo options that follow the peers' graph rules: their speed
// table is sim's without track; no component is pruned. (Both read oneway
// the same way; the grids have no roundabouts.)
func peerOptions() geo.Options {
	return geo.Options{DropTrack: true, KeepAllComponents: true}
}

// readSources reads an "id,lon,lat" CSV with a header.
func readSources(path string) ([]orb.Point, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no sources", path)
	}
	lon, lat := -1, -1
	for i, h := range rows[0] {
		switch strings.ToLower(h) {
		case "lon", "lng", "longitude", "x":
			lon = i
		case "lat", "latitude", "y":
			lat = i
		}
	}
	if lon < 0 || lat < 0 {
		return nil, fmt.Errorf("%s: header needs lon and lat columns", path)
	}
	var pts []orb.Point
	for n, r := range rows[1:] {
		x, err1 := strconv.ParseFloat(r[lon], 64)
		y, err2 := strconv.ParseFloat(r[lat], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s line %d: bad coordinates", path, n+2)
		}
		pts = append(pts, orb.Point{x, y})
	}
	return pts, nil
}

// simRun is sim's side of the coverage benchmark.
type simRun struct {
	res   peerResult
	g     *geo.Graph
	times []float64
}

// simCoverage loads net with the peers' rules, snaps the sources to their
// nearest nodes (zero access time, duplicates merged) and runs one
// multi-source search, timing each step like the peers do.
func simCoverage(net, src string, thresholds []string) (simRun, error) {
	runtime.GC()
	t0 := time.Now()
	roads, err := geo.ReadRoadsFile(net)
	if err != nil {
		return simRun{}, err
	}
	g, _, err := geo.Build(roads, peerOptions())
	if err != nil {
		return simRun{}, err
	}
	t1 := time.Now()
	pts, err := readSources(src)
	if err != nil {
		return simRun{}, err
	}
	seen := map[geo.NodeID]bool{}
	var seeds []geo.Seed
	for i, p := range pts {
		if v := g.NearestNode(p); !seen[v] {
			seen[v] = true
			seeds = append(seeds, geo.Seed{Node: v, Source: int32(i)})
		}
	}
	sort.Slice(seeds, func(i, j int) bool { return seeds[i].Node < seeds[j].Node })
	t2 := time.Now()
	s := geo.NewSearch(g)
	s.Run(seeds, geo.Query{})
	t3 := time.Now()
	times := s.Times(nil)
	r := peerResult{peer: "sim", nodes: g.Nodes(), edges: g.Edges(), sources: len(seeds), covered: map[string]int{},
		load: t1.Sub(t0).Seconds(), snap: t2.Sub(t1).Seconds(), compute: t3.Sub(t2).Seconds()}
	for _, t := range times {
		if !math.IsInf(t, 1) {
			r.reachable++
		}
	}
	for _, th := range thresholds {
		m, _ := strconv.ParseFloat(th, 64)
		for _, t := range times {
			if t <= m*60 {
				r.covered[th]++
			}
		}
	}
	return simRun{res: r, g: g, times: times}, nil
}
