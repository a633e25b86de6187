package geo

import "math"

// assignNodes gives every position of the selected lines a node id (first
// appearance order) through a hash table on the rounded coordinate.
// O(positions) expected.
func (b *builder) assignNodes() {
	total := 0
	for i := range b.sel {
		total += len(b.lineXY(i)) / 2
	}
	tab := newNodeTable(total / 2)
	b.posStart = make([]int32, len(b.sel)+1)
	b.posNode = make([]int32, 0, total)
	b.xy = make([]int32, 0, total) // trimmed below
	for i := range b.sel {
		xy := b.lineXY(i)
		if !moves(xy) { // a self loop: no node, counted in fill
			b.posStart[i+1] = int32(len(b.posNode))
			continue
		}
		for k := 0; k < len(xy); k += 2 {
			id, added := tab.id(coordKey(xy[k], xy[k+1]), int32(len(b.xy)/2))
			if added {
				b.xy = append(b.xy, xy[k], xy[k+1])
			}
			b.posNode = append(b.posNode, id)
		}
		b.posStart[i+1] = int32(len(b.posNode))
	}
	b.xy = append([]int32(nil), b.xy...)
	// Renumber along a Hilbert curve for memory locality.
	newID := hilbertOrder(b.xy)
	for i, v := range b.posNode {
		b.posNode[i] = newID[v]
	}
	xy := make([]int32, len(b.xy))
	for v, k := range newID {
		xy[2*k], xy[2*k+1] = b.xy[2*v], b.xy[2*v+1]
	}
	b.xy = xy
}

// moves reports whether a line has two different positions.
func moves(xy []int32) bool {
	for k := 2; k < len(xy); k += 2 {
		if xy[k] != xy[0] || xy[k+1] != xy[1] {
			return true
		}
	}
	return false
}

// fill builds the forward CSR in two passes over the segments (count
// out-degrees, then place each edge at its tail's cursor), so edges are in
// tail order without sorting. Zero-length segments and lines that never move
// (self loops) are counted and skipped. O(positions + nodes).
func (b *builder) fill() (*topology, []arc) {
	n := len(b.xy) / 2
	t := &topology{xy: b.xy, off: make([]int32, n+1)}
	deg := t.off[1:]
	for i, s := range b.sel {
		nodes := b.posNode[b.posStart[i]:b.posStart[i+1]]
		moved, zero := false, 0
		for k := 1; k < len(nodes); k++ {
			u, v := nodes[k-1], nodes[k]
			if u == v {
				zero++
				continue
			}
			moved = true
			if s.dir >= 0 {
				deg[u]++
			}
			if s.dir <= 0 {
				deg[v]++
			}
		}
		if moved {
			b.rep.ZeroLength += zero
		} else {
			b.rep.SelfLoops++
		}
	}
	for v := 0; v < n; v++ {
		t.off[v+1] += t.off[v]
	}
	m := int(t.off[n])
	t.tail = make([]NodeID, m)
	t.length, t.class, t.feature = make([]float32, m), make([]Class, m), make([]int32, m)
	arcs := make([]arc, m)
	cur := make([]int32, n)
	copy(cur, t.off[:n])
	put := func(u, v int32, l, sec float64, s *selLine) {
		e := cur[u]
		cur[u]++
		t.tail[e], t.length[e], t.class[e], t.feature[e] = NodeID(u), float32(l), s.class, s.feat
		arcs[e] = arc{head: NodeID(v), time: float32(sec)}
	}
	var ll lineLengths
	for i := range b.sel {
		s := &b.sel[i]
		nodes := b.posNode[b.posStart[i]:b.posStart[i+1]]
		if len(nodes) == 0 {
			continue
		}
		xy := b.lineXY(i)
		ll.start(xy)
		for k := 1; k < len(nodes); k++ {
			l := ll.next(xy, k)
			u, v := nodes[k-1], nodes[k]
			if u == v {
				continue
			}
			sec := l / s.mps
			if s.dir >= 0 {
				put(u, v, l, sec, s)
			}
			if s.dir <= 0 {
				put(v, u, l, sec, s)
			}
		}
	}
	return t, arcs
}

// lineLengths gives the haversine lengths of the segments of a line in order,
// reading its coordinates sequentially. For short segments (under 12 km) the
// sines and arcsine come from Taylor series and cos(latitude) is carried from
// vertex to vertex by rotation, exact to double precision; longer ones use
// the library functions.
type lineLengths struct{ cos, sin float64 }

const e7ToRad = degToRad / 1e7

func (l *lineLengths) start(xy []int32) {
	l.sin, l.cos = math.Sincos(float64(xy[1]) * e7ToRad)
}

// next returns the length in metres of segment k-1..k.
func (l *lineLengths) next(xy []int32, k int) float64 {
	d := float64(xy[2*k+1]-xy[2*k-1]) * e7ToRad // latitude change
	c := float64(xy[2*k]-xy[2*k-2]) * (e7ToRad / 2)
	if math.Abs(d) > 2e-3 || math.Abs(c) > 1e-3 {
		l.sin, l.cos = math.Sincos(float64(xy[2*k+1]) * e7ToRad)
		return haversineE7(xy[2*k-2], xy[2*k-1], xy[2*k], xy[2*k+1])
	}
	d2 := d * d
	sd := d * (1 - d2/6*(1-d2/20*(1-d2/42)))
	cd := 1 - d2/2*(1-d2/12*(1-d2/30))
	cos2 := l.cos*cd - l.sin*sd
	sin2 := l.sin*cd + l.cos*sd
	a := d / 2
	sa := a * (1 - a*a/6*(1-a*a/20))
	sc := c * (1 - c*c/6*(1-c*c/20))
	y := math.Sqrt(sa*sa + l.cos*cos2*sc*sc)
	l.cos, l.sin = cos2, sin2
	return 2 * EarthRadius * y * (1 + y*y/6*(1+y*y*9/20))
}

// reverse builds the reverse CSR (in-edges by head) by counting sort. O(N+E).
func (t *topology) reverse(arcs []arc) {
	n := len(t.off) - 1
	t.revOff = make([]int32, n+1)
	for _, a := range arcs {
		t.revOff[a.head+1]++
	}
	for v := 0; v < n; v++ {
		t.revOff[v+1] += t.revOff[v]
	}
	t.revEdge = make([]EdgeID, len(arcs))
	cur := make([]int32, n)
	copy(cur, t.revOff[:n])
	for e, a := range arcs {
		t.revEdge[cur[a.head]] = EdgeID(e)
		cur[a.head]++
	}
}
