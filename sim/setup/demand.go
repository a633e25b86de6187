package setup

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/paulmach/orb"
)

// place is one row of places.csv turned into a demand point.
type place struct {
	id, name, nameEn, kind string
	lon, lat               float64
	pop                    int       // after scaling
	assumed                bool      // no population tag: assumed by kind
	cell                   orb.Bound // a raster cell's extent (raster demand only)
	township, townshipCode string    // from a village table
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

// scale makes the populations sum to total (when total > 0) by
// [apportion], and returns the factor applied.
func scale(ps []place, total int) float64 {
	sum := 0
	w := make([]float64, len(ps))
	for i, p := range ps {
		sum += p.pop
		w[i] = float64(p.pop)
	}
	if total <= 0 || sum == 0 {
		return 1
	}
	for i, n := range apportion(w, total) {
		ps[i].pop = n
	}
	return float64(total) / float64(sum)
}

// apportion splits total whole people in proportion to the weights by
// largest remainders: the parts sum to total exactly and each differs from
// its exact share by less than one. Ties go to the earlier weight.
func apportion(w []float64, total int) []int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	out := make([]int, len(w))
	if sum <= 0 || total <= 0 {
		return out
	}
	type rem struct {
		i int
		r float64
	}
	rems := make([]rem, len(w))
	got := 0
	for i, x := range w {
		exact := x / sum * float64(total)
		out[i] = int(math.Floor(exact))
		got += out[i]
		rems[i] = rem{i, exact - math.Floor(exact)}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r > rems[b].r })
	for k := 0; got < total; k++ {
		out[rems[k%len(rems)].i]++
		got++
	}
	return out
}

func writeDemand(w io.Writer, ps []place) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "village", "village_en", "township_code", "township", "lon", "lat", "population", "assumed"})
	for i, p := range ps {
		cw.Write([]string{fmt.Sprintf("D%04d", i+1), p.name, p.nameEn, p.townshipCode, p.township, strconv.FormatFloat(p.lon, 'f', -1, 64),
			strconv.FormatFloat(p.lat, 'f', -1, 64), strconv.Itoa(p.pop), strconv.FormatBool(p.assumed)})
	}
	cw.Flush()
	return cw.Error()
}
