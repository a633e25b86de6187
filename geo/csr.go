package geo

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
func (b *builder) fill() (*topology, []float64) {
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
	t.head, t.tail = make([]NodeID, m), make([]NodeID, m)
	t.length, t.class, t.feature = make([]float64, m), make([]Class, m), make([]int32, m)
	times := make([]float64, m)
	cur := make([]int32, n)
	copy(cur, t.off[:n])
	put := func(u, v int32, l, sec float64, s *selLine) {
		e := cur[u]
		cur[u]++
		t.head[e], t.tail[e], t.length[e], t.class[e], t.feature[e] = NodeID(v), NodeID(u), l, s.class, s.feat
		times[e] = sec
	}
	for i := range b.sel {
		s := &b.sel[i]
		nodes := b.posNode[b.posStart[i]:b.posStart[i+1]]
		for k := 1; k < len(nodes); k++ {
			u, v := nodes[k-1], nodes[k]
			if u == v {
				continue
			}
			l := haversineE7(b.xy[2*u], b.xy[2*u+1], b.xy[2*v], b.xy[2*v+1])
			sec := l / s.mps
			if s.dir >= 0 {
				put(u, v, l, sec, s)
			}
			if s.dir <= 0 {
				put(v, u, l, sec, s)
			}
		}
	}
	return t, times
}

// reverse builds the reverse CSR (in-edges by head) by counting sort. O(N+E).
func (t *topology) reverse() {
	n := len(t.off) - 1
	t.revOff = make([]int32, n+1)
	for _, h := range t.head {
		t.revOff[h+1]++
	}
	for v := 0; v < n; v++ {
		t.revOff[v+1] += t.revOff[v]
	}
	t.revEdge = make([]EdgeID, len(t.head))
	cur := make([]int32, n)
	copy(cur, t.revOff[:n])
	for e, h := range t.head {
		t.revEdge[cur[h]] = EdgeID(e)
		cur[h]++
	}
}
