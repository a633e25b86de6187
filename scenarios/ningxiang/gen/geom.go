package main

import (
	"math"
	"sort"
)

// pt is a point in the generator's local plane: metres east (X) and north (Y)
// of lon0/lat0 in an equirectangular projection. Over Ningxiang's 0.6 degrees of
// latitude its scale error stays under 0.4%, far below the schematic's own.
type pt struct{ X, Y float64 }

const (
	lon0, lat0  = 112.35, 28.15
	earthRadius = 6371008.8
)

var (
	mPerDegLat = earthRadius * math.Pi / 180
	mPerDegLon = mPerDegLat * math.Cos(lat0*math.Pi/180)
)

func project(lon, lat float64) pt { return pt{(lon - lon0) * mPerDegLon, (lat - lat0) * mPerDegLat} }

func unproject(p pt) (lon, lat float64) { return lon0 + p.X/mPerDegLon, lat0 + p.Y/mPerDegLat }

func (a pt) add(b pt) pt                 { return pt{a.X + b.X, a.Y + b.Y} }
func (a pt) sub(b pt) pt                 { return pt{a.X - b.X, a.Y - b.Y} }
func (a pt) mul(k float64) pt            { return pt{a.X * k, a.Y * k} }
func (a pt) dot(b pt) float64            { return a.X*b.X + a.Y*b.Y }
func (a pt) cross(b pt) float64          { return a.X*b.Y - a.Y*b.X }
func (a pt) norm() float64               { return math.Hypot(a.X, a.Y) }
func (a pt) dist(b pt) float64           { return math.Hypot(a.X-b.X, a.Y-b.Y) }
func (a pt) perp() pt                    { return pt{-a.Y, a.X} }
func lerp(a, b pt, t float64) pt         { return pt{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t} }
func (a pt) unit() pt                    { n := a.norm(); return pt{a.X / n, a.Y / n} }
func bearing(deg float64) pt             { r := deg * math.Pi / 180; return pt{math.Sin(r), math.Cos(r)} }
func (a pt) rot(ang float64) pt          { s, c := math.Sincos(ang); return pt{a.X*c - a.Y*s, a.X*s + a.Y*c} }
func (a pt) near(b pt, eps float64) bool { return a.dist(b) <= eps }

// compass maps the eight compass words of the facts to unit vectors.
var compass = map[string]pt{
	"N": bearing(0), "NE": bearing(45), "E": bearing(90), "SE": bearing(135),
	"S": bearing(180), "SW": bearing(225), "W": bearing(270), "NW": bearing(315),
}

// area returns the signed area of a ring (positive when counter-clockwise), m2.
func area(ring []pt) float64 {
	s := 0.0
	for i := range ring {
		j := (i + 1) % len(ring)
		s += ring[i].cross(ring[j])
	}
	return s / 2
}

func centroid(ring []pt) pt {
	a, cx, cy := 0.0, 0.0, 0.0
	for i := range ring {
		j := (i + 1) % len(ring)
		c := ring[i].cross(ring[j])
		a += c
		cx += (ring[i].X + ring[j].X) * c
		cy += (ring[i].Y + ring[j].Y) * c
	}
	return pt{cx / (3 * a), cy / (3 * a)}
}

