package main

import (
	"math"
)

// Huangcai Reservoir (黄材水库): centre from its Wikipedia infobox. The facts
// give storage (147-153 million m3) but no surface area, so the schematic lake
// is a five-armed valley lake of reservoirAreaKm2 (storage / an assumed mean
// depth of 15 m), drawn around that centre.
const (
	reservoirLon, reservoirLat = 112.062, 28.151
	reservoirAreaKm2           = 10.0
	obstacleBufferM            = 400.0 // roads keep this far from the lake's hull
)

type river struct {
	Name, NameEn string
	Line         []pt
}

type water struct {
	Reservoir []pt // CCW ring
	Obstacle  []pt // convex hull of the reservoir, buffered: roads detour around it
	Rivers    []river
}

func makeReservoir() []pt {
	c := project(reservoirLon, reservoirLat)
	r := stream("reservoir", "shape")
	type arm struct{ ang, length, width float64 }
	var arms []arm
	for k := 0; k < 5; k++ {
		arms = append(arms, arm{
			ang:    2*math.Pi*float64(k)/5 + uniform(r, -0.35, 0.35),
			length: uniform(r, 0.8, 1.8),
			width:  uniform(r, 0.16, 0.26),
		})
	}
	ring := func(scale float64) []pt {
		var out []pt
		for k := 0; k < 120; k++ {
			th := 2 * math.Pi * float64(k) / 120
			rad := 1.0
			for _, a := range arms {
				d := math.Remainder(th-a.ang, 2*math.Pi)
				rad += a.length * math.Exp(-(d*d)/(a.width*a.width))
			}
			rad *= 1 + 0.06*math.Sin(7*th+1)
			out = append(out, c.add(pt{math.Cos(th), math.Sin(th)}.mul(rad*scale)))
		}
		return out
	}
	unit := area(ring(1))
	return ring(math.Sqrt(reservoirAreaKm2 * 1e6 / unit))
}

// makeWater draws the reservoir and the four rivers the facts name, each a
// schematic line through points beside the seats of the towns its pages name.
func makeWater(w *world) *water {
	res := makeReservoir()
	wt := &water{Reservoir: res, Obstacle: bufferConvex(hull(res), obstacleBufferM, 15)}
	seat := func(code string, dxKm, dyKm float64) pt { return w.byCode(code).Seat.add(pt{dxKm * 1000, dyKm * 1000}) }
	east := func(code string, deg, extKm float64) pt {
		s := w.byCode(code).Seat
		return rayExit(w.Outline, s, bearing(deg)).add(bearing(deg).mul(extKm * 1000))
	}
	// The lake's easternmost point is the Wei's outlet.
	outlet := res[0]
	for _, p := range res {
		if p.X > outlet.X {
			outlet = p
		}
	}
	weiHengshi := seat("430182116", 0.6, 0.9)
	weiYutan := seat("430182001", 0.3, -0.5)
	defs := []struct {
		name, en string
		pts      []pt
	}{
		{"沩水", "Wei River", []pt{outlet, seat("430182118", 0.8, -0.9), weiHengshi, seat("430182119", 0.7, 0.7), weiYutan,
			seat("430182105", 0.4, -1.3), east("430182105", 100, 3)}},
		{"楚江", "Chu River", []pt{seat("430182120", 0.6, 0.5), seat("430182112", 0.6, 0.6), weiHengshi}},
		{"乌江", "Wu River", []pt{seat("430182109", 1.0, 1.0), seat("430182123", 0.6, 0.5), seat("430182107", 0.6, 0.6), weiYutan}},
		{"靳江", "Jin River", []pt{seat("430182102", 0.5, -0.6), seat("430182101", -0.5, 0.6), east("430182101", 70, 3)}},
	}
	for _, d := range defs {
		r := stream("river", d.en)
		line := []pt{d.pts[0]}
		for i := 0; i+1 < len(d.pts); i++ {
			line = append(line, shape([]pt{d.pts[i], d.pts[i+1]}, style{Spacing: 300, AmpFrac: 0.06, AmpMax: 1200, Jitter: 60}, r, 1)...)
			line = append(line, d.pts[i+1])
		}
		wt.Rivers = append(wt.Rivers, river{d.name, d.en, line})
	}
	return wt
}

// detour returns the base path from a to b: straight, or around the obstacle
// (along its boundary, the shorter way) when the straight line crosses it.
func detour(ob []pt, a, b pt) []pt {
	if inPoly(ob, a) || inPoly(ob, b) {
		return []pt{a, b}
	}
	type x struct {
		t    float64
		edge int
	}
	var xs []x
	for i := range ob {
		if t, _, ok := segX(a, b, ob[i], ob[(i+1)%len(ob)]); ok {
			xs = append(xs, x{t, i})
		}
	}
	if len(xs) < 2 {
		return []pt{a, b}
	}
	in, out := xs[0], xs[0]
	for _, v := range xs {
		if v.t < in.t {
			in = v
		}
		if v.t > out.t {
			out = v
		}
	}
	pin, pout := lerp(a, b, in.t), lerp(a, b, out.t)
	n := len(ob)
	// counter-clockwise: vertices in.edge+1 ... out.edge
	var ccw []pt
	for i := (in.edge + 1) % n; ; i = (i + 1) % n {
		ccw = append(ccw, ob[i])
		if i == out.edge {
			break
		}
	}
	var cw []pt
	for i := in.edge; ; i = (i - 1 + n) % n {
		cw = append(cw, ob[i])
		if i == (out.edge+1)%n {
			break
		}
	}
	plen := func(ps []pt) float64 {
		l, prev := 0.0, pin
		for _, p := range ps {
			l += prev.dist(p)
			prev = p
		}
		return l + prev.dist(pout)
	}
	mid := ccw
	if plen(cw) < plen(ccw) {
		mid = cw
	}
	path := []pt{a, pin}
	path = append(path, mid...)
	return append(path, pout, b)
}
