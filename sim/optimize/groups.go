package optimize

import "unsafe"

// groups is a coverage structure with demand points of identical coverer
// sets merged (their weights summed): models on coverage only need one row
// per distinct set, which shrinks clustered instances several-fold.
type groups struct {
	w      []float64 // weight of each group
	gStart []int32   // group g is covered by sites gIdx[gStart[g]:gStart[g+1]]
	gIdx   []int32
	sStart []int32 // site j covers groups sIdx[sStart[j]:sStart[j+1]]
	sIdx   []int32
}

func (g *groups) n() int                 { return len(g.w) }
func (g *groups) coverers(k int) []int32 { return g.gIdx[g.gStart[k]:g.gStart[k+1]] }
func (g *groups) covered(j int) []int32  { return g.sIdx[g.sStart[j]:g.sStart[j+1]] }
func (g *groups) sites() int             { return len(g.sStart) - 1 }
func (g *groups) coverCount(k int) int   { return int(g.gStart[k+1] - g.gStart[k]) }
func (g *groups) totalWeight() (s float64) {
	for _, w := range g.w {
		s += w
	}
	return s
}

// makeGroups merges the demand points i with keep(i) true by their coverer
// sets bs/bi (see coverage). Groups are numbered in order of first appearance,
// so the result does not depend on map iteration order.
func makeGroups(m int, weight []float64, bs, bi []int32, keep func(i int) bool) *groups {
	g := &groups{gStart: []int32{0}}
	id := make(map[string]int32)
	for i := range weight {
		if !keep(i) {
			continue
		}
		set := bi[bs[i]:bs[i+1]]
		var key string
		if len(set) > 0 {
			key = unsafe.String((*byte)(unsafe.Pointer(&set[0])), 4*len(set))
		}
		if k, ok := id[key]; ok {
			g.w[k] += weight[i]
			continue
		}
		id[key] = int32(len(g.w))
		g.w = append(g.w, weight[i])
		g.gIdx = append(g.gIdx, set...)
		g.gStart = append(g.gStart, int32(len(g.gIdx)))
	}
	g.sStart = make([]int32, m+1)
	for _, j := range g.gIdx {
		g.sStart[j+1]++
	}
	for j := 0; j < m; j++ {
		g.sStart[j+1] += g.sStart[j]
	}
	g.sIdx = make([]int32, len(g.gIdx))
	next := make([]int32, m)
	copy(next, g.sStart[:m])
	for k := range g.w {
		for _, j := range g.coverers(k) {
			g.sIdx[next[j]] = int32(k)
			next[j]++
		}
	}
	return g
}
