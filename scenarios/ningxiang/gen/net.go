package main

import (
	"math"
	"math/rand/v2"
	"sort"
)

// tags are the OSM-like properties of a road.
type tags struct {
	Highway  string
	Name     string
	NameEn   string
	Ref      string
	MaxSpeed int     // km/h; 0: none
	Oneway   bool    // yes: in the direction of the node order
	SpeedKmh float64 // explicit travel speed for slow hill roads; 0: none
	Hill     bool
}

// way is a LineString of node ids.
type way struct {
	N    []int32
	T    tags
	Kind wayKind
}

type wayKind uint8

const (
	kindRoad     wayKind = iota // at-grade: shares a node wherever it crosses another at-grade road
	kindMotorway                // grade-separated: meets other roads only at interchanges
	kindLink                    // motorway_link ramp: joins a motorway to an at-grade road
)

type seg struct {
	A, B int32
	W    int32
	Dead bool
}

// network is the road graph under construction: nodes are coordinates shared
// by the ways that meet there (OSM-export semantics).
type network struct {
	P    []pt
	W    []*way
	S    []seg
	grid map[[2]int32][]int32
}

const gridCell = 500.0

func newNetwork() *network { return &network{grid: map[[2]int32][]int32{}} }

func (n *network) node(p pt) int32 { n.P = append(n.P, p); return int32(len(n.P) - 1) }

func cellOf(p pt) [2]int32 {
	return [2]int32{int32(math.Floor(p.X / gridCell)), int32(math.Floor(p.Y / gridCell))}
}

func (n *network) indexSeg(i int32) {
	s := n.S[i]
	a, b := n.P[s.A], n.P[s.B]
	c0, c1 := cellOf(pt{math.Min(a.X, b.X), math.Min(a.Y, b.Y)}), cellOf(pt{math.Max(a.X, b.X), math.Max(a.Y, b.Y)})
	for x := c0[0]; x <= c1[0]; x++ {
		for y := c0[1]; y <= c1[1]; y++ {
			k := [2]int32{x, y}
			n.grid[k] = append(n.grid[k], i)
		}
	}
}

// addWay adds a way over existing nodes and returns its index.
func (n *network) addWay(nodes []int32, t tags, k wayKind) int32 {
	w := &way{N: append([]int32(nil), nodes...), T: t, Kind: k}
	n.W = append(n.W, w)
	wi := int32(len(n.W) - 1)
	for i := 0; i+1 < len(nodes); i++ {
		n.S = append(n.S, seg{A: nodes[i], B: nodes[i+1], W: wi})
		n.indexSeg(int32(len(n.S) - 1))
	}
	return wi
}

// nearest returns the live segment nearest p among those ok accepts, the
// parameter of the nearest point on it, and the distance; seg -1 if none
// lies within maxD.
func (n *network) nearest(p pt, maxD float64, ok func(*way) bool) (int32, float64, float64) {
	c := cellOf(p)
	best, bt, bd := int32(-1), 0.0, math.Inf(1)
	for r := int32(0); float64(r-1)*gridCell <= math.Min(bd, maxD); r++ {
		for x := c[0] - r; x <= c[0]+r; x++ {
			for y := c[1] - r; y <= c[1]+r; y++ {
				if x != c[0]-r && x != c[0]+r && y != c[1]-r && y != c[1]+r {
					continue
				}
				for _, si := range n.grid[[2]int32{x, y}] {
					s := n.S[si]
					if s.Dead || !ok(n.W[s.W]) {
						continue
					}
					a, b := n.P[s.A], n.P[s.B]
					t := projSeg(p, a, b)
					d := p.dist(lerp(a, b, t))
					if d < bd || (d == bd && si < best) {
						best, bt, bd = si, t, d
					}
				}
			}
		}
		if r > 200 {
			break
		}
	}
	if bd > maxD {
		return -1, 0, bd
	}
	return best, bt, bd
}

// splitAt returns a node at parameter t of segment si, inserting one into the
// segment's way unless an end is within 5 m.
func (n *network) splitAt(si int32, t float64) int32 {
	s := n.S[si]
	a, b := n.P[s.A], n.P[s.B]
	l := a.dist(b)
	if t*l < 5 {
		return s.A
	}
	if (1-t)*l < 5 {
		return s.B
	}
	m := n.node(lerp(a, b, t))
	n.insertIntoSeg(si, m)
	return m
}

// insertIntoSeg puts node m between the ends of live segment si.
func (n *network) insertIntoSeg(si int32, m int32) {
	s := n.S[si]
	w := n.W[s.W]
	for i := 0; i+1 < len(w.N); i++ {
		if w.N[i] == s.A && w.N[i+1] == s.B {
			w.N = append(w.N[:i+1], append([]int32{m}, w.N[i+1:]...)...)
			break
		}
	}
	n.S[si].Dead = true
	n.S = append(n.S, seg{A: s.A, B: m, W: s.W}, seg{A: m, B: s.B, W: s.W})
	n.indexSeg(int32(len(n.S) - 2))
	n.indexSeg(int32(len(n.S) - 1))
}

// style says how a road is drawn: vertex spacing (m), the amplitude of its
// gentle bends (a fraction of its length, capped) and a small per-vertex jitter.
type style struct {
	Spacing, AmpFrac, AmpMax, Jitter float64
	Modes                            int // sine modes of the bends (more: more winding)
}

