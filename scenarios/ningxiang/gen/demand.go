package main

// demandPoint is one row of demand.csv: a hamlet or an urban block.
type demandPoint struct {
	ID    string
	P     pt
	Pop   int
	Block bool // a block of a seat grid (community) rather than a hamlet
	V     *village
}
