package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// builder draws the schematic road network onto a network.
type builder struct {
	w        *world
	n        *network
	stopNode map[string]int32
	seatNode map[string]int32 // township code -> the node that stands for its seat
	legs     map[[2]string]bool
	ramps    []ramp
	pointN   map[*demandPoint]int32
}

type ramp struct {
	Town   string // township code
	Route  string // the expressway's ref or name
	AtM    int32  // motorway node
	AtRoad int32  // node on the at-grade road
}

func buildRoads(w *world) (*network, *builder, error) {
	b := &builder{w: w, n: newNetwork(), stopNode: map[string]int32{}, seatNode: map[string]int32{},
		legs: map[[2]string]bool{}, pointN: map[*demandPoint]int32{}}
	b.grids()
	if err := b.corridors(); err != nil {
		return nil, nil, err
	}
	b.countyLinks()
	if err := b.interchanges(); err != nil {
		return nil, nil, err
	}
	b.mesh()
	if err := b.spurs(); err != nil {
		return nil, nil, err
	}
	b.n.planarize()
	b.dedupe()
	b.n.reindex()
	return b.n, b, nil
}

// hillAt reports whether p lies in a hill township.
func (b *builder) hillAt(p pt) bool {
	for _, t := range b.w.T {
		if t.Hill && inPoly(t.Poly, p) {
			return true
		}
	}
	return false
}

func hillTags(t tags) tags {
	if s, ok := hillSpeeds[t.Highway]; ok {
		t.Hill = true
		t.SpeedKmh = float64(s[0])
		t.MaxSpeed = s[1]
	}
	return t
}

// road adds a way from node a to node b along a gently bent path (around the
// reservoir when the straight line would cross it) and returns its index.
func (b *builder) road(a, c int32, t tags, k wayKind, key string) int32 {
	pa, pc := b.n.P[a], b.n.P[c]
	st := styles[t.Highway]
	if t.Hill {
		st = hillStyle(st)
	}
	base := detour(b.w.Water.Obstacle, pa, pc)
	r := stream("road", key)
	var mid []pt
	for amp := 1.0; ; amp /= 2 {
		mid = shape(base, st, r, amp)
		if amp < 0.01 || !b.hitsWater(append(append([]pt{pa}, mid...), pc)) {
			break
		}
	}
	nodes := []int32{a}
	for _, p := range mid {
		nodes = append(nodes, b.n.node(p))
	}
	nodes = append(nodes, c)
	return b.n.addWay(nodes, t, k)
}

func (b *builder) hitsWater(line []pt) bool {
	res := b.w.Water.Reservoir
	c := centroid(res)
	for i := 0; i+1 < len(line); i++ {
		if distToSeg(c, line[i], line[i+1]) > 8000 {
			continue
		}
		if segCrossesRing(res, line[i], line[i+1]) {
			return true
		}
	}
	return false
}

// grids builds the street grids: the core with its ring road and one-way
// streets, and the town grids; it records the node standing for each seat.
func (b *builder) grids() {
	for _, g := range b.w.Grids {
		g.Node = map[[2]int]int32{}
		for _, k := range g.Keys {
			g.Node[k] = b.n.node(g.Pos[k])
		}
		if g.Core {
			b.coreStreets(g)
		} else {
			b.townStreets(g)
		}
	}
	for _, t := range b.w.T {
		for _, g := range b.w.Grids {
			if g.Core && inCore(t.Seat) {
				b.seatNode[t.Code] = g.Node[g.nearestKey(t.Seat)]
			} else if g.T == t {
				b.seatNode[t.Code] = g.Node[[2]int{0, 0}]
			}
		}
	}
}

func floorMod(a, m int) int { return ((a % m) + m) % m }

