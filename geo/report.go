package geo

import (
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
)

// BuildReport says what [Build] used, defaulted, skipped and dropped. Counts of
// features are per feature in the file; lengths are road km, each segment
// counted once whatever its directions. Maps are keyed by the value as written.
type BuildReport struct {
	Mode            string         `json:"mode"`
	Features        int            `json:"features"`         // features in the file
	RoadFeatures    int            `json:"road_features"`    // features used
	SkippedGeometry map[string]int `json:"skipped_geometry"` // other geometry types -> features
	ShortLines      int            `json:"short_lines"`      // lines with < 2 positions, skipped

	Nodes int     `json:"nodes"` // nodes of the graph returned
	Edges int     `json:"edges"` // directed edges of the graph returned
	Km    float64 `json:"km"`    // road km in the graph returned

	KmByClass             map[string]float64 `json:"km_by_class"`
	Components            int                `json:"components"` // strongly connected, before pruning
	LargestComponentNodes int                `json:"largest_component_nodes"`
	DroppedComponents     int                `json:"dropped_components"`
	DroppedNodes          int                `json:"dropped_nodes"`
	DroppedKm             float64            `json:"dropped_km"`

	SpeedFromProperty   int            `json:"speed_from_speed_kmh"` // features whose speed_kmh was used
	SpeedFromMaxspeed   int            `json:"speed_from_maxspeed"`
	SpeedDefault        int            `json:"speed_default"`     // no maxspeed: class default
	SpeedUnparseable    int            `json:"speed_unparseable"` // maxspeed not understood: class default
	UnparseableMaxspeed map[string]int `json:"unparseable_maxspeed"`
	UnknownOneway       map[string]int `json:"unknown_oneway"` // oneway values read as two-way

	DroppedClasses map[string]int `json:"dropped_classes"` // highway value -> features not used
	DroppedTrack   int            `json:"dropped_track"`   // by Options.DropTrack
	DroppedPrivate int            `json:"dropped_private"` // by Options.DropPrivate
	NoHighway      int            `json:"no_highway"`      // neither highway nor speed_kmh

	ZeroLength    int `json:"zero_length_segments"` // repeated vertices, skipped
	SelfLoops     int `json:"self_loops"`           // lines whose vertices are all identical, skipped
	SnappedEnds   int `json:"snapped_ends"`         // ends moved onto another line's vertex
	SplitSegments int `json:"split_segments"`       // ends joined to the middle of a segment

	Bound    orb.Bound `json:"-"`
	Warnings []string  `json:"warnings"`
}

func newReport(r *Roads, m Mode) *BuildReport {
	st := r.Stats()
	skipped := map[string]int{}
	for k, v := range st.Skipped {
		skipped[k] = v
	}
	return &BuildReport{Mode: m.String(), Features: st.Features, SkippedGeometry: skipped,
		ShortLines: st.ShortLines, KmByClass: map[string]float64{}, UnparseableMaxspeed: map[string]int{},
		UnknownOneway: map[string]int{}, DroppedClasses: map[string]int{}}
}

// finish fills the graph counts and writes the warnings, in a fixed order.
func (r *BuildReport) finish(g *Graph) {
	r.Nodes, r.Edges, r.Bound = g.Nodes(), g.Edges(), g.Bound()
	w := func(format string, a ...any) { r.Warnings = append(r.Warnings, fmt.Sprintf(format, a...)) }
	if r.DroppedComponents > 0 {
		w("dropped %d strongly connected components not reachable both ways from the main network (%d nodes, %.1f km); the keep-all-components option keeps them",
			r.DroppedComponents, r.DroppedNodes, r.DroppedKm)
	}
	if total := r.LargestComponentNodes + r.DroppedNodes; r.Components > 1 && float64(r.LargestComponentNodes) < 0.9*float64(total) {
		w("the largest component holds only %.0f%% of the nodes: do ways share vertices at junctions? (try end snapping for GIS-drawn data)",
			100*float64(r.LargestComponentNodes)/float64(total))
	}
	if r.SpeedUnparseable > 0 {
		w("maxspeed not understood on %d features, class default used: %s", r.SpeedUnparseable, topCounts(r.UnparseableMaxspeed, 5))
	}
	if len(r.UnknownOneway) > 0 {
		w("oneway value not understood, read as two-way: %s", topCounts(r.UnknownOneway, 5))
	}
	if r.ZeroLength > 0 {
		w("%d zero-length segments (repeated vertices) skipped", r.ZeroLength)
	}
	if r.SelfLoops > 0 {
		w("%d lines whose vertices are all identical (self loops) skipped", r.SelfLoops)
	}
	if r.ShortLines > 0 {
		w("%d lines with fewer than 2 positions skipped", r.ShortLines)
	}
	if len(r.SkippedGeometry) > 0 {
		w("features without line geometry skipped: %s", topCounts(r.SkippedGeometry, 10))
	}
	if r.NoHighway > 0 {
		w("%d line features have no highway tag (nor speed_kmh) and were not used", r.NoHighway)
	}
}

// topCounts formats the n largest counts of m as `"a" 3, "b" 1`, ties by key.
func topCounts(m map[string]int, n int) string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	var parts []string
	for i, k := range keys {
		if i == n {
			parts = append(parts, fmt.Sprintf("and %d more", len(keys)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%q %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
