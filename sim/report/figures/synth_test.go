package figures

import (
	"math"
	"math/rand/v2"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
)

// county is a synthetic county-like dataset (about Ningxiang's size and
// latitude) for tests and the visual samples: roads by class, an urban zone,
// 29 township seats with Chinese and Latin names, nPoints demand points,
// 20 stations and facilities of every tier. Deterministic (PCG seed 1).
type county struct {
	base       Basemap
	seats      []Place
	points     []ValuePoint // Value: minutes from the nearest station
	health     []ValuePoint // Value: minutes to the nearest facility
	stations   []Station
	facilities []Facility
}

var townNames = [][2]string{
	{"玉潭街道", "Yutan"}, {"城郊街道", "Chengjiao"}, {"历经铺街道", "Lijingpu"}, {"白马桥街道", "Baimaqiao"},
	{"花明楼镇", "Huaminglou"}, {"东湖塘镇", "Donghutang"}, {"夏铎铺镇", "Xiaduopu"}, {"双江口镇", "Shuangjiangkou"},
	{"煤炭坝镇", "Meitanba"}, {"坝塘镇", "Batang"}, {"灰汤镇", "Huitang"}, {"双凫铺镇", "Shuangfupu"},
	{"老粮仓镇", "Laoliangcang"}, {"流沙河镇", "Liushahe"}, {"巷子口镇", "Xiangzikou"}, {"龙田镇", "Longtian"},
	{"横市镇", "Hengshi"}, {"回龙铺镇", "Huilongpu"}, {"道林镇", "Daolin"}, {"大成桥镇", "Dachengqiao"},
	{"金洲镇", "Jinzhou"}, {"大屯营镇", "Datunying"}, {"黄材镇", "Huangcai"}, {"喻家坝镇", "Yujiaba"},
	{"沩山乡", "Weishan"}, {"青山桥镇", "Qingshanqiao"}, {"资福镇", "Zifu"}, {"沙田乡", "Shatian"},
	{"菁华铺乡", "Jinghuapu"},
}

