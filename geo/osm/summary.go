package osm

import (
	"encoding/json"
	"fmt"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"io"
	"sort"

	orbgeo "github.com/paulmach/orb/geo"
)

// Summary is what an import found, as written to import.json and printed.
type Summary struct {
	Source               string             `json:"source"` // the OSM file as given
	Bytes                int64              `json:"bytes"`
	SHA256               string             `json:"sha256"`
	Clip                 string             `json:"clip"` // "none", "bbox W,S,E,N" or "boundary FILE"
	Stats                Stats              `json:"stats"`
	KmByClass            map[string]float64 `json:"km_by_class"` // way length by highway class, km (each way once)
	Km                   float64            `json:"km"`
	Facilities           map[string]int     `json:"facilities_by_tier"`
	Other                int                `json:"other_healthcare"`
	Places               map[string]int     `json:"places_by_kind"`
	PlacesWithPopulation int                `json:"places_with_population"`
	Areas                int                `json:"areas,omitempty"`
	AreaProblems         []string           `json:"area_problems,omitempty"`
	Attribution          string             `json:"attribution"`
}

// Summarize counts what e holds. O(positions).
func (e *Extract) Summarize(source, clip string) Summary {
	s := Summary{Source: source, Bytes: e.Stats.Bytes, SHA256: e.Stats.SHA256, Clip: clip, Stats: e.Stats,
		KmByClass: map[string]float64{}, Facilities: map[string]int{}, Places: map[string]int{},
		Other: len(e.Other), Attribution: "Map data " + Attribution, Areas: len(e.Areas), AreaProblems: e.AreaProblems}
	for i, r := range e.Roads {
		km := orbgeo.Length(e.Line(i)) / 1000
		s.KmByClass[r.Highway] += km
		s.Km += km
	}
	for _, f := range e.Facilities {
		s.Facilities[f.Tier]++
	}
	for _, p := range e.Places {
		s.Places[p.Kind]++
		if p.Population >= 0 {
			s.PlacesWithPopulation++
		}
	}
	return s
}

// WriteJSON writes s as indented JSON.
func (s *Summary) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// WriteText writes s for a person: counts, km by class (longest first), what
// was dropped, and the attribution.
func (s *Summary) WriteText(w io.Writer) {
	fmt.Fprintf(w, "OSM file       %s (%.1f MB), clip: %s\n", s.Source, float64(s.Bytes)/1e6, s.Clip)
	fmt.Fprintf(w, "Roads          %s ways of the kept classes read, %s pieces written, %.1f km\n", thousands(s.Stats.Ways), thousands(s.Stats.Pieces), s.Km)
	classes := make([]string, 0, len(s.KmByClass))
	for c := range s.KmByClass {
		classes = append(classes, c)
	}
	sort.Slice(classes, func(i, j int) bool {
		if s.KmByClass[classes[i]] != s.KmByClass[classes[j]] {
			return s.KmByClass[classes[i]] > s.KmByClass[classes[j]]
		}
		return classes[i] < classes[j]
	})
	for _, c := range classes {
		fmt.Fprintf(w, "  %-16s %9.1f km\n", c, s.KmByClass[c])
	}
	if s.Stats.Clipped+s.Stats.Outside > 0 {
		fmt.Fprintf(w, "Clipping       %d ways cut at the boundary (kept to the first node outside), %d wholly outside dropped\n",
			s.Stats.Clipped, s.Stats.Outside)
	}
	if s.Stats.MissingNodes+s.Stats.ShortWays > 0 {
		fmt.Fprintf(w, "Incomplete     %d node references not in the file (ways broken there), %d ways left with < 2 nodes dropped\n",
			s.Stats.MissingNodes, s.Stats.ShortWays)
	}
	tiers := []string{"county_hospital", "sub_centre", "township_centre", "community_centre", "village_clinic"}
	fmt.Fprintf(w, "Facilities     ")
	n := 0
	for _, t := range tiers {
		if s.Facilities[t] > 0 {
			if n > 0 {
				fmt.Fprint(w, ", ")
			}
			fmt.Fprintf(w, "%s %d", t, s.Facilities[t])
			n++
		}
	}
	if n == 0 {
		fmt.Fprint(w, "none")
	}
	fmt.Fprintf(w, " (tiers guessed: check them); other healthcare (pharmacies, dentists...) %d\n", s.Other)
	fmt.Fprintf(w, "Places         city %d, town %d, village %d, hamlet %d; %d with a population tag\n",
		s.Places["city"], s.Places["town"], s.Places["village"], s.Places["hamlet"], s.PlacesWithPopulation)
	if s.Areas > 0 || len(s.AreaProblems) > 0 {
		fmt.Fprintf(w, "Areas          %d administrative areas assembled", s.Areas)
		if len(s.AreaProblems) > 0 {
			fmt.Fprintf(w, "; %d could not be (import.json lists why), e.g. %s", len(s.AreaProblems), s.AreaProblems[0])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s\n", s.Attribution)
}

// thousands formats n with commas: 1234567 -> "1,234,567".
func thousands(n int) string { return english.Sprintf("%d", n) }

var english = message.NewPrinter(language.English)
