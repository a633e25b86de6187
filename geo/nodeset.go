package geo

// nodeTable maps a coordinate (1e-7 degree integers) to a node id with open
// addressing and linear probing; ids are given in order of first appearance,
// which makes node numbering deterministic. O(1) expected per lookup; 12 bytes
// per slot, at most 70% full.
type nodeTable struct {
	keys  []uint64
	vals  []int32 // -1: empty slot
	shift uint
	n     int
}

func newNodeTable(expect int) *nodeTable {
	t := &nodeTable{}
	size, shift := 1024, uint(64-10)
	for size*7/10 < expect {
		size, shift = size*2, shift-1
	}
	t.alloc(size, shift)
	return t
}

func (t *nodeTable) alloc(size int, shift uint) {
	t.keys = make([]uint64, size)
	t.vals = make([]int32, size)
	for i := range t.vals {
		t.vals[i] = -1
	}
	t.shift = shift
}

func coordKey(x, y int32) uint64 { return uint64(uint32(x))<<32 | uint64(uint32(y)) }

// id returns the node id of key, giving it id next if it is new (then
// added is true).
func (t *nodeTable) id(key uint64, next int32) (id int32, added bool) {
	mask := uint64(len(t.keys) - 1)
	h := (key * 0x9E3779B97F4A7C15) >> t.shift
	for {
		v := t.vals[h]
		if v < 0 {
			t.keys[h], t.vals[h] = key, next
			t.n++
			if t.n*10 > len(t.keys)*7 {
				t.grow()
			}
			return next, true
		}
		if t.keys[h] == key {
			return v, false
		}
		h = (h + 1) & mask
	}
}

// lookup returns the id of key, or -1.
func (t *nodeTable) lookup(key uint64) int32 {
	mask := uint64(len(t.keys) - 1)
	h := (key * 0x9E3779B97F4A7C15) >> t.shift
	for {
		v := t.vals[h]
		if v < 0 || t.keys[h] == key {
			return v
		}
		h = (h + 1) & mask
	}
}

func (t *nodeTable) grow() {
	keys, vals := t.keys, t.vals
	t.alloc(2*len(keys), t.shift-1)
	mask := uint64(len(t.keys) - 1)
	for i, v := range vals {
		if v < 0 {
			continue
		}
		h := (keys[i] * 0x9E3779B97F4A7C15) >> t.shift
		for t.vals[h] >= 0 {
			h = (h + 1) & mask
		}
		t.keys[h], t.vals[h] = keys[i], v
	}
}
