package geo

import (
	"math"
	"testing"
)

func TestHilbertCurve(t *testing.T) {
	// The 64x64 cells at the origin take the first 4096 indices, each once,
	// and consecutive indices are neighbouring cells (a continuous curve).
	cell := make([][2]int, 4096)
	seen := make([]bool, 4096)
	for x := 0; x < 64; x++ {
		for y := 0; y < 64; y++ {
			h := hilbert(uint32(x), uint32(y))
			if h >= 4096 || seen[h] {
				t.Fatalf("cell %d,%d: index %d out of the block or repeated", x, y, h)
			}
			seen[h], cell[h] = true, [2]int{x, y}
		}
	}
	for h := 1; h < 4096; h++ {
		a, b := cell[h-1], cell[h]
		if d := abs(a[0]-b[0]) + abs(a[1]-b[1]); d != 1 {
			t.Fatalf("indices %d and %d are cells %v and %v", h-1, h, a, b)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestHilbertOrderIsPermutation(t *testing.T) {
	xy := []int32{5, 5, 0, 0, 5, 5, 100, 100, 0, 100}
	id := hilbertOrder(xy)
	seen := make([]bool, len(id))
	for _, v := range id {
		seen[v] = true
	}
	for v, ok := range seen {
		if !ok {
			t.Fatalf("id %d missing in %v", v, id)
		}
	}
	// Equal points keep their order; (0,0) comes first.
	if id[1] != 0 || id[0] > id[2] {
		t.Errorf("order %v", id)
	}
}

func TestLineLengthsMatchHaversine(t *testing.T) {
	// A long zigzag line with short and long segments at mid latitude: the
	// carried cos(latitude) and series must match the haversine formula
	// (math.Sin, math.Asin) to 1e-12.
	var xy []int32
	x, y := int32(1125000000), int32(281000000)
	for k := 0; k < 5000; k++ {
		xy = append(xy, x, y)
		step := int32(37 + k%500)
		if k%997 == 0 {
			step = 300000 // 3 km
		}
		x += step * int32(1-2*(k%3%2))
		y += step * int32(k%5-2)
	}
	var ll lineLengths
	ll.start(xy)
	for k := 1; k < len(xy)/2; k++ {
		got := ll.next(xy, k)
		want := haversineE7(xy[2*k-2], xy[2*k-1], xy[2*k], xy[2*k+1])
		if math.Abs(got-want) > 1e-12*want+1e-12 {
			t.Fatalf("segment %d: %.15g, haversine %.15g", k, got, want)
		}
	}
}
