package geo

// ShortestFrom returns the shortest time in seconds from node from to every
// node, +Inf where unreachable. It allocates a Search; use one Search for many
// queries. O((V + E) log V).
func ShortestFrom(g *Graph, from NodeID) []float64 {
	s := NewSearch(g)
	s.Run([]Seed{{Node: from}}, Query{})
	return s.Times(nil)
}

// ShortestTo returns the shortest time in seconds from every node to node to,
// +Inf where to cannot be reached. O((V + E) log V).
func ShortestTo(g *Graph, to NodeID) []float64 {
	s := NewSearch(g)
	s.Run([]Seed{{Node: to}}, Query{Reverse: true})
	return s.Times(nil)
}

// ShortestBetween returns the shortest time in seconds from node from to node
// to and the edges of such a path, stopping as soon as to is settled; +Inf and
// nil if to cannot be reached. O((V + E) log V) at worst.
func ShortestBetween(g *Graph, from, to NodeID) (float64, []EdgeID) {
	s := NewSearch(g)
	s.Run([]Seed{{Node: from}}, Query{Targets: []NodeID{to}, Paths: true})
	return s.Time(to), s.Path(to)
}

// MultiSource returns, for every node, the shortest time in seconds from any
// seed and the Source of that seed (-1 where unreachable). O((V + E) log V),
// whatever the number of seeds.
func MultiSource(g *Graph, seeds []Seed) (times []float64, source []int32) {
	s := NewSearch(g)
	s.Run(seeds, Query{})
	return s.Times(nil), s.Sources(nil)
}