func synthCounty(nPoints int) county {
	rng := rand.New(rand.NewPCG(1, 2))
	var c county
	centre := orb.Point{112.55, 28.25}
	// Seats: the first four (subdistricts) near the centre, the rest spread,
	// sparser to the west (hills).
	for i, n := range townNames {
		var p orb.Point
		if i < 4 {
			a := float64(i) * math.Pi / 2
			p = orb.Point{centre[0] + 0.03*math.Cos(a), centre[1] + 0.02*math.Sin(a)}
		} else {
			a := float64(i) * 2.4
			r := 0.12 + 0.3*float64(i-4)/25
			p = orb.Point{centre[0] - 0.25 + r*1.5*math.Cos(a), centre[1] + r*0.55*math.Sin(a)}
		}
		c.seats = append(c.seats, Place{P: p, Name: n[0], NameEn: n[1]})
	}
	c.base.Labels = c.seats
	// Roads: a motorway across, trunk/primary radials from the seat to every
	// fifth seat, secondary links seat to seat, minor roads to the villages.
	c.base.Roads = append(c.base.Roads, Road{Class: "motorway", Line: orb.LineString{{111.9, 28.05}, {112.3, 28.18}, {112.55, 28.22}, {112.85, 28.3}}})
	for i := 4; i < len(c.seats); i++ {
		cls := "secondary"
		switch {
		case i%5 == 0:
			cls = "trunk"
		case i%3 == 0:
			cls = "primary"
		}
		mid := orb.Point{(centre[0]+c.seats[i].P[0])/2 + 0.02, (centre[1]+c.seats[i].P[1])/2 - 0.01}
		c.base.Roads = append(c.base.Roads, Road{Class: cls, Line: orb.LineString{centre, mid, c.seats[i].P}})
		j := 4 + (i-4+1)%(len(c.seats)-4)
		c.base.Roads = append(c.base.Roads, Road{Class: "tertiary", Line: orb.LineString{c.seats[i].P, c.seats[j].P}})
	}
	// Urban zone around the seat; a rural outline around everything.
	var ring orb.Ring
	for k := 0; k <= 24; k++ {
		a := float64(k) * 2 * math.Pi / 24
		ring = append(ring, orb.Point{centre[0] + 0.06*math.Cos(a), centre[1] + 0.045*math.Sin(a)})
	}
	c.base.Zones = []Zone{{Poly: orb.Polygon{ring}, Class: "urban", Name: "城区"}}
	// Stations at 20 seats, the county seat with more units; 5G on some.
	for i := 0; i < 20; i++ {
		s := c.seats[i]
		units := 1 + i%2
		if i < 2 {
			units = 4
		}
		five := 0
		if i%3 == 0 {
			five = units
		} else if i%4 == 1 {
			five = 1
		}
		c.stations = append(c.stations, Station{P: s.P, Name: s.Name, NameEn: s.NameEn, Units: units, FiveG: five})
	}
	// Facilities: two county hospitals, six sub-centres, township centres,
	// village clinics at a sample of villages.
	c.facilities = append(c.facilities,
		Facility{P: orb.Point{centre[0] + 0.01, centre[1] + 0.006}, Tier: TierCountyHospital, Name: "人民医院", NameEn: "People's Hospital"},
		Facility{P: orb.Point{centre[0] - 0.012, centre[1] - 0.004}, Tier: TierCountyHospital, Name: "中医医院", NameEn: "TCM Hospital"})
	for i := 4; i < len(c.seats); i++ {
		tier := TierTownshipCentre
		if i%4 == 0 {
			tier = TierSubCentre
		}
		c.facilities = append(c.facilities, Facility{P: orb.Point{c.seats[i].P[0] + 0.004, c.seats[i].P[1] - 0.003}, Tier: tier, Name: c.seats[i].Name + "卫生院", NameEn: c.seats[i].NameEn + " HC"})
	}
	// Demand points clustered around the seats, times by distance to the
	// nearest station at a speed that falls towards the west.
	proj := NewProjection(centre[0], centre[1])
	for k := 0; k < nPoints; k++ {
		s := c.seats[rng.IntN(len(c.seats))]
		r := 0.08 * math.Sqrt(rng.Float64())
		if k%4 == 0 {
			r = 0.012 * math.Sqrt(rng.Float64())
		}
		a := rng.Float64() * 2 * math.Pi
		p := orb.Point{s.P[0] + r*1.3*math.Cos(a), s.P[1] + r*0.8*math.Sin(a)}
		best := math.Inf(1)
		for _, st := range c.stations {
			x0, y0 := proj.Forward(p)
			x1, y1 := proj.Forward(st.P)
			best = math.Min(best, math.Hypot(x1-x0, y1-y0))
		}
		speed := 0.75 + 0.5*(p[0]-111.9) // km per minute, slower in the west
		tmin := 3 + 1.3*best/speed + rng.ExpFloat64()*2
		pop := math.Round(math.Exp(6 + rng.NormFloat64()*0.8))
		name := [2]string{s.Name[:len(s.Name)-3] + "村" + string(rune('一'+k%9)), s.NameEn + " village " + string(rune('A'+k%26))}
		c.points = append(c.points, ValuePoint{P: p, Value: tmin, Weight: pop, Name: name[0], NameEn: name[1]})
		c.health = append(c.health, ValuePoint{P: p, Value: tmin * 0.9, Weight: pop, Name: name[0], NameEn: name[1]})
		if k%40 == 0 {
			c.facilities = append(c.facilities, Facility{P: p, Tier: TierVillageClinic, Name: name[0] + "卫生室"})
		}
		if k%25 == 0 {
			c.base.Roads = append(c.base.Roads, Road{Class: "unclassified", Line: orb.LineString{s.P, p}})
		}
	}
	return c
}

// synthTownships returns a result per seat: the share of its points
// within 30 minutes and their count as calls.
func synthTownships(c county) []TownshipResult {
	var out []TownshipResult
	for _, s := range c.seats {
		in, n := 0.0, 0.0
		for _, p := range c.points {
			if math.Abs(p.P[0]-s.P[0]) < 0.06 && math.Abs(p.P[1]-s.P[1]) < 0.04 {
				n++
				if p.Value <= 30 {
					in++
				}
			}
		}
		share := 1.0
		if n > 0 {
			share = in / n
		}
		out = append(out, TownshipResult{Name: s.Name, NameEn: s.NameEn, Seat: s.P, Share: Estimate{share, math.Max(0, share-0.05), math.Min(1, share+0.05)}, Calls: 10 * n})
	}
	return out
}

func hexagon(c orb.Point, r float64) orb.MultiPolygon {
	var ring orb.Ring
	for k := 0; k <= 6; k++ {
		a := float64(k) * math.Pi / 3
		ring = append(ring, orb.Point{c[0] + r*math.Cos(a), c[1] + r*0.75*math.Sin(a)})
	}
	return orb.MultiPolygon{{ring}}
}

func rectOf(x0, y0, x1, y1 float64) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: vg.Length(x0), Y: vg.Length(y0)}, Max: vg.Point{X: vg.Length(x1), Y: vg.Length(y1)}}
}

func ptOf(x, y float64) vg.Point { return vg.Point{X: vg.Length(x), Y: vg.Length(y)} }