func (b *builder) coreStreets(g *grid) {
	lines := map[[2]int][][2]int{} // (axis, k) -> keys along the line
	for _, k := range g.Keys {
		lines[[2]int{0, k[1]}] = append(lines[[2]int{0, k[1]}], k)
		lines[[2]int{1, k[0]}] = append(lines[[2]int{1, k[0]}], k)
	}
	var lkeys [][2]int
	for k := range lines {
		lkeys = append(lkeys, k)
	}
	sort.Slice(lkeys, func(i, j int) bool {
		if lkeys[i][0] != lkeys[j][0] {
			return lkeys[i][0] < lkeys[j][0]
		}
		return lkeys[i][1] < lkeys[j][1]
	})
	type ringNode struct {
		ang float64
		id  int32
	}
	var ring []ringNode
	c := project(coreLon, coreLat)
	rot := coreRotDeg * math.Pi / 180
	angOf := func(p pt) float64 { d := p.sub(c).rot(-rot); return math.Atan2(d.Y/coreB, d.X/coreA) }
	for _, lk := range lkeys {
		keys := lines[lk]
		axis, k := lk[0], lk[1]
		sort.Slice(keys, func(i, j int) bool {
			if axis == 0 {
				return keys[i][0] < keys[j][0]
			}
			return keys[i][1] < keys[j][1]
		})
		var nodes []int32
		if p, ok := g.Ends[[3]int{axis, k, -1}]; ok {
			id := b.n.node(p)
			ring = append(ring, ringNode{angOf(p), id})
			nodes = append(nodes, id)
		}
		for _, key := range keys {
			nodes = append(nodes, g.Node[key])
		}
		if p, ok := g.Ends[[3]int{axis, k, 1}]; ok {
			id := b.n.node(p)
			ring = append(ring, ringNode{angOf(p), id})
			nodes = append(nodes, id)
		}
		t := tags{Highway: "residential"}
		if floorMod(k, 4) == 0 {
			t.Highway = "secondary"
		} else if axis == 0 && floorMod(k, 3) == 1 {
			t.Oneway = true
			if floorMod(k/3, 2) == 1 {
				for i, j := 0, len(nodes)-1; i < j; i, j = i+1, j-1 {
					nodes[i], nodes[j] = nodes[j], nodes[i]
				}
			}
		}
		b.n.addWay(nodes, t, kindRoad)
	}
	// Ring road: the line ends plus a point every 2 degrees of the ellipse.
	for d := 0; d < 180; d++ {
		a := -math.Pi + float64(d)*2*math.Pi/180
		p := c.add(pt{coreA * math.Cos(a), coreB * math.Sin(a)}.rot(rot))
		ring = append(ring, ringNode{a, b.n.node(p)})
	}
	sort.Slice(ring, func(i, j int) bool {
		return ring[i].ang < ring[j].ang || (ring[i].ang == ring[j].ang && ring[i].id < ring[j].id)
	})
	for q := 0; q < 4; q++ {
		lo, hi := -math.Pi+float64(q)*math.Pi/2, -math.Pi+float64(q+1)*math.Pi/2
		var nodes []int32
		for _, rn := range ring {
			if rn.ang >= lo && rn.ang < hi {
				nodes = append(nodes, rn.id)
			}
		}
		// close the gap to the next quarter
		for _, rn := range ring {
			if rn.ang >= hi || q == 3 {
				nodes = append(nodes, rn.id)
				break
			}
		}
		b.n.addWay(nodes, tags{Highway: "secondary", NameEn: "Seat ring road"}, kindRoad)
	}
}

func (b *builder) townStreets(g *grid) {
	h := g.H
	t := tags{Highway: "residential"}
	if g.T.Hill {
		t = hillTags(t)
	}
	for i := -h; i <= h; i++ {
		var u, v []int32
		for j := -h; j <= h; j++ {
			u = append(u, g.Node[[2]int{j, i}])
			v = append(v, g.Node[[2]int{i, j}])
		}
		b.n.addWay(u, t, kindRoad)
		b.n.addWay(v, t, kindRoad)
	}
}

// stopID names a stop so that routes passing the same stop share its node.
func stopID(s stopDef) string {
	switch {
	case s.Out != "":
		return "X:" + s.Out
	case s.Dx != 0 || s.Dy != 0:
		return fmt.Sprintf("P:%s:%.1f:%.1f", s.Seat, s.Dx, s.Dy)
	default:
		return "T:" + s.Seat
	}
}

func (b *builder) stopPoint(s stopDef) (pt, error) {
	if s.Out != "" {
		o, ok := outside[s.Out]
		if !ok {
			return pt{}, fmt.Errorf("gen: unknown outside point %q", s.Out)
		}
		var from pt
		for _, c := range o.From {
			from = from.add(b.w.byCode(c).Seat)
		}
		from = from.mul(1 / float64(len(o.From)))
		d := bearing(o.Bearing)
		return rayExit(b.w.Outline, from, d).add(d.mul(o.Ext * 1000)), nil
	}
	return b.w.byCode(s.Seat).Seat.add(pt{s.Dx * 1000, s.Dy * 1000}), nil
}

