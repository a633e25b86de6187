package geo

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// split is a vertex to insert into segment k (between positions k and k+1)
// of a selected line, at fraction t.
type split struct {
	sel  int32
	k    int32
	t    float64
	x, y int32
}

// snapEnds joins dangling line ends (an end coordinate no other position
// shares) to the nearest vertex of another line within Options.SnapEnds
// metres, or else to the nearest point of another line's segment, which is
// split there. Ends are processed in line order against live vertex counts, so
// two dangling ends near each other meet once, and the result is
// deterministic. The edited lines go to b.edited. O(P + ends x nearby segments).
func (b *builder) snapEnds() {
	tol := b.opt.SnapEnds
	// Flatten positions of the selected lines; count uses of each coordinate.
	var segStart, segSel []int32 // first position (global) and selected line of each segment
	lineStart := make([]int32, len(b.sel)+1)
	var xy []int32
	for i := range b.sel {
		lxy := b.lineXY(i)
		n := int32(len(xy) / 2)
		for k := int32(0); k < int32(len(lxy)/2)-1; k++ {
			segStart, segSel = append(segStart, n+k), append(segSel, int32(i))
		}
		xy = append(xy, lxy...)
		lineStart[i+1] = int32(len(xy) / 2)
	}
	tab := newNodeTable(len(xy) / 4)
	var uses []int32
	for k := 0; k < len(xy); k += 2 {
		id, added := tab.id(coordKey(xy[k], xy[k+1]), int32(len(uses)))
		if added {
			uses = append(uses, 0)
		}
		uses[id]++
	}
	pt := func(p int32) orb.Point { return e7Point(xy[2*p], xy[2*p+1]) }
	x := buildGrid(b.roads.Bound(), len(segStart), func(s int) (orb.Point, orb.Point) {
		return pt(segStart[s]), pt(segStart[s] + 1)
	})
	var splits []split
	for i := range b.sel {
		for _, p := range [2]int32{lineStart[i], lineStart[i+1] - 1} {
			key := coordKey(xy[2*p], xy[2*p+1])
			if uses[tab.lookup(key)] != 1 {
				continue
			}
			q := pt(p)
			kx := math.Cos(q[1]*degToRad) * metresPerDegree
			dv, vp := tol, int32(-1) // nearest live vertex of another line
			ds, sSeg, sT := tol, int32(-1), 0.0
			x.rings(q, func() float64 { return math.Min(dv, ds) }, func(segs []int32) {
				for _, s := range segs {
					if segSel[s] == int32(i) {
						continue
					}
					a, c := pt(segStart[s]), pt(segStart[s]+1)
					ax, ay := (a[0]-q[0])*kx, (a[1]-q[1])*metresPerDegree
					cx, cy := (c[0]-q[0])*kx, (c[1]-q[1])*metresPerDegree
					for j, d := range [2]float64{math.Hypot(ax, ay), math.Hypot(cx, cy)} {
						v := segStart[s] + int32(j)
						if d < dv && uses[tab.lookup(coordKey(xy[2*v], xy[2*v+1]))] > 0 {
							dv, vp = d, v
						}
					}
					dx, dy := cx-ax, cy-ay
					if l2 := dx*dx + dy*dy; l2 > 0 {
						t := -(ax*dx + ay*dy) / l2
						if t > 0 && t < 1 {
							if d := math.Hypot(ax+t*dx, ay+t*dy); d < ds {
								ds, sSeg, sT = d, s, t
							}
						}
					}
				}
			})
			var nx, ny int32
			switch {
			case vp >= 0 && (sSeg < 0 || dv <= 2*ds+1):
				nx, ny = xy[2*vp], xy[2*vp+1]
				b.rep.SnappedEnds++
			case sSeg >= 0:
				a, c := pt(segStart[sSeg]), pt(segStart[sSeg]+1)
				nx = int32(math.Round((a[0] + sT*(c[0]-a[0])) * 1e7))
				ny = int32(math.Round((a[1] + sT*(c[1]-a[1])) * 1e7))
				splits = append(splits, split{sel: segSel[sSeg], k: segStart[sSeg] - lineStart[segSel[sSeg]], t: sT, x: nx, y: ny})
				b.rep.SplitSegments++
			default:
				continue
			}
			uses[tab.lookup(key)]--
			nid, added := tab.id(coordKey(nx, ny), int32(len(uses)))
			if added {
				uses = append(uses, 0)
			}
			uses[nid]++
			xy[2*p], xy[2*p+1] = nx, ny
		}
	}
	b.applySnaps(xy, lineStart, splits)
}

// applySnaps stores the lines whose ends moved or which got split vertices.
func (b *builder) applySnaps(xy []int32, lineStart []int32, splits []split) {
	sort.SliceStable(splits, func(i, j int) bool {
		a, c := splits[i], splits[j]
		if a.sel != c.sel {
			return a.sel < c.sel
		}
		if a.k != c.k {
			return a.k < c.k
		}
		return a.t < c.t
	})
	b.edited = map[int32][]int32{}
	for i := range b.sel {
		orig := b.lineXY(i)
		lxy := xy[2*lineStart[i] : 2*lineStart[i+1]]
		changed := orig[0] != lxy[0] || orig[1] != lxy[1] || orig[len(orig)-2] != lxy[len(lxy)-2] || orig[len(orig)-1] != lxy[len(lxy)-1]
		if !changed && (len(splits) == 0 || splits[0].sel != int32(i)) {
			continue
		}
		out := make([]int32, 0, len(lxy)+2*len(splits))
		for k := 0; k < len(lxy)/2; k++ {
			out = append(out, lxy[2*k], lxy[2*k+1])
			for len(splits) > 0 && splits[0].sel == int32(i) && splits[0].k == int32(k) {
				out = append(out, splits[0].x, splits[0].y)
				splits = splits[1:]
			}
		}
		b.edited[b.sel[i].line] = out
	}
}
