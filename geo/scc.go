package geo

// sccs labels every node with its strongly connected component (Tarjan's
// algorithm, iterative so deep graphs cannot overflow the stack). Component
// numbers are deterministic for a given CSR. O(N + E) time, 5 int32 per node.
func sccs(off []int32, arcs []arc) (comp []int32, count int) {
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
				w := arcs[e].head
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
// place; it records component statistics and road km in the report. O(N + E).
func (b *builder) prune(t *topology, arcs []arc) []arc {
	n := len(t.off) - 1
	comp, count := sccs(t.off, arcs)
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
	all := b.opt.KeepAllComponents || int(size[best]) == n
	if !all {
		rep.DroppedComponents = count - 1
		rep.DroppedNodes = n - int(size[best])
	}
	// Road km: an edge of a two-way segment counts half, a one-way edge whole.
	kmByClass := make([]float64, len(b.classNames))
	dropped := 0.0
	newID := comp // reused: new id of each node, -1 if dropped
	k := int32(0)
	for v := 0; v < n; v++ {
		if all || comp[v] == best {
			newID[v] = k
			t.xy[2*k], t.xy[2*k+1] = t.xy[2*v], t.xy[2*v+1]
			k++
		} else {
			newID[v] = -1
		}
	}
	m, nk := int32(0), int32(0)
	for v := 0; v < n; v++ {
		lo, hi := t.off[v], t.off[v+1]
		if newID[v] >= 0 {
			t.off[nk] = m
		}
		for e := lo; e < hi; e++ {
			km := float64(t.length[e]) / 1000
			if b.twoWay[t.feature[e]] {
				km /= 2
			}
			h := newID[arcs[e].head]
			if newID[v] < 0 || h < 0 {
				dropped += km
				continue
			}
			kmByClass[t.class[e]] += km
			t.tail[m], t.length[m], t.class[m], t.feature[m] = NodeID(nk), t.length[e], t.class[e], t.feature[e]
			arcs[m] = arc{head: NodeID(h), time: arcs[e].time}
			m++
		}
		if newID[v] >= 0 {
			nk++
		}
	}
	t.off[nk] = m
	t.off = t.off[:nk+1]
	t.xy = t.xy[:2*nk]
	t.tail, t.length, t.class, t.feature = t.tail[:m], t.length[:m], t.class[:m], t.feature[:m]
	for c, km := range kmByClass {
		if km > 0 {
			rep.KmByClass[b.classNames[c]] = km
			rep.Km += km
		}
	}
	rep.DroppedKm = dropped
	return arcs[:m]
}
