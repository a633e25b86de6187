package main

import (
	"hash/fnv"
	"math/rand/v2"
)

// Seed is the generator's only seed (Ningxiang's code). Every random choice is
// drawn from a PCG stream named by its purpose and keyed by a stable code, so
// changing one rule or one village does not reshuffle the rest.
const Seed uint64 = 430182

func stream(purpose string, key string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write([]byte(key))
	return rand.New(rand.NewPCG(Seed, h.Sum64()))
}

// uniform returns a draw in [lo, hi).
func uniform(r *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
