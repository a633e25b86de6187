package geo

// sccs labels every node with its strongly connected component (Tarjan's
// algorithm, iterative so deep graphs cannot overflow the stack). Component
// numbers are deterministic for a given CSR. O(N + E) time, 5 int32 per node.
func sccs(off []int32, head []NodeID) (comp []int32, count int) {
	n := len(off) - 1
	index := make([]int32, n) // 0: not visited; else visit order + 1
	low := make([]int32, n)
	comp = make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	var stack []int32        // Tarjan's stack: visited nodes without a component
	var callV, callE []int32 // DFS call stack: node and next edge to look at
	next := int32(0)
	for root := 0; root < n; root++ {
		if index[root] != 0 {
			continue
		}
		next++
		index[root], low[root] = next, next
		stack = append(stack, int32(root))
		callV, callE = append(callV, int32(root)), append(callE, off[root])
		for len(callV) > 0 {
			top := len(callV) - 1
			v, e := callV[top], callE[top]
			if e < off[v+1] {
				callE[top]++
				w := head[e]
				if index[w] == 0 {
					next++
					index[w], low[w] = next, next
					stack = append(stack, int32(w))
					callV, callE = append(callV, int32(w)), append(callE, off[w])
				} else if comp[w] < 0 && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			callV, callE = callV[:top], callE[:top]
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					comp[w] = int32(count)
					if w == v {
						break
					}
				}
				count++
			}
			if top > 0 {
				if u := callV[top-1]; low[v] < low[u] {
					low[u] = low[v]
				}
			}
		}
	}
	return comp, count
}

// prune keeps the largest strongly connected component (ties: the one holding
// the lowest node id), renumbering kept nodes and edges in their old order, in
// place; it records component statistics and road km in the report.
// O(N + E + positions).
func (b *builder) prune(t *topology, times []float64) []float64 {
	n := len(t.off) - 1
	comp, count := sccs(t.off, t.head)
	size := make([]int32, count)
	for _, c := range comp {
		size[c]++
	}
	best := comp[0]
	for v := 1; v < n; v++ {
		if c := comp[v]; size[c] > size[best] {
			best = c
		}
	}
	rep := b.rep
	rep.Components = count
	rep.LargestComponentNodes = int(size[best])
	keep := func(v int32) bool { return b.opt.KeepAllComponents || comp[v] == best }
	b.roadKm(keep)
	if b.opt.KeepAllComponents || int(size[best]) == n {
		return times
	}
	rep.DroppedComponents = count - 1
	rep.DroppedNodes = n - int(size[best])
	newID := make([]int32, n)
	k := int32(0)
	for v := 0; v < n; v++ {
		if comp[v] == best {
			newID[v] = k
			t.xy[2*k], t.xy[2*k+1] = t.xy[2*v], t.xy[2*v+1]
			k++
		} else {
			newID[v] = -1
		}
	}
	m := int32(0)
	nk := int32(0)
	for v := 0; v < n; v++ {
		lo, hi := t.off[v], t.off[v+1]
		if newID[v] < 0 {
			continue
		}
		t.off[nk] = m
		for e := lo; e < hi; e++ {
			h := newID[t.head[e]]
			if h < 0 {
				continue
			}
			t.head[m], t.tail[m], t.length[m], t.class[m], t.feature[m] = NodeID(h), NodeID(nk), t.length[e], t.class[e], t.feature[e]
			times[m] = times[e]
			m++
		}
		nk++
	}
	t.off[nk] = m
	t.off = t.off[:nk+1]
	t.xy = t.xy[:2*nk]
	t.head, t.tail, t.length, t.class, t.feature = t.head[:m], t.tail[:m], t.length[:m], t.class[:m], t.feature[:m]
	return times[:m]
}

// roadKm adds up road length (each segment once, whatever its directions) by
// class over kept segments, and over dropped ones.
func (b *builder) roadKm(keep func(int32) bool) {
	rep := b.rep
	for i, s := range b.sel {
		nodes := b.posNode[b.posStart[i]:b.posStart[i+1]]
		name := b.classNames[s.class]
		for k := 1; k < len(nodes); k++ {
			u, v := nodes[k-1], nodes[k]
			if u == v {
				continue
			}
			km := haversineE7(b.xy[2*u], b.xy[2*u+1], b.xy[2*v], b.xy[2*v+1]) / 1000
			if keep(u) && keep(v) {
				rep.KmByClass[name] += km
				rep.Km += km
			} else {
				rep.DroppedKm += km
			}
		}
	}
}