func (b *builder) stop(s stopDef) (int32, error) {
	id := stopID(s)
	if n, ok := b.stopNode[id]; ok {
		return n, nil
	}
	if strings.HasPrefix(id, "T:") {
		n, ok := b.seatNode[s.Seat]
		if !ok {
			return 0, fmt.Errorf("gen: no seat node for %s", s.Seat)
		}
		b.stopNode[id] = n
		return n, nil
	}
	p, err := b.stopPoint(s)
	if err != nil {
		return 0, err
	}
	n := b.n.node(p)
	b.stopNode[id] = n
	return n, nil
}

// leg is one stretch between two stops; routes that share it share its way.
type leg struct {
	a, c       stopDef
	prev, next *stopDef // motorways: the stops before and after, for a smooth curve
	motor      bool
	routes     []int
}

func legKey(a, c stopDef) [2]string {
	x, y := stopID(a), stopID(c)
	if x > y {
		x, y = y, x
	}
	return [2]string{x, y}
}

// corridors draws every named route leg by leg; a leg used by several routes
// is drawn once, with the most important class and all their refs.
func (b *builder) corridors() error {
	var order [][2]string
	legs := map[[2]string]*leg{}
	for ri, r := range routes {
		for i := 0; i+1 < len(r.Stops); i++ {
			k := legKey(r.Stops[i], r.Stops[i+1])
			l, ok := legs[k]
			if !ok {
				l = &leg{a: r.Stops[i], c: r.Stops[i+1], motor: r.Highway == "motorway"}
				if i > 0 {
					l.prev = &r.Stops[i-1]
				}
				if i+2 < len(r.Stops) {
					l.next = &r.Stops[i+2]
				}
				legs[k] = l
				order = append(order, k)
			}
			if l.motor != (r.Highway == "motorway") {
				return fmt.Errorf("gen: leg %v shared by a motorway and another road", k)
			}
			l.routes = append(l.routes, ri)
		}
	}
	for _, k := range order {
		l := legs[k]
		var refs, names, namesEn []string
		hw := ""
		for _, ri := range l.routes {
			r := routes[ri]
			if hw == "" || classRank[r.Highway] < classRank[hw] {
				hw = r.Highway
			}
			if r.Ref != "" {
				refs = append(refs, r.Ref)
			}
			if r.Name != "" {
				names = append(names, r.Name)
				namesEn = append(namesEn, r.NameEn)
			}
		}
		t := tags{Highway: hw, Ref: strings.Join(refs, ";")}
		if len(names) > 0 {
			t.Name, t.NameEn = names[0], namesEn[0]
		}
		a, err := b.stop(l.a)
		if err != nil {
			return err
		}
		c, err := b.stop(l.c)
		if err != nil {
			return err
		}
		if l.motor {
			b.motorway(a, c, l, t, k[0]+"|"+k[1])
			continue
		}
		if b.hillAt(lerp(b.n.P[a], b.n.P[c], 0.5)) {
			t = hillTags(t)
		}
		b.road(a, c, t, kindRoad, k[0]+"|"+k[1])
		if !l.motor {
			b.legs[k] = true
		}
	}
	return nil
}

// motorway draws an expressway leg as a centripetal Catmull-Rom curve through
// its stops (expressways bend smoothly), with a vertex every 300 m.
func (b *builder) motorway(a, c int32, l *leg, t tags, key string) {
	p1, p2 := b.n.P[a], b.n.P[c]
	p0, p3 := p1.sub(p2.sub(p1)), p2.add(p2.sub(p1))
	if l.prev != nil {
		p0, _ = b.stopPoint(*l.prev)
	}
	if l.next != nil {
		p3, _ = b.stopPoint(*l.next)
	}
	steps := int(math.Ceil(p1.dist(p2) / styles["motorway"].Spacing))
	nodes := []int32{a}
	for i := 1; i < steps; i++ {
		nodes = append(nodes, b.n.node(catmullRom(p0, p1, p2, p3, float64(i)/float64(steps))))
	}
	nodes = append(nodes, c)
	b.n.addWay(nodes, t, kindMotorway)
}

// catmullRom evaluates the centripetal Catmull-Rom segment from p1 to p2 at u in [0,1].
func catmullRom(p0, p1, p2, p3 pt, u float64) pt {
	knot := func(t float64, a, b pt) float64 { return t + math.Sqrt(math.Max(a.dist(b), 1)) }
	t0 := 0.0
	t1 := knot(t0, p0, p1)
	t2 := knot(t1, p1, p2)
	t3 := knot(t2, p2, p3)
	t := t1 + (t2-t1)*u
	mix := func(a, b pt, ta, tb float64) pt { return a.mul((tb - t) / (tb - ta)).add(b.mul((t - ta) / (tb - ta))) }
	a1, a2, a3 := mix(p0, p1, t0, t1), mix(p1, p2, t1, t2), mix(p2, p3, t2, t3)
	b1, b2 := mix(a1, a2, t0, t2), mix(a2, a3, t1, t3)
	return mix(b1, b2, t1, t2)
}

