package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

type trip struct {
	from, to orb.Point
	want     float64 // seconds, computed by hand in the comment of each case
}

var handCases = []struct {
	file         string
	opts         Options
	nodes, edges int
	trips        []trip
	check        func(t *testing.T, r *BuildReport)
}{
	{
		// A and B cross at their shared middle vertex (0.001,0): connected there.
		// C crosses A at (0.0015,0) where A has no vertex: a bridge, not
		// connected; its 2 nodes form a component that is dropped.
		file: "cross.geojson", nodes: 5, edges: 8,
		trips: []trip{
			{orb.Point{0, 0}, orb.Point{0.001, 0.001}, 2 * t30},      // 2u at 30 km/h = 26.6868 s
			{orb.Point{0.001, -0.001}, orb.Point{0.002, 0}, 2 * t30}, // B south end -> A east end
		},
		check: func(t *testing.T, r *BuildReport) {
			if r.Components != 2 || r.DroppedComponents != 1 || r.DroppedNodes != 2 || !close(r.DroppedKm, 2*u/1000, timeTol) {
				t.Errorf("components %d dropped %d (%d nodes, %g km), want 2, 1 (2 nodes, %g km)", r.Components, r.DroppedComponents, r.DroppedNodes, r.DroppedKm, 2*u/1000)
			}
			if !close(r.Km, 4*u/1000, timeTol) || !close(r.KmByClass["residential"], 4*u/1000, timeTol) {
				t.Errorf("km %g by class %v, want %g", r.Km, r.KmByClass, 4*u/1000)
			}
		},
	},
	{
		file: "cross.geojson", opts: Options{KeepAllComponents: true}, nodes: 7, edges: 10,
		trips: []trip{{orb.Point{0, 0}, orb.Point{0.0015, 0.001}, math.Inf(1)}}, // the bridge is not reachable
	},
	{
		// A square: (0,0)->(0.001,0) primary oneway=yes; (0.001,0)-(0.001,0.001)
		// residential two-way; (0,0.001)-(0.001,0.001) primary oneway=-1, so
		// only westwards; (0,0.001)->(0,0) residential oneway=true.
		file: "oneway.geojson", nodes: 4, edges: 5,
		trips: []trip{
			{orb.Point{0, 0}, orb.Point{0.001, 0}, t60},                     // direct: 6.6717 s
			{orb.Point{0.001, 0}, orb.Point{0, 0}, t30 + t60 + t30},         // around: up, west, down = 33.3585 s
			{orb.Point{0, 0}, orb.Point{0, 0.001}, t60 + t30 + t60},         // east, up, west = 26.6868 s
			{orb.Point{0, 0.001}, orb.Point{0, 0}, t30},                     // oneway=true downwards
			{orb.Point{0, 0.001}, orb.Point{0.001, 0.001}, t30 + t60 + t30}, // -1 forbids eastwards: down, east, up
		},
	},
	{
		// Closed way with junction=roundabout: one-way in drawing order
		// (0,0)->(0.001,0)->(0.001,0.001)->(0,0.001)->(0,0); a two-way
		// secondary spur from (0.001,0) to (0.002,0).
		file: "roundabout.geojson", nodes: 5, edges: 6,
		trips: []trip{
			{orb.Point{0.002, 0}, orb.Point{0, 0}, t50 + 3*t30}, // spur then 3 sides: 8.0060 + 40.0302 s
			{orb.Point{0, 0}, orb.Point{0.002, 0}, t30 + t50},   // 1 side then spur: 21.3495 s
		},
	},
	{
		// A chain along the equator, one 0.001° segment per feature:
		// primary_link 60; residential "20 mph" = 32.18688 km/h; tertiary
		// "signals" -> default 40; service with speed_kmh 45 (wins over
		// maxspeed 60); secondary "70 km/h". Footway dropped; track 15 km/h
		// north of (0.004,0); private unclassified 30 north of (0,0).
		file: "speeds.geojson", nodes: 8, edges: 14,
		trips: []trip{
			{orb.Point{0, 0}, orb.Point{0.005, 0}, t60 + u/(20*1.609344/3.6) + t40 + u/(45/3.6) + u/(70/3.6)}, // 43.7307 s
			{orb.Point{0.004, 0.001}, orb.Point{0.004, 0}, t15},
			{orb.Point{0, 0.001}, orb.Point{0, 0}, t30},
		},
		check: func(t *testing.T, r *BuildReport) {
			if r.SpeedFromMaxspeed != 2 || r.SpeedUnparseable != 1 || r.SpeedFromProperty != 1 || r.SpeedDefault != 3 {
				t.Errorf("speed sources maxspeed %d unparseable %d property %d default %d, want 2 1 1 3",
					r.SpeedFromMaxspeed, r.SpeedUnparseable, r.SpeedFromProperty, r.SpeedDefault)
			}
			if r.UnparseableMaxspeed["signals"] != 1 || r.DroppedClasses["footway"] != 1 {
				t.Errorf("unparseable %v dropped %v", r.UnparseableMaxspeed, r.DroppedClasses)
			}
		},
	},
	{
		// Overrides: primary 30 (so primary_link too), tertiary 20; track and
		// private dropped; footway made drivable at 10 km/h.
		file: "speeds.geojson", nodes: 7, edges: 12,
		opts: Options{Speeds: map[string]float64{"primary": 30, "tertiary": 20, "footway": 10}, DropTrack: true, DropPrivate: true},
		trips: []trip{
			{orb.Point{0, 0}, orb.Point{0.006, 0}, t30 + u/(20*1.609344/3.6) + u/(20/3.6) + u/(45/3.6) + u/(70/3.6) + u/(10/3.6)},
		},
		check: func(t *testing.T, r *BuildReport) {
			if r.DroppedTrack != 1 || r.DroppedPrivate != 1 {
				t.Errorf("dropped track %d private %d, want 1 1", r.DroppedTrack, r.DroppedPrivate)
			}
		},
	},
	{
		// MultiLineString parts (0,0)-(0.001,0) and (0.002,0)-(0.003,0) are
		// separate lines, joined only by the LineString (0.001,0)-(0.002,0).
		// The Point and Polygon are skipped and counted.
		file: "multi.geojson", nodes: 4, edges: 6,
		trips: []trip{{orb.Point{0, 0}, orb.Point{0.003, 0}, 3 * t30}}, // 40.0302 s
		check: func(t *testing.T, r *BuildReport) {
			if r.SkippedGeometry["Point"] != 1 || r.SkippedGeometry["Polygon"] != 1 {
				t.Errorf("skipped %v, want Point 1 Polygon 1", r.SkippedGeometry)
			}
		},
	},
	{
		// Main network 4 nodes; an island of 3 nodes (2u = 0.2224 km) and a
		// one-way segment (two 1-node components, u = 0.1112 km): dropped. The
		// island lies at latitude 0.01°, where a parallel is shorter by 1.5e-8.
		file: "island.geojson", nodes: 4, edges: 6,
		check: func(t *testing.T, r *BuildReport) {
			if r.Components != 4 || r.DroppedComponents != 3 || r.DroppedNodes != 5 || !close(r.DroppedKm, 3*u/1000, 1e-7) {
				t.Errorf("components %d dropped %d (%d nodes, %g km), want 4 3 (5 nodes, %g km)", r.Components, r.DroppedComponents, r.DroppedNodes, r.DroppedKm, 3*u/1000)
			}
			if len(r.Warnings) == 0 {
				t.Error("no warning about dropped components")
			}
		},
	},
	{file: "island.geojson", opts: Options{KeepAllComponents: true}, nodes: 9, edges: 11},
	{
		// Drawn without shared vertices: B ends 2.2 m north of A's middle, C
		// starts 1.1 m east of A's end. Without snapping only A (3 nodes) stays.
		file: "nosnap.geojson", nodes: 3, edges: 4,
	},
	{
		// With 5 m end snapping: A's end moves onto C's start (A comes first),
		// B's end joins A's segment at (0.001,0), which is split there.
		// (0,0) -> B's north end: u along A + u up B = 26.6868 s;
		// (0,0) -> C's east end: 3u (collinear) = 40.0302 s.
		file: "nosnap.geojson", opts: Options{SnapEnds: 5}, nodes: 6, edges: 10,
		trips: []trip{
			{orb.Point{0, 0}, orb.Point{0.001, 0.001}, 2 * t30},
			{orb.Point{0, 0}, orb.Point{0.003, 0}, 3 * t30},
		},
		check: func(t *testing.T, r *BuildReport) {
			if r.SnappedEnds != 1 || r.SplitSegments != 1 || r.Components != 1 {
				t.Errorf("snapped %d split %d components %d, want 1 1 1", r.SnappedEnds, r.SplitSegments, r.Components)
			}
		},
	},
}

