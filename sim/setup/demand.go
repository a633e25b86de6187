package setup

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
)

// place is one row of places.csv turned into a demand point.
type place struct {
	id, name, nameEn, kind string
	lon, lat               float64
	pop                    int  // after scaling
	assumed                bool // no population tag: assumed by kind
}

// readPlaces reads places.csv and gives each place its population: the
// tagged one, else the one assumed for its kind.
func readPlaces(c *Config) ([]place, error) {
	t, err := readTable(c.Places, "id", "name", "place", "population", "lon", "lat")
	if err != nil {
		return nil, err
	}
	var ps []place
	for i := range t.rows {
		lon, lat, err := t.lonLat(i)
		if err != nil {
			return nil, err
		}
		p := place{id: t.get(i, "id"), name: t.get(i, "name"), nameEn: t.get(i, "name_en"), kind: t.get(i, "place"), lon: lon, lat: lat}
		if s := t.get(i, "population"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > 1e8 {
				return nil, fmt.Errorf("%s: line %d: population: want a whole number from 0 to 100,000,000, got %q", c.Places, i+2, s)
			}
			p.pop = n
		} else {
			p.pop, p.assumed = c.AssumedPopulation[p.kind], true
		}
		if p.name == "" {
			p.name = p.id
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("%s: no places: demand needs at least one (add rows, or give a village table)", c.Places)
	}
	return ps, nil
}

// scale makes the populations sum to total (when total > 0) by largest
// remainders, so the total is exact and every share as close as whole
// people allow. It returns the factor applied.
func scale(ps []place, total int) float64 {
	sum := 0
	for _, p := range ps {
		sum += p.pop
	}
	if total <= 0 || sum == 0 {
		return 1
	}
	f := float64(total) / float64(sum)
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(ps))
	got := 0
	for i := range ps {
		x := float64(ps[i].pop) * f
		ps[i].pop = int(math.Floor(x))
		got += ps[i].pop
		rems[i] = rem{i, x - math.Floor(x)}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
	for k := 0; got < total; k++ {
		ps[rems[k%len(rems)].i].pop++
		got++
	}
	return f
}

func writeDemand(w io.Writer, ps []place) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "village", "village_en", "lon", "lat", "population", "assumed"})
	for i, p := range ps {
		cw.Write([]string{fmt.Sprintf("D%04d", i+1), p.name, p.nameEn, strconv.FormatFloat(p.lon, 'f', -1, 64),
			strconv.FormatFloat(p.lat, 'f', -1, 64), strconv.Itoa(p.pop), strconv.FormatBool(p.assumed)})
	}
	cw.Flush()
	return cw.Error()
}
