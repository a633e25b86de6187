package geo

import (
	"fmt"
	"sort"
	"strings"
)

// selLine is a line chosen for the graph with its travel attributes.
type selLine struct {
	line  int32 // line index in Roads
	feat  int32 // feature index
	class Class
	dir   int8    // +1 forward only, -1 backward only, 0 both ways
	mps   float64 // speed, m/s
}

// builder holds the state of one Build call.
type builder struct {
	roads      *Roads
	opt        Options
	rep        *BuildReport
	speeds     map[string]float64
	classID    map[string]Class
	classNames []string
	sel        []selLine
	edited     map[int32][]int32 // lines changed by end snapping: line -> xy
	posStart   []int32           // posNode offset of each selected line; len(sel)+1
	posNode    []int32           // node of each position of the selected lines
	xy         []int32           // node coordinates
	twoWay     []bool            // per feature: its segments are driven both ways
}

// Build makes the routable graph of roads for opts: nodes at distinct
// coordinates, an edge per consecutive vertex pair and allowed direction, CSR
// forward and reverse, the largest strongly connected component only unless
// opts.KeepAllComponents. The report says what was used, defaulted, skipped
// and dropped. It returns an error wrapping ErrOptions for bad options and
// ErrNoRoad when no edge is left. O((P + E) + N log N) for P positions.
func Build(roads *Roads, opts Options) (*Graph, *BuildReport, error) {
	if err := opts.validate(); err != nil {
		return nil, nil, err
	}
	b := &builder{roads: roads, opt: opts, rep: newReport(roads, opts.Mode), classID: map[string]Class{}}
	for i, n := range fixedClassNames {
		b.classID[n] = Class(i)
	}
	b.classNames = fixedClassNames[:]
	b.speeds = DefaultSpeeds()
	for c, v := range opts.Speeds {
		b.speeds[c] = v
	}
	b.selectLines()
	if len(b.sel) == 0 {
		return nil, b.rep, b.noRoad()
	}
	if opts.SnapEnds > 0 {
		b.snapEnds()
	}
	b.assignNodes()
	t, arcs := b.fill()
	b.posNode, b.posStart, b.edited = nil, nil, nil // free before the components
	if len(arcs) == 0 {
		return nil, b.rep, b.noRoad()
	}
	arcs = b.prune(t, arcs)
	if len(arcs) == 0 {
		return nil, b.rep, fmt.Errorf("%w (%s mode): no two of the %d nodes can reach each other both ways (one-way roads only?); the keep-all-components option keeps them",
			ErrNoRoad, b.rep.Mode, b.rep.DroppedNodes+1)
	}
	t.reverse(arcs)
	t.classNames = b.classNames
	g := newGraph(t, arcs, opts.Mode)
	b.rep.finish(g)
	return g, b.rep, nil
}

// noRoad explains an empty graph.
func (b *builder) noRoad() error {
	r := b.rep
	var why []string
	for _, c := range sortedKeys(r.DroppedClasses) {
		why = append(why, fmt.Sprintf("%s (%d)", c, r.DroppedClasses[c]))
	}
	msg := fmt.Sprintf("%d features", r.Features)
	if r.NoHighway > 0 {
		msg += fmt.Sprintf(", %d without a highway tag or speed_kmh", r.NoHighway)
	}
	if len(why) > 0 {
		msg += ", classes left out: " + strings.Join(why, ", ")
	}
	return fmt.Errorf("%w (%s mode): %s", ErrNoRoad, r.Mode, msg)
}

// class returns the Class number of a base class name, adding it if new.
func (b *builder) class(name string) Class {
	if c, ok := b.classID[name]; ok {
		return c
	}
	if len(b.classNames) >= 255 {
		return Road
	}
	c := Class(len(b.classNames))
	b.classNames = append(b.classNames[:len(b.classNames):len(b.classNames)], name)
	b.classID[name] = c
	return c
}

// selectLines decides, per feature, whether its lines are used and at what
// speed and direction, counting the reasons in the report.
func (b *builder) selectLines() {
	r, rep := b.roads, b.rep
	b.twoWay = make([]bool, r.Len())
	for f := 0; f < r.Len(); f++ {
		l0, l1 := r.featLine[f], r.featLine[f+1]
		if l0 == l1 {
			continue
		}
		t := r.tags(f)
		hw := strings.TrimSpace(t.Highway)
		base := baseClass(hw)
		if hw == "" && (b.opt.Mode == Walk || t.SpeedKmh == 0) {
			rep.NoHighway++
			continue
		}
		if hw == "" {
			base = "road"
		}
		if b.opt.DropPrivate && privateAccess(t) {
			rep.DroppedPrivate++
			continue
		}
		if b.opt.DropTrack && base == "track" {
			rep.DroppedTrack++
			continue
		}
		s := selLine{feat: int32(f), class: b.class(base)}
		if b.opt.Mode == Walk {
			if !walkClasses[base] {
				rep.DroppedClasses[hw]++
				continue
			}
			s.mps = b.opt.WalkKmh / 3.6
		} else {
			kmh, ok := b.speeds[hw]
			if !ok {
				kmh, ok = b.speeds[base]
			}
			if hw == "" {
				kmh, ok = t.SpeedKmh, true
			}
			if !ok || kmh == 0 {
				rep.DroppedClasses[hw]++
				continue
			}
			kmh = b.featureSpeed(t, kmh)
			s.mps = kmh / 3.6
			dir, ok := onewayDir(t)
			if !ok {
				rep.UnknownOneway[t.Oneway]++
			}
			s.dir = int8(dir)
		}
		rep.RoadFeatures++
		b.twoWay[f] = s.dir == 0
		for l := l0; l < l1; l++ {
			s.line = l
			b.sel = append(b.sel, s)
		}
	}
}

// featureSpeed applies speed_kmh and maxspeed over the class speed, counting
// where the speed came from.
func (b *builder) featureSpeed(t *roadTags, classKmh float64) float64 {
	rep := b.rep
	if t.SpeedKmh > 0 {
		rep.SpeedFromProperty++
		return t.SpeedKmh
	}
	if t.Maxspeed == "" {
		rep.SpeedDefault++
		return classKmh
	}
	if v, ok := ParseMaxspeed(t.Maxspeed); ok {
		rep.SpeedFromMaxspeed++
		return v
	}
	rep.SpeedUnparseable++
	rep.UnparseableMaxspeed[t.Maxspeed]++
	return classKmh
}

// lineXY returns the coordinates of selected line i.
func (b *builder) lineXY(i int) []int32 {
	l := b.sel[i].line
	if xy, ok := b.edited[l]; ok {
		return xy
	}
	a, c := b.roads.lineRange(int(l))
	return b.roads.xy[2*a : 2*c]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
