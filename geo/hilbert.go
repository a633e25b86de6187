package geo

import "math"

// hilbertOrder numbers nodes along a Hilbert curve over their bounding box
// (65536 cells a side, ties in the old order) and returns newID[old]. Nodes
// near each other then have near ids, so searches touch memory that is close
// together: on a 10^6-node network with nodes in file order this makes
// Dijkstra about twice as fast. O(N) (a two-pass radix sort).
func hilbertOrder(xy []int32) []int32 {
	n := len(xy) / 2
	if n == 0 {
		return nil
	}
	minX, minY, maxX, maxY := xy[0], xy[1], xy[0], xy[1]
	for v := 1; v < n; v++ {
		minX, maxX = min(minX, xy[2*v]), max(maxX, xy[2*v])
		minY, maxY = min(minY, xy[2*v+1]), max(maxY, xy[2*v+1])
	}
	sx := 65535 / math.Max(float64(maxX)-float64(minX), 1)
	sy := 65535 / math.Max(float64(maxY)-float64(minY), 1)
	keys := make([]uint32, n)
	for v := 0; v < n; v++ {
		keys[v] = hilbert(uint32((float64(xy[2*v])-float64(minX))*sx), uint32((float64(xy[2*v+1])-float64(minY))*sy))
	}
	order := make([]int32, n)
	for v := range order {
		order[v] = int32(v)
	}
	tmp := make([]int32, n)
	var count [65537]int32
	for shift := uint(0); shift < 32; shift += 16 { // stable LSD radix sort by key
		count = [65537]int32{}
		for _, v := range order {
			count[(keys[v]>>shift)&0xffff+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, v := range order {
			k := (keys[v] >> shift) & 0xffff
			tmp[count[k]] = v
			count[k]++
		}
		order, tmp = tmp, order
	}
	newID := tmp // reuse
	for k, v := range order {
		newID[v] = int32(k)
	}
	return newID
}

// hilbert returns the index of cell (x, y) along the Hilbert curve filling a
// 65536 x 65536 grid.
func hilbert(x, y uint32) uint32 {
	const n = 1 << 16
	var d uint32
	for s := uint32(n / 2); s > 0; s /= 2 {
		var rx, ry uint32
		if x&s != 0 {
			rx = 1
		}
		if y&s != 0 {
			ry = 1
		}
		d += s * s * ((3 * rx) ^ ry)
		if ry == 0 {
			if rx == 1 {
				x, y = n-1-x, n-1-y
			}
			x, y = y, x
		}
	}
	return d
}