// inPoly reports whether p lies inside the ring (even-odd rule).
func inPoly(ring []pt, p pt) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, b := ring[i], ring[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// distToRing is the distance from p to the ring's boundary.
func distToRing(ring []pt, p pt) float64 {
	d := math.Inf(1)
	for i := range ring {
		d = math.Min(d, distToSeg(p, ring[i], ring[(i+1)%len(ring)]))
	}
	return d
}

// projSeg returns the parameter t in [0,1] of the point of ab nearest p.
func projSeg(p, a, b pt) float64 {
	ab := b.sub(a)
	l2 := ab.dot(ab)
	if l2 == 0 {
		return 0
	}
	t := p.sub(a).dot(ab) / l2
	return math.Max(0, math.Min(1, t))
}

func distToSeg(p, a, b pt) float64 { return p.dist(lerp(a, b, projSeg(p, a, b))) }

// segX intersects segments ab and cd; it returns the parameters along each
// when they cross properly (not parallel).
func segX(a, b, c, d pt) (t, u float64, ok bool) {
	r, s := b.sub(a), d.sub(c)
	den := r.cross(s)
	if math.Abs(den) < 1e-9*r.norm()*s.norm() {
		return 0, 0, false
	}
	ca := c.sub(a)
	t = ca.cross(s) / den
	u = ca.cross(r) / den
	return t, u, t >= 0 && t <= 1 && u >= 0 && u <= 1
}

// hull returns the convex hull of ps, counter-clockwise (Andrew's monotone chain).
func hull(ps []pt) []pt {
	p := append([]pt(nil), ps...)
	sort.Slice(p, func(i, j int) bool {
		if p[i].X != p[j].X {
			return p[i].X < p[j].X
		}
		return p[i].Y < p[j].Y
	})
	var h []pt
	for pass := 0; pass < 2; pass++ {
		start := len(h)
		for _, q := range p {
			for len(h) >= start+2 && h[len(h)-1].sub(h[len(h)-2]).cross(q.sub(h[len(h)-2])) <= 0 {
				h = h[:len(h)-1]
			}
			h = append(h, q)
		}
		h = h[:len(h)-1]
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
	}
	return h
}

// bufferConvex offsets a CCW convex polygon outwards by r, with round corners
// sampled every stepDeg degrees.
func bufferConvex(poly []pt, r, stepDeg float64) []pt {
	var out []pt
	n := len(poly)
	for i := range poly {
		prev, cur, next := poly[(i+n-1)%n], poly[i], poly[(i+1)%n]
		n1 := cur.sub(prev).unit().rot(-math.Pi / 2) // outward normal of the incoming edge
		n2 := next.sub(cur).unit().rot(-math.Pi / 2)
		a1 := math.Atan2(n1.Y, n1.X)
		a2 := math.Atan2(n2.Y, n2.X)
		for a2 < a1 {
			a2 += 2 * math.Pi
		}
		steps := int(math.Ceil((a2 - a1) / (stepDeg * math.Pi / 180)))
		if steps < 1 {
			steps = 1
		}
		for k := 0; k <= steps; k++ {
			a := a1 + (a2-a1)*float64(k)/float64(steps)
			out = append(out, cur.add(pt{math.Cos(a), math.Sin(a)}.mul(r)))
		}
	}
	return out
}

// clipHalf clips a convex CCW polygon to the half-plane {x : n.x <= c}.
func clipHalf(poly []pt, n pt, c float64) []pt {
	var out []pt
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		da, db := n.dot(a)-c, n.dot(b)-c
		if da <= 0 {
			out = append(out, a)
		}
		if (da < 0 && db > 0) || (da > 0 && db < 0) {
			out = append(out, lerp(a, b, da/(da-db)))
		}
	}
	return out
}

// rayExit returns the last point where the ray from p in direction d leaves
// the ring (p is assumed inside), or p when it does not cross.
func rayExit(ring []pt, p, d pt) pt {
	far := p.add(d.mul(1e6))
	best, bt := p, -1.0
	for i := range ring {
		if t, _, ok := segX(p, far, ring[i], ring[(i+1)%len(ring)]); ok && t > bt {
			bt, best = t, lerp(p, far, t)
		}
	}
	return best
}

// segCrossesRing reports whether segment ab crosses the ring's boundary or lies inside it.
func segCrossesRing(ring []pt, a, b pt) bool {
	if inPoly(ring, a) || inPoly(ring, b) {
		return true
	}
	for i := range ring {
		if _, _, ok := segX(a, b, ring[i], ring[(i+1)%len(ring)]); ok {
			return true
		}
	}
	return false
}
