package geo

import (
	"math"
	"math/bits"
)

// heapItem is a node with a tentative time.
type heapItem struct {
	key  float64
	node int32
}

// radixHeap is a monotone priority queue of (key, node): keys pushed are
// never below the last key popped. Search uses bucket numbers as keys, which
// only grow because edge times are >= 0. Items sit in 65 buckets by the
// highest bit in which their key's IEEE-754 bits (ordered like the values for
// keys >= 0) differ from the last key popped; a pop that finds bucket 0 empty
// takes the first non-empty bucket (a bit mask finds it), finds its minimum
// and redistributes it into lower buckets. Every item moves down a few times
// at most, through sequential appends, with no data-dependent sift loops.
// Stale entries (a node pushed again after an improvement) are skipped by
// the caller. push O(1), pop amortised O(log C) for keys up to C.
type radixHeap struct {
	last    uint64
	size    int
	used    uint64 // bit i-1 set: bucket i (1..64) is not empty
	buckets [65][]heapItem
}

func (h *radixHeap) len() int { return h.size }

func bucketOf(k, last uint64) int {
	if k == last {
		return 0
	}
	return 64 - bits.LeadingZeros64(k^last)
}

// push adds node v with time key >= the last key popped (and >= 0).
func (h *radixHeap) push(v int32, key float64) {
	if key == 0 {
		key = 0 // -0 has the sign bit set
	}
	b := bucketOf(math.Float64bits(key), h.last)
	h.buckets[b] = append(h.buckets[b], heapItem{key, v})
	if b > 0 {
		h.used |= 1 << (b - 1)
	}
	h.size++
}

// pop removes and returns an item with the smallest key; the heap must not be empty.
func (h *radixHeap) pop() (int32, float64) {
	if len(h.buckets[0]) == 0 {
		i := bits.TrailingZeros64(h.used) + 1
		h.used &^= 1 << (i - 1)
		bk := h.buckets[i]
		m := bk[0].key
		for _, it := range bk[1:] {
			if it.key < m {
				m = it.key
			}
		}
		h.last = math.Float64bits(m)
		for _, it := range bk {
			b := bucketOf(math.Float64bits(it.key), h.last)
			h.buckets[b] = append(h.buckets[b], it)
			if b > 0 {
				h.used |= 1 << (b - 1)
			}
		}
		h.buckets[i] = bk[:0]
	}
	b0 := h.buckets[0]
	it := b0[len(b0)-1]
	h.buckets[0] = b0[:len(b0)-1]
	h.size--
	return it.node, it.key
}

func (h *radixHeap) clear() {
	for i := range h.buckets {
		h.buckets[i] = h.buckets[i][:0]
	}
	h.last, h.size, h.used = 0, 0, 0
}

// drainMin removes every item with the smallest key, appending their nodes
// to dst; it returns dst and that key. The heap must not be empty.
func (h *radixHeap) drainMin(dst []int32) ([]int32, float64) {
	v, k := h.pop()
	dst = append(dst, v)
	for _, it := range h.buckets[0] {
		dst = append(dst, it.node)
	}
	h.size -= len(h.buckets[0])
	h.buckets[0] = h.buckets[0][:0]
	return dst, k
}