// countyLinks joins the seats of every two townships whose polygons share at
// least 1 km of border, unless a named road already joins them directly or
// both seats are in the built-up grid.
func (b *builder) countyLinks() {
	for _, pair := range sortedPairs(b.w.Borders) {
		if b.w.Borders[pair] < 1000 {
			continue
		}
		ti, tj := b.w.T[pair[0]], b.w.T[pair[1]]
		if inCore(ti.Seat) && inCore(tj.Seat) {
			continue
		}
		k := legKey(seatStop(ti.Code), seatStop(tj.Code))
		if b.legs[k] {
			continue
		}
		// It leaves each town at the corner of its street grid that faces the other.
		a, c := b.gridNodeToward(ti, tj.Seat), b.gridNodeToward(tj, ti.Seat)
		t := tags{Highway: "tertiary"}
		if ti.Hill || tj.Hill {
			t = hillTags(t)
		}
		b.road(a, c, t, kindRoad, "link|"+k[0]+"|"+k[1])
		b.legs[k] = true
		b.w.CountyLinks = append(b.w.CountyLinks, [2]string{ti.Code, tj.Code})
	}
}

func mainRoad(w *way) bool {
	if w.Kind != kindRoad || w.T.Oneway {
		return false
	}
	switch w.T.Highway {
	case "trunk", "primary", "secondary", "tertiary":
		return true
	}
	return false
}

func attachable(w *way) bool { return w.Kind == kindRoad && !w.T.Oneway }

// interchanges adds a motorway_link at each interchange stop, to the nearest
// point of a main at-grade road.
func (b *builder) interchanges() error {
	done := map[string]bool{}
	for _, r := range routes {
		ref := r.Ref
		if ref == "" {
			ref = r.NameEn
		}
		for _, s := range r.Stops {
			id := stopID(s)
			if !s.Interchange || done[id] {
				continue
			}
			done[id] = true
			m := b.stopNode[id]
			si, tpar, _ := b.n.nearest(b.n.P[m], 6000, mainRoad)
			if si < 0 {
				return fmt.Errorf("gen: interchange %s: no main road within 6 km", id)
			}
			at := b.n.splitAt(si, tpar)
			name := b.w.byCode(s.Seat).Pinyin + " interchange (" + ref + ")"
			b.road(m, at, tags{Highway: "motorway_link", NameEn: name}, kindLink, "ramp|"+id)
			b.ramps = append(b.ramps, ramp{Town: s.Seat, Route: ref, AtM: m, AtRoad: at})
		}
	}
	return nil
}

