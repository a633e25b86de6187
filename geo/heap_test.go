package geo

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// TestRadixHeapOrder pushes keys that never go below the last key popped, as
// Dijkstra does (including ties, zeros and -0), and checks that pops come out
// in sorted order with every item once.
func TestRadixHeapOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	var h radixHeap
	for trial := 0; trial < 50; trial++ {
		h.clear()
		var pushed, popped []float64
		last := 0.0
		push := func(k float64) {
			h.push(int32(len(pushed)), k)
			pushed = append(pushed, k)
		}
		push(-0.0)
		push(0)
		for i := 0; i < 2000; i++ {
			if h.len() == 0 || rng.IntN(3) > 0 {
				switch rng.IntN(4) {
				case 0:
					push(last) // a tie with the last key popped
				default:
					push(last + rng.Float64()*100)
				}
				continue
			}
			_, k := h.pop()
			if k < last {
				t.Fatalf("popped %g after %g", k, last)
			}
			last = k
			popped = append(popped, k)
		}
		for h.len() > 0 {
			_, k := h.pop()
			if k < last {
				t.Fatalf("popped %g after %g", k, last)
			}
			last = k
			popped = append(popped, k)
		}
		sort.Float64s(pushed)
		if len(popped) != len(pushed) {
			t.Fatalf("pushed %d popped %d", len(pushed), len(popped))
		}
		for i := range pushed {
			if pushed[i] != popped[i] {
				t.Fatalf("item %d: pushed %g popped %g", i, pushed[i], popped[i])
			}
		}
	}
}
