// Command gen writes the shipped Ningxiang scenario: a schematic network
// (示意路网) built only from public facts about Ningxiang (宁乡市, 430182):
// the 29 township-level and 278 village-level units with their official codes,
// township seat coordinates, populations, areas, neighbours, road corridors and
// the Huangcai Reservoir. It never reads the county outline: township polygons
// are a power diagram of the seats clipped to an outline derived from the seats.
//
// Usage, from the repository root:
//
//	go run ./scenarios/ningxiang/gen            # rewrites scenarios/ningxiang/*
//	go run ./scenarios/ningxiang/gen -out DIR   # writes the same files into DIR
//
// Generate is deterministic: one fixed seed, math/rand/v2 PCG streams keyed by
// purpose and code, sorted output and fixed float formatting, so two runs give
// the same bytes. The tests check that the committed files equal a fresh run.
//
// Every rule and assumption is written in scenarios/ningxiang/README.md, which
// the generator also writes (from readme.tmpl) so that its figures stay true.
package main
