// Package synth writes deterministic synthetic road networks as GeoJSON, for
// benchmarks and tests that need large road-like inputs: a jittered grid of
// intersections with mixed road classes and maxspeed values, some one-way
// streets, missing blocks (dead ends, irregular blocks) and mid-block shape
// vertices, cut into ways of a few blocks written in random order, as OSM
// exports (ordered by way id, not by place) are.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
)

// Config describes a network. The zero value of a field takes its default.
type Config struct {
	Nodes   int     // target number of graph nodes (intersections + shape vertices); required
	Spacing float64 // block length, metres (default 250)
	Lon0    float64 // south-west corner (default 112.2, 28.0: near Ningxiang)
	Lat0    float64
	Drop    float64 // fraction of blocks left out (default 0.02)
	Shape   float64 // fraction of blocks with a mid-block shape vertex (default 0.25)
	WayLen  int     // blocks per way (default 8)
	Seed    uint64  // PCG seed (default 1)
}

// Stats counts what Write produced.
type Stats struct {
	Side, Features, Intersections, ShapeVertices int
	Bytes                                        int64
}

func (c *Config) defaults() {
	if c.Spacing == 0 {
		c.Spacing = 250
	}
	if c.Lon0 == 0 && c.Lat0 == 0 {
		c.Lon0, c.Lat0 = 112.2, 28.0
	}
	if c.Drop == 0 {
		c.Drop = 0.02
	}
	if c.Shape == 0 {
		c.Shape = 0.25
	}
	if c.WayLen == 0 {
		c.WayLen = 8
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
}

// class returns the road class and tags of grid line k (rows and columns alike).
func class(k int) (highway, maxspeed, oneway string) {
	switch {
	case k%64 == 0:
		return "trunk", "", ""
	case k%32 == 0:
		return "primary", "80", ""
	case k%16 == 0:
		return "primary", "", ""
	case k%8 == 0:
		return "secondary", "", ""
	case k%4 == 0:
		if k%12 == 0 {
			return "tertiary", "signals", "" // unparseable: class default
		}
		return "tertiary", "", ""
	case k%7 == 3:
		return "unclassified", "", ""
	case k%11 == 5:
		return "service", "", ""
	case k%9 == 2:
		return "residential", "20 mph", "yes"
	case k%13 == 6:
		return "residential", "", "-1"
	}
	return "residential", "", ""
}

// Write writes the network as a GeoJSON FeatureCollection to w.
func Write(w io.Writer, c Config) (Stats, error) {
	c.defaults()
	if c.Nodes < 4 {
		return Stats{}, fmt.Errorf("synth: need at least 4 nodes, got %d", c.Nodes)
	}
	n := int(math.Ceil(math.Sqrt(float64(c.Nodes) / (1 + 2*c.Shape))))
	rng := rand.New(rand.NewPCG(c.Seed, 0x5eed))
	const m = 6371008.8 * math.Pi / 180
	dlat := c.Spacing / m
	dlon := dlat / math.Cos(c.Lat0*math.Pi/180)
	xs, ys := make([]int64, n*n), make([]int64, n*n) // 1e-7 degree
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			xs[j*n+i] = int64(math.Round((c.Lon0 + (float64(i)+0.4*(rng.Float64()-0.5))*dlon) * 1e7))
			ys[j*n+i] = int64(math.Round((c.Lat0 + (float64(j)+0.4*(rng.Float64()-0.5))*dlat) * 1e7))
		}
	}
	// Cut every grid line into ways, then write the ways in random order.
	type way struct{ axis, k, from, to int }
	var ways []way
	dropped := make(map[[3]int]bool)
	shape := make(map[[3]int][2]int64)
	st := Stats{Side: n, Intersections: n * n}
	for axis := 0; axis < 2; axis++ {
		for k := 0; k < n; k++ {
			start, blocks := 0, 0
			for b := 0; b < n-1; b++ {
				key := [3]int{axis, k, b}
				if rng.Float64() < c.Drop {
					dropped[key] = true
					if b > start {
						ways = append(ways, way{axis, k, start, b})
					}
					start, blocks = b+1, 0
					continue
				}
				if rng.Float64() < c.Shape {
					p, q := idx(axis, k, b, n), idx(axis, k, b+1, n)
					shape[key] = [2]int64{(xs[p]+xs[q])/2 + int64((rng.Float64()-0.5)*0.2*dlon*1e7), (ys[p]+ys[q])/2 + int64((rng.Float64()-0.5)*0.2*dlat*1e7)}
					st.ShapeVertices++
				}
				if blocks++; blocks == c.WayLen {
					ways = append(ways, way{axis, k, start, b + 1})
					start, blocks = b+1, 0
				}
			}
			if start < n-1 {
				ways = append(ways, way{axis, k, start, n - 1})
			}
		}
	}
	rng.Shuffle(len(ways), func(i, j int) { ways[i], ways[j] = ways[j], ways[i] })
	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, 1<<16)
	bw.WriteString("{\"type\":\"FeatureCollection\",\"features\":[\n")
	buf := make([]byte, 0, 4096)
	for i, wy := range ways {
		hw, ms, ow := class(wy.k)
		buf = append(buf[:0], `{"type":"Feature","properties":{"@id":`...)
		buf = strconv.AppendInt(buf, int64(i+1), 10)
		buf = append(buf, `,"highway":"`...)
		buf = append(buf, hw...)
		buf = append(buf, '"')
		if ms != "" {
			buf = append(buf, `,"maxspeed":"`...)
			buf = append(buf, ms...)
			buf = append(buf, '"')
		}
		if ow != "" {
			buf = append(buf, `,"oneway":"`...)
			buf = append(buf, ow...)
			buf = append(buf, '"')
		}
		buf = append(buf, `,"name":"`...)
		buf = append(buf, "RC"[wy.axis])
		buf = strconv.AppendInt(buf, int64(wy.k), 10)
		buf = append(buf, `"},"geometry":{"type":"LineString","coordinates":[`...)
		for b := wy.from; b <= wy.to; b++ {
			p := idx(wy.axis, wy.k, b, n)
			if b > wy.from {
				buf = append(buf, ',')
			}
			buf = appendPos(buf, xs[p], ys[p])
			if s, ok := shape[[3]int{wy.axis, wy.k, b}]; ok && b < wy.to {
				buf = append(buf, ',')
				buf = appendPos(buf, s[0], s[1])
			}
		}
		buf = append(buf, "]}}"...)
		if i < len(ways)-1 {
			buf = append(buf, ",\n"...)
		}
		bw.Write(buf)
	}
	bw.WriteString("\n]}\n")
	st.Features = len(ways)
	err := bw.Flush()
	st.Bytes = cw.n
	return st, err
}

// idx is the grid index of block end b on line k of the given axis.
func idx(axis, k, b, n int) int {
	if axis == 0 {
		return k*n + b // row k, column b
	}
	return b*n + k // column k, row b
}

// appendPos writes [lon,lat] with exactly 7 decimals.
func appendPos(buf []byte, x, y int64) []byte {
	buf = append(buf, '[')
	buf = appendE7(buf, x)
	buf = append(buf, ',')
	buf = appendE7(buf, y)
	return append(buf, ']')
}

func appendE7(buf []byte, v int64) []byte {
	if v < 0 {
		buf = append(buf, '-')
		v = -v
	}
	buf = strconv.AppendInt(buf, v/1e7, 10)
	f := v % 1e7
	buf = append(buf, '.')
	for d := int64(1e6); d > 0; d /= 10 {
		buf = append(buf, byte('0'+f/d%10))
	}
	return buf
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
