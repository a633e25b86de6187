package geo

// heapItem is a node with a tentative time; 16 bytes, so the four children of
// a 4-ary heap node share one 64-byte cache line.
type heapItem struct {
	key  float64
	node int32
}

// heap4 is a 4-ary min-heap of (time, node) with lazy deletion: an improved
// node is pushed again and the stale entry is skipped when popped, which
// avoids the position bookkeeping of decrease-key (random writes on every
// sift step). On road graphs a node is pushed about 1.2 times on average.
// push and pop are O(log4 n).
type heap4 struct {
	items []heapItem
}

func (h *heap4) len() int { return len(h.items) }

func (h *heap4) push(v int32, k float64) {
	h.items = append(h.items, heapItem{})

	it := h.items
	i := len(it) - 1
	for i > 0 {
		p := (i - 1) >> 2
		if it[p].key <= k {
			break
		}
		it[i] = it[p]
		i = p
	}
	it[i] = heapItem{k, v}
}

// pop removes and returns the item with the smallest key.
func (h *heap4) pop() (int32, float64) {
	it := h.items
	top := it[0]
	last := len(it) - 1
	x := it[last]
	it = it[:last]
	h.items = it
	if last == 0 {
		return top.node, top.key
	}
	i := 0
	for {
		c := 4*i + 1
		if c >= last {
			break
		}
		best, bk := c, it[c].key
		if c+3 < last { // all four children present
			if k := it[c+1].key; k < bk {
				best, bk = c+1, k
			}
			if k := it[c+2].key; k < bk {
				best, bk = c+2, k
			}
			if k := it[c+3].key; k < bk {
				best, bk = c+3, k
			}
		} else {
			for j := c + 1; j < last; j++ {
				if k := it[j].key; k < bk {
					best, bk = j, k
				}
			}
		}
		if bk >= x.key {
			break
		}
		it[i] = it[best]
		i = best
	}
	it[i] = x
	return top.node, top.key
}

func (h *heap4) clear() { h.items = h.items[:0] }