// shape returns the interior vertices of a road following the base path
// (which includes both ends): points every Spacing metres, displaced sideways
// by a smooth sum of sine modes that vanishes at both ends, plus jitter.
func shape(base []pt, st style, r *rand.Rand, amp float64) []pt {
	cum := make([]float64, len(base))
	for i := 1; i < len(base); i++ {
		cum[i] = cum[i-1] + base[i].dist(base[i-1])
	}
	L := cum[len(cum)-1]
	if L == 0 {
		return nil
	}
	A := math.Min(st.AmpMax, st.AmpFrac*L) * amp
	if len(base) > 2 {
		A = math.Min(A, 150) // a detour around the reservoir: keep close to its path
	}
	nm := st.Modes
	if nm == 0 {
		nm = 3
	}
	modes := make([]float64, nm)
	for m := range modes {
		modes[m] = uniform(r, -1, 1) / float64(m+1)
	}
	k := int(math.Ceil(L / st.Spacing))
	var out []pt
	seg := 0
	for i := 1; i < k; i++ {
		s := L * float64(i) / float64(k)
		for seg+1 < len(cum)-1 && cum[seg+1] < s {
			seg++
		}
		a, b := base[seg], base[seg+1]
		sl := cum[seg+1] - cum[seg]
		p := lerp(a, b, (s-cum[seg])/sl)
		nrm := b.sub(a).perp().unit()
		off := 0.0
		for m, c := range modes {
			off += c * math.Sin(float64(m+1)*math.Pi*s/L)
		}
		j := uniform(r, -1, 1) * st.Jitter * amp
		out = append(out, p.add(nrm.mul(A*off+j)))
	}
	return out
}

// liveSegs returns the indices of the live segments, in order.
func (n *network) liveSegs() []int32 {
	var out []int32
	for i, s := range n.S {
		if !s.Dead {
			out = append(out, int32(i))
		}
	}
	return out
}

// planarize adds a shared node wherever two at-grade roads cross (and where
// two motorways cross: a motorway junction). Motorways and ramps cross other
// roads without a shared node: bridges. It returns the number of nodes added.
func (n *network) planarize() int {
	type hit struct {
		t    float64
		node int32
	}
	segs := n.liveSegs()
	hits := map[int32][]hit{}
	seen := map[[2]int32]bool{}
	added := 0
	for _, si := range segs {
		s := n.S[si]
		a, b := n.P[s.A], n.P[s.B]
		c0 := cellOf(pt{math.Min(a.X, b.X), math.Min(a.Y, b.Y)})
		c1 := cellOf(pt{math.Max(a.X, b.X), math.Max(a.Y, b.Y)})
		var cand []int32
		for x := c0[0]; x <= c1[0]; x++ {
			for y := c0[1]; y <= c1[1]; y++ {
				cand = append(cand, n.grid[[2]int32{x, y}]...)
			}
		}
		sort.Slice(cand, func(i, j int) bool { return cand[i] < cand[j] })
		for ci, sj := range cand {
			if sj <= si || (ci > 0 && cand[ci-1] == sj) {
				continue
			}
			o := n.S[sj]
			if o.Dead || o.W == s.W || seen[[2]int32{si, sj}] {
				continue
			}
			seen[[2]int32{si, sj}] = true
			if o.A == s.A || o.A == s.B || o.B == s.A || o.B == s.B {
				continue
			}
			ka, kb := n.W[s.W].Kind, n.W[o.W].Kind
			if !(ka == kindRoad && kb == kindRoad) && !(ka == kindMotorway && kb == kindMotorway) {
				continue
			}
			c, d := n.P[o.A], n.P[o.B]
			t, u, ok := segX(a, b, c, d)
			if !ok {
				continue
			}
			// Snap to an existing end within 2 m, else a new node.
			var m int32
			switch {
			case t*a.dist(b) < 2:
				m = s.A
			case (1-t)*a.dist(b) < 2:
				m = s.B
			case u*c.dist(d) < 2:
				m = o.A
			case (1-u)*c.dist(d) < 2:
				m = o.B
			default:
				m = n.node(lerp(a, b, t))
				added++
			}
			if m != s.A && m != s.B {
				hits[si] = append(hits[si], hit{t, m})
			}
			if m != o.A && m != o.B {
				hits[sj] = append(hits[sj], hit{u, m})
			}
		}
	}
	keys := make([]int32, 0, len(hits))
	for k := range hits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, si := range keys {
		hs := hits[si]
		sort.Slice(hs, func(i, j int) bool { return hs[i].t < hs[j].t || (hs[i].t == hs[j].t && hs[i].node < hs[j].node) })
		s := n.S[si]
		w := n.W[s.W]
		var ins []int32
		for i, h := range hs {
			if i > 0 && hs[i-1].node == h.node {
				continue
			}
			ins = append(ins, h.node)
		}
		for i := 0; i+1 < len(w.N); i++ {
			if w.N[i] == s.A && w.N[i+1] == s.B {
				w.N = append(w.N[:i+1], append(ins, w.N[i+1:]...)...)
				break
			}
		}
	}
	return added
}

// reindex rebuilds the segment table and grid from the ways (after planarize).
func (n *network) reindex() {
	n.S = n.S[:0]
	n.grid = map[[2]int32][]int32{}
	for wi, w := range n.W {
		for i := 0; i+1 < len(w.N); i++ {
			n.S = append(n.S, seg{A: w.N[i], B: w.N[i+1], W: int32(wi)})
			n.indexSeg(int32(len(n.S) - 1))
		}
	}
}
