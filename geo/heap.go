package geo

// heap4 is an indexed 4-ary min-heap of nodes keyed by time. A 4-ary heap is
// shallower than a binary one and its children share a cache line, which
// makes Dijkstra on road graphs about 20-30% faster. pos[v] is v's index in
// the heap or -1. push, decrease and pop are O(log4 n).
type heap4 struct {
	key  []float64
	node []int32
	pos  []int32
}

func (h *heap4) len() int { return len(h.node) }

func (h *heap4) push(v int32, k float64) {
	h.key = append(h.key, k)
	h.node = append(h.node, v)
	h.up(len(h.node)-1, v, k)
}

// decrease lowers the key of v, which must be in the heap.
func (h *heap4) decrease(v int32, k float64) { h.up(int(h.pos[v]), v, k) }

// up moves node v with key k from slot i towards the root.
func (h *heap4) up(i int, v int32, k float64) {
	for i > 0 {
		p := (i - 1) >> 2
		if h.key[p] <= k {
			break
		}
		h.key[i], h.node[i] = h.key[p], h.node[p]
		h.pos[h.node[i]] = int32(i)
		i = p
	}
	h.key[i], h.node[i] = k, v
	h.pos[v] = int32(i)
}

// pop removes and returns the node with the smallest key.
func (h *heap4) pop() (int32, float64) {
	v, k := h.node[0], h.key[0]
	h.pos[v] = -1
	last := len(h.node) - 1
	lv, lk := h.node[last], h.key[last]
	h.node, h.key = h.node[:last], h.key[:last]
	if last == 0 {
		return v, k
	}
	i := 0
	for {
		c := 4*i + 1
		if c >= last {
			break
		}
		best, bk := c, h.key[c]
		end := min(c+4, last)
		for j := c + 1; j < end; j++ {
			if h.key[j] < bk {
				best, bk = j, h.key[j]
			}
		}
		if bk >= lk {
			break
		}
		h.key[i], h.node[i] = bk, h.node[best]
		h.pos[h.node[i]] = int32(i)
		i = best
	}
	h.key[i], h.node[i] = lk, lv
	h.pos[lv] = int32(i)
	return v, k
}

// clear empties the heap, resetting pos of the nodes left in it.
func (h *heap4) clear() {
	for _, v := range h.node {
		h.pos[v] = -1
	}
	h.node, h.key = h.node[:0], h.key[:0]
}
