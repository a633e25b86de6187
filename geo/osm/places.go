package osm

import (
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/osm"
)

// Place is a named settlement: place=city, town, village or hamlet.
type Place struct {
	OSMType    string
	OSMID      int64
	Name       string // name:zh, else name
	NameTag    string // the name tag as it is
	NameEn     string // name:en, else the name when it is Latin script
	Kind       string // the place tag
	Population int    // from the population tag; -1 when absent or not a number
	Point      orb.Point
}

// placeKinds are the place values kept.
var placeKinds = map[string]bool{"city": true, "town": true, "village": true, "hamlet": true}

func placeKind(t osm.Tags) string {
	if p := t.Find("place"); placeKinds[p] {
		return p
	}
	return ""
}

func newPlace(typ string, id int64, tags map[string]string, p orb.Point) Place {
	pl := Place{OSMType: typ, OSMID: id, Kind: tags["place"], Point: p, Population: -1,
		Name: firstOf(tags["name:zh"], tags["name"], tags["name:en"]), NameTag: tags["name"]}
	pl.NameEn = latinName(tags, pl.Name)
	// "24678", "24 678", "24,678" are read; "ca. 300" is not.
	s := strings.NewReplacer(",", "", " ", "", "\u00a0", "").Replace(tags["population"])
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		pl.Population = n
	}
	return pl
}
