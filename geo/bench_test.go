package geo_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/emsplan/sim/geo"
	"github.com/emsplan/sim/geo/synth"
	"github.com/paulmach/orb"
)

// Benchmarks on synthetic road networks (package synth, fixed seed 1) of
// 10^4, 10^5 and 10^6 nodes. Run:
//
//	go test -run '^$' -bench . -benchtime 5x ./geo
var sizes = []int{1e4, 1e5, 1e6}

var (
	synthMu    sync.Mutex
	synthFiles = map[int][]byte{}
	synthNets  = map[int]*geo.Graph{}
)

func synthFile(b testing.TB, nodes int) []byte {
	synthMu.Lock()
	defer synthMu.Unlock()
	if f, ok := synthFiles[nodes]; ok {
		return f
	}
	var buf bytes.Buffer
	if _, err := synth.Write(&buf, synth.Config{Nodes: nodes, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	synthFiles[nodes] = buf.Bytes()
	return buf.Bytes()
}

func synthGraph(b testing.TB, nodes int) *geo.Graph {
	f := synthFile(b, nodes)
	synthMu.Lock()
	defer synthMu.Unlock()
	if g, ok := synthNets[nodes]; ok {
		return g
	}
	r, err := geo.ReadRoads(bytes.NewReader(f))
	if err != nil {
		b.Fatal(err)
	}
	g, _, err := geo.Build(r, geo.Options{})
	if err != nil {
		b.Fatal(err)
	}
	synthNets[nodes] = g
	return g
}

// peakHeap samples the bytes of heap objects (live and not yet swept) every
// millisecond while f runs and returns the largest sample.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	base := uint64(0)
	metrics.Read(sample)
	base = sample[0].Value.Uint64()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak {
				peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	if peak < base {
		return 0
	}
	return peak - base
}

// BenchmarkLoad is ReadRoads + Build from bytes in memory; MB/s is of the
// GeoJSON text. peak/file is the sampled peak heap growth over the file size.
func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f := synthFile(b, n)
			b.SetBytes(int64(len(f)))
			b.ReportAllocs()
			var peak uint64
			for i := 0; i < b.N; i++ {
				p := peakHeap(func() {
					r, err := geo.ReadRoads(bytes.NewReader(f))
					if err != nil {
						b.Fatal(err)
					}
					if _, _, err := geo.Build(r, geo.Options{}); err != nil {
						b.Fatal(err)
					}
				})
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/float64(len(f)), "peak/file")
			b.ReportMetric(float64(len(f))/1e6, "fileMB")
		})
	}
}

// BenchmarkRead is ReadRoads alone.
func BenchmarkRead(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f := synthFile(b, n)
			b.SetBytes(int64(len(f)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := geo.ReadRoads(bytes.NewReader(f)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOneToAll is a complete forward search from a random node, with
// one Search reused (the steady state of a table precomputation).
func BenchmarkOneToAll(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := synthGraph(b, n)
			s := geo.NewSearch(g)
			rng := rand.New(rand.NewPCG(1, 2))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.Run([]geo.Seed{{Node: geo.NodeID(rng.IntN(g.Nodes()))}}, geo.Query{})
			}
			b.ReportMetric(float64(g.Nodes()), "nodes")
		})
	}
}

// BenchmarkMultiSource300 is one search from 300 random sources.
func BenchmarkMultiSource300(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := synthGraph(b, n)
			s := geo.NewSearch(g)
			rng := rand.New(rand.NewPCG(3, 4))
			seeds := make([]geo.Seed, 300)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for k := range seeds {
					seeds[k] = geo.Seed{Node: geo.NodeID(rng.IntN(g.Nodes())), Source: int32(k)}
				}
				s.Run(seeds, geo.Query{})
			}
		})
	}
}

// BenchmarkBounded10min is a forward search bounded at 10 minutes.
func BenchmarkBounded10min(b *testing.B) {
	g := synthGraph(b, 1e6)
	s := geo.NewSearch(g)
	rng := rand.New(rand.NewPCG(5, 6))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Run([]geo.Seed{{Node: geo.NodeID(rng.IntN(g.Nodes()))}}, geo.Query{Bound: 600})
	}
}

// BenchmarkSnap snaps random points within the network's bounding box.
func BenchmarkSnap(b *testing.B) {
	g := synthGraph(b, 1e6)
	g.Snap(g.Point(0)) // build the index outside the timing
	bd := g.Bound()
	rng := rand.New(rand.NewPCG(7, 8))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := orb.Point{bd.Min[0] + rng.Float64()*(bd.Max[0]-bd.Min[0]), bd.Min[1] + rng.Float64()*(bd.Max[1]-bd.Min[1])}
		g.Snap(p)
	}
}

// TestSynthNetwork checks that the benchmark networks are what they claim.
func TestSynthNetwork(t *testing.T) {
	r, err := geo.ReadRoads(bytes.NewReader(synthFile(t, 1e4)))
	if err != nil {
		t.Fatal(err)
	}
	g, rep, err := geo.Build(r, geo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	total := rep.LargestComponentNodes + rep.DroppedNodes
	if total < 9000 || total > 11500 || float64(g.Nodes()) < 0.95*float64(total) || rep.SpeedUnparseable == 0 || rep.SpeedFromMaxspeed == 0 {
		t.Errorf("synthetic 1e4 network: %d nodes (%d kept), report %+v", total, g.Nodes(), rep)
	}
}