func TestHandCheckedNetworks(t *testing.T) {
	for _, c := range handCases {
		g, rep := loadTestdata(t, c.file, c.opts)
		if g.Nodes() != c.nodes || g.Edges() != c.edges {
			t.Errorf("%s %+v: %d nodes %d edges, want %d %d", c.file, c.opts, g.Nodes(), g.Edges(), c.nodes, c.edges)
		}
		for _, tr := range c.trips {
			if got := travel(t, g, tr.from, tr.to); !close(got, tr.want, timeTol) {
				t.Errorf("%s %+v: %v -> %v: %.6f s, want %.6f", c.file, c.opts, tr.from, tr.to, got, tr.want)
			}
		}
		if c.check != nil {
			c.check(t, rep)
		}
	}
}

func TestWalkMode(t *testing.T) {
	// Walking: one-way ignored, footway used, every edge at 5 km/h.
	g, rep := loadTestdata(t, "oneway.geojson", Options{Mode: Walk})
	if g.Edges() != 8 || rep.Mode != "walk" {
		t.Errorf("walk graph: %d edges mode %s, want 8 (every segment both ways)", g.Edges(), rep.Mode)
	}
	// (0.001,0) -> (0,0) directly: u at 5 km/h = 80.0605 s.
	if got, want := travel(t, g, orb.Point{0.001, 0}, orb.Point{0, 0}), u/(5/3.6); !close(got, want, timeTol) {
		t.Errorf("walk time %g, want %g", got, want)
	}
	g, _ = loadTestdata(t, "speeds.geojson", Options{Mode: Walk, WalkKmh: 4})
	// footway included: (0,0) -> (0.006,0) = 6u at 4 km/h = 600.45 s
	if got, want := travel(t, g, orb.Point{0, 0}, orb.Point{0.006, 0}), 6*u/(4/3.6); !close(got, want, timeTol) {
		t.Errorf("walk along the chain %g, want %g", got, want)
	}
}