// mesh joins the village centres (and seats) by the relative neighbourhood
// graph: an edge pq is drawn when no third point is closer to both p and q. It
// skips seat-seat pairs (county links do those) and edges over 6 km, and keeps
// only minimum-spanning-tree edges in the hills (sparser roads there).
func (b *builder) mesh() {
	type site struct {
		p    pt
		node int32
		t    *township
		seat bool
		dp   *demandPoint
	}
	var sites []site
	for _, t := range b.w.T {
		sites = append(sites, site{p: t.Seat, node: b.seatNode[t.Code], t: t, seat: true})
	}
	for _, t := range b.w.T {
		for _, v := range t.Villages {
			for _, d := range v.Points {
				if !d.Block && d.P == v.Centre {
					id := b.n.node(d.P)
					b.pointN[d] = id
					sites = append(sites, site{p: d.P, node: id, t: t, dp: d})
				}
			}
		}
	}
	n := len(sites)
	// Euclidean MST (Prim) for the hill rule.
	inMST := map[[2]int]bool{}
	{
		dist := make([]float64, n)
		par := make([]int, n)
		used := make([]bool, n)
		for i := range dist {
			dist[i] = math.Inf(1)
			par[i] = -1
		}
		dist[0] = 0
		for it := 0; it < n; it++ {
			u := -1
			for i := 0; i < n; i++ {
				if !used[i] && (u < 0 || dist[i] < dist[u]) {
					u = i
				}
			}
			used[u] = true
			if par[u] >= 0 {
				inMST[[2]int{min(u, par[u]), max(u, par[u])}] = true
			}
			for v := 0; v < n; v++ {
				if d := sites[u].p.dist(sites[v].p); !used[v] && d < dist[v] {
					dist[v], par[v] = d, u
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			p, q := sites[i], sites[j]
			if p.seat && q.seat {
				continue
			}
			d := p.p.dist(q.p)
			if d > 6000 {
				continue
			}
			rng := true
			for k := 0; k < n && rng; k++ {
				if k != i && k != j && math.Max(sites[k].p.dist(p.p), sites[k].p.dist(q.p)) < d {
					rng = false
				}
			}
			if !rng {
				continue
			}
			hill := p.t.Hill || q.t.Hill
			if hill && d > 4000 && !inMST[[2]int{i, j}] {
				continue
			}
			t := tags{Highway: "unclassified"}
			if hill {
				t = hillTags(t)
			}
			// A village road meets a town at the grid corner facing it, not at the seat.
			a, c := p.node, q.node
			if p.seat {
				a = b.gridNodeToward(p.t, q.p)
			}
			if q.seat {
				c = b.gridNodeToward(q.t, p.p)
			}
			b.road(a, c, t, kindRoad, fmt.Sprintf("mesh|%.0f|%.0f|%.0f|%.0f", p.p.X, p.p.Y, q.p.X, q.p.Y))
		}
	}
}

// gridNodeToward returns the node of the seat's grid nearest p.
func (b *builder) gridNodeToward(t *township, p pt) int32 {
	for _, g := range b.w.Grids {
		if (g.Core && inCore(t.Seat)) || g.T == t {
			return g.Node[g.nearestKey(p)]
		}
	}
	return b.seatNode[t.Code]
}

// spurs gives every hamlet (and any village centre the mesh missed) a short
// road to the nearest attachable road, village by village, so hamlet roads
// branch off each other like a tree.
func (b *builder) spurs() error {
	for _, t := range b.w.T {
		for _, v := range t.Villages {
			for _, d := range v.Points {
				if d.Block {
					continue
				}
				id, ok := b.pointN[d]
				if ok && b.degree(id) > 0 {
					continue
				}
				if !ok {
					id = b.n.node(d.P)
					b.pointN[d] = id
				}
				si, tp, _ := b.n.nearest(d.P, 8000, func(w *way) bool { return attachable(w) && !b.touches(w, id) })
				if si < 0 {
					return fmt.Errorf("gen: demand point %s: no road within 8 km", d.ID)
				}
				at := b.n.splitAt(si, tp)
				tg := tags{Highway: "residential"}
				if t.Hill {
					tg = hillTags(tg)
				}
				b.road(id, at, tg, kindRoad, "spur|"+d.ID)
			}
		}
	}
	return nil
}

func (b *builder) touches(w *way, id int32) bool {
	return w.N[0] == id || w.N[len(w.N)-1] == id
}

// degree counts the live segments at a node (slow; used rarely).
func (b *builder) degree(id int32) int {
	p := b.n.P[id]
	c := cellOf(p)
	k := 0
	for _, si := range b.n.grid[c] {
		s := b.n.S[si]
		if !s.Dead && (s.A == id || s.B == id) {
			k++
		}
	}
	return k
}

// dedupe merges nodes whose written coordinates (7 decimals) coincide and
// drops repeated nodes and ways left with fewer than two.
func (b *builder) dedupe() {
	n := b.n
	first := map[[2]int64]int32{}
	remap := make([]int32, len(n.P))
	for i, p := range n.P {
		lon, lat := unproject(p)
		k := [2]int64{int64(math.Round(lon * 1e7)), int64(math.Round(lat * 1e7))}
		if j, ok := first[k]; ok {
			remap[i] = j
		} else {
			first[k] = int32(i)
			remap[i] = int32(i)
		}
	}
	var ws []*way
	for _, w := range n.W {
		var ns []int32
		for _, id := range w.N {
			id = remap[id]
			if len(ns) > 0 && ns[len(ns)-1] == id {
				continue
			}
			ns = append(ns, id)
		}
		if len(ns) >= 2 {
			w.N = ns
			ws = append(ws, w)
		}
	}
	n.W = ws
	for i := range b.ramps {
		b.ramps[i].AtM, b.ramps[i].AtRoad = remap[b.ramps[i].AtM], remap[b.ramps[i].AtRoad]
	}
	for d, id := range b.pointN {
		b.pointN[d] = remap[id]
	}
	for c, id := range b.seatNode {
		b.seatNode[c] = remap[id]
	}
	for _, g := range b.w.Grids {
		for k, id := range g.Node {
			g.Node[k] = remap[id]
		}
	}
}
