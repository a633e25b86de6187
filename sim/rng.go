package sim

import "math/rand/v2"

// Stream names. Each per-call quantity has its own stream, so that drawing
// one more value of one quantity (or adding a stream) changes no other.
const (
	streamArrival   = "arrival"    // inter-arrival times and profile thinning
	streamPlace     = "place"      // demand point
	streamPriority  = "priority"   // priority
	streamCondition = "condition"  // condition
	streamDemand    = "demand"     // thinning uniform for lower call rates
	streamDelay     = "dispatch"   // dispatch delay
	streamTurnout   = "turnout"    // turnout
	streamOnScene   = "on_scene"   // on-scene time
	streamConvey    = "conveyance" // conveyance uniform
	streamHandover  = "handover"   // handover time
)

// splitmix64 is the SplitMix64 finaliser: a bijective 64-bit mixer.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// fnv64a hashes a stream name.
func fnv64a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// NewStream returns the PCG source for (seed, replication, name). It depends
// on nothing else: not on the deployment, the worker count or other streams.
func NewStream(seed uint64, rep int, name string) *rand.PCG {
	k := splitmix64(splitmix64(seed) ^ splitmix64(uint64(rep)+0x632be59bd9b4e019) ^ fnv64a(name))
	return rand.NewPCG(k, splitmix64(k^0xd1b54a32d192ed03))
}

// alias is Vose's alias table: O(1) draws from a discrete distribution with
// one uniform each.
type alias struct {
	prob  []float64
	alias []int32
}

// newAlias builds the table for weights w (>= 0, not all zero).
func newAlias(w []float64) alias {
	n := len(w)
	a := alias{prob: make([]float64, n), alias: make([]int32, n)}
	var sum float64
	for _, x := range w {
		sum += x
	}
	scaled := make([]float64, n)
	small := make([]int32, 0, n)
	large := make([]int32, 0, n)
	for i, x := range w {
		scaled[i] = x * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a.prob[s], a.alias[s] = scaled[s], l
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range large {
		a.prob[i], a.alias[i] = 1, i
	}
	best := int32(0)
	for i, x := range w {
		if x > w[best] {
			best = int32(i)
		}
	}
	for _, i := range small { // left over only through rounding
		if w[i] > 0 {
			a.prob[i], a.alias[i] = 1, i
		} else {
			a.prob[i], a.alias[i] = 0, best
		}
	}
	return a
}

// draw returns an index with probability proportional to its weight. With
// one entry it returns 0 without drawing: each quantity has a stream of its
// own, so the draw it skips would change nothing else.
func (a *alias) draw(r *rand.Rand) int32 {
	if len(a.prob) == 1 {
		return 0
	}
	u := r.Float64() * float64(len(a.prob))
	i := int(u)
	if i >= len(a.prob) {
		i = len(a.prob) - 1
	}
	if u-float64(i) < a.prob[i] {
		return int32(i)
	}
	return a.alias[i]
}
