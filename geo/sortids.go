package geo

import "slices"

// sortIDs sorts node ids (>= 0) in place: a radix sort (4 passes of 8 bits)
// for long lists, the standard sort for short ones. tmp is scratch space.
// O(n).
func sortIDs(a []int32, tmp *[]int32) {
	if len(a) < 512 {
		slices.Sort(a)
		return
	}
	if cap(*tmp) < len(a) {
		*tmp = make([]int32, len(a))
	}
	src, dst := a, (*tmp)[:len(a)]
	var count [256]int32
	for shift := uint(0); shift < 32; shift += 8 {
		clear(count[:])
		for _, v := range src {
			count[uint32(v)>>shift&0xff]++
		}
		sum := int32(0)
		for i, c := range count {
			count[i], sum = sum, sum+c
		}
		for _, v := range src {
			k := uint32(v) >> shift & 0xff
			dst[count[k]] = v
			count[k]++
		}
		src, dst = dst, src
	}
	// four passes: the sorted ids are back in a
}