func TestParseMaxspeed(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64 // km/h, 0 = not understood
	}{{"60", 60}, {"60 km/h", 60}, {"60km/h", 60}, {"50 kmh", 50}, {"45 kph", 45}, {"40 mph", 64.37376},
		{" 30 MPH ", 48.28032}, {"12.5", 12.5}, {"signals", 0}, {"none", 0}, {"RU:urban", 0}, {"50;30", 0},
		{"0", 0}, {"", 0}, {"-5", 0}, {"60 knots", 0}, {"mph", 0}, {"5.", 0}} {
		got, ok := ParseMaxspeed(c.in)
		if (c.want == 0) == ok || (ok && !close(got, c.want, 1e-12)) {
			t.Errorf("ParseMaxspeed(%q) = %g, %v; want %g", c.in, got, ok, c.want)
		}
	}
}

func TestDeterministicIDs(t *testing.T) {
	// Building twice gives the same node and edge numbering.
	a, _ := loadTestdata(t, "speeds.geojson", Options{})
	b, _ := loadTestdata(t, "speeds.geojson", Options{})
	for v := 0; v < a.Nodes(); v++ {
		if a.Point(NodeID(v)) != b.Point(NodeID(v)) {
			t.Fatalf("node %d differs", v)
		}
	}
	for e := 0; e < a.Edges(); e++ {
		if a.Head(EdgeID(e)) != b.Head(EdgeID(e)) || a.Time(EdgeID(e)) != b.Time(EdgeID(e)) {
			t.Fatalf("edge %d differs", e)
		}
	}
}
