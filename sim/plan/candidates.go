package plan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/emsplan/sim/geo/crs"
	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// candidateKinds are the named candidate sets and the facilities in them.
var candidateKinds = map[string]func(f *scenario.Facility) bool{
	"health-centres": func(f *scenario.Facility) bool {
		return f.Tier == scenario.TownshipCentre || f.Tier == scenario.CommunityCentre || f.Tier == scenario.SubCentre
	},
	"hospitals": func(f *scenario.Facility) bool {
		return f.Tier == scenario.CountyHospital || f.Tier == scenario.SubCentre
	},
	"stations":       func(f *scenario.Facility) bool { return f.Ambulances > 0 },
	"all-facilities": func(f *scenario.Facility) bool { return true },
	"demand":         nil, // every demand point: new sites
}

// Candidate is one possible site: a facility of the scenario or a new point.
type Candidate struct {
	Fac    int                // facility index in the baseline scenario; -1 for a new site
	Site   scenario.Facility  // the facility, or the new site (no ambulances)
	Demand int                // demand point index for candidates "demand"; -1 otherwise
	Fixed  bool               // open in every solution (KeepExisting)
	Place  *scenario.Township // township of the site, nil if unknown
}

// CandidateSet is the candidates and the study their matrix is built on:
// the baseline, plus the new sites as facilities without ambulances.
type CandidateSet struct {
	Kind  string // the candidates named: a kind or a file
	Label string // "all-facilities", "file cands.csv", ...
	File  string // the candidates file, if any
	List  []Candidate
	Study *model.Study
	Sites []int // facility index in Study of each candidate
	Fixed []int // candidate indices kept open
	// Warnings are the candidates file's warnings (a site far from any
	// road, say), for the caller to show; nil when there are none.
	Warnings *scenario.Problems
}

// Existing reports whether facility f is one of today's sites under rule:
// an ambulance base (Response) or a health facility of the circle's tiers
// (Health).
func Existing(s *scenario.Scenario, f *scenario.Facility, rule coverage.Rule) bool {
	if rule == coverage.Response {
		return f.Ambulances > 0
	}
	return slices.Contains(s.HealthCircle.Tiers, f.Tier)
}

// Candidates builds the candidate set named by kind (health-centres,
// hospitals, stations, all-facilities, demand) or read from the file kind
// names (CSV or GeoJSON, coordinates in the system crsName), with today's
// sites fixed open when keep is set. New sites (demand points, file points)
// are placed on st's network as facilities without ambulances. A kind that
// is neither a name nor a file, or an unknown crsName, is a *RequestError;
// a bad file gives an error listing its problems by line or feature.
func Candidates(st *model.Study, kind, crsName string, keep bool, rule coverage.Rule) (*CandidateSet, error) {
	s := st.Scenario
	cs := &CandidateSet{Kind: kind, Label: kind, Study: st}
	in, named := candidateKinds[kind]
	for i := range s.Facilities {
		f := &s.Facilities[i]
		today := keep && Existing(s, f, rule)
		if today || named && in != nil && in(f) {
			cs.List = append(cs.List, Candidate{Fac: i, Site: *f, Demand: -1, Fixed: today})
		}
	}
	var news []scenario.Facility
	tier := scenario.Station
	if rule == coverage.Health {
		tier = scenario.VillageClinic
	}
	var warn scenario.Problems
	switch {
	case kind == "demand":
		used := map[string]bool{}
		for _, f := range s.Facilities {
			used[f.ID] = true
		}
		for i, p := range s.Demand.Points {
			id := "new-" + p.ID
			for k := 2; used[id]; k++ {
				id = fmt.Sprintf("new-%s-%d", p.ID, k)
			}
			used[id] = true
			name, nameEn := p.Name, p.NameEn
			if name == "" {
				name, nameEn = p.ID, p.ID
			}
			f := scenario.Facility{ID: id, Name: name + SiteWord(rule, "zh"), NameEn: nameEn + SiteWord(rule, "en"), Tier: tier,
				TownshipCode: p.TownshipCode, Point: p.Point, Assumed: true, Pos: p.Pos}
			news = append(news, f)
			cs.List = append(cs.List, Candidate{Fac: -1, Site: f, Demand: i})
		}
	case !named:
		if _, err := os.Stat(kind); err != nil {
			return nil, requestf("--candidates %q: neither health-centres, hospitals, stations, all-facilities, demand nor a file (%v)", kind, errors.Unwrap(err))
		}
		if crsName == "" {
			crsName = "wgs84"
		}
		c, err := crs.Parse(crsName)
		if err != nil {
			return nil, requestf("--candidates-crs %q: want wgs84, gcj02 or bd09", crsName)
		}
		fs, ps, err := scenario.ReadSites(kind, c, tier)
		if err != nil {
			return nil, fmt.Errorf("the candidates file has %d error%s:\n%v", len(ps.Errors()), plural(len(ps.Errors())), ps)
		}
		warn.List = append(warn.List, ps.Warnings()...)
		var bad scenario.Problems
		for _, f := range fs {
			for _, g := range s.Facilities {
				if g.ID == f.ID {
					bad.Errorf(f.Pos, "id", "%q is already a facility of the scenario (%s): give the new site another id", f.ID, g.Name)
				}
			}
			f.Ambulances, f.FiveG, f.Receives, f.Assumed = 0, 0, false, true
			news = append(news, f)
			cs.List = append(cs.List, Candidate{Fac: -1, Site: f, Demand: -1})
		}
		if err := bad.Err(); err != nil {
			return nil, fmt.Errorf("the candidates file has %d error%s:\n%v", len(bad.Errors()), plural(len(bad.Errors())), &bad)
		}
		cs.File, cs.Label = kind, "file "+filepath.Base(kind)
	}
	if len(news) > 0 {
		sc := *s
		sc.Facilities = append(slices.Clone(s.Facilities), news...)
		aug, err := model.Build(&sc, st.Net)
		var ps *scenario.Problems
		if errors.As(err, &ps) {
			return nil, fmt.Errorf("the candidate sites cannot be placed on the roads:\n%v", ps)
		}
		if err != nil {
			return nil, err
		}
		if cs.File != "" { // the file's sites only: the rest was said when the scenario loaded
			abs, _ := filepath.Abs(cs.File)
			for _, p := range aug.Problems.Warnings() {
				if p.Pos.File == abs {
					warn.List = append(warn.List, p)
				}
			}
		}
		cs.Study = aug
	}
	if len(warn.List) > 0 {
		cs.Warnings = &warn
	}
	k := 0
	for c := range cs.List {
		if cs.List[c].Fac >= 0 {
			cs.Sites = append(cs.Sites, cs.List[c].Fac)
		} else {
			cs.Sites = append(cs.Sites, len(s.Facilities)+k)
			k++
		}
		if cs.List[c].Fixed {
			cs.Fixed = append(cs.Fixed, c)
		}
		for t := range s.Townships {
			if s.Townships[t].Code == cs.List[c].Site.TownshipCode {
				cs.List[c].Place = &s.Townships[t]
			}
		}
	}
	if keep {
		cs.Label += " + today's sites"
	}
	if len(cs.List) == 0 {
		return nil, fmt.Errorf("no candidate sites: the scenario has no facility in %q", kind)
	}
	return cs, nil
}

// SiteWord is what a new site at a demand point is called, after the
// place's name: "卫生室（拟设）" or " health post (proposed)" under the
// health rule, an ambulance station otherwise; lang is zh or en.
func SiteWord(rule coverage.Rule, lang string) string {
	switch {
	case rule == coverage.Health && lang == "zh":
		return "卫生室（拟设）"
	case rule == coverage.Health:
		return " health post (proposed)"
	case lang == "zh":
		return "急救站（拟设）"
	}
	return " ambulance station (proposed)"
}

// CacheName is the file name of the matrix cache of this candidate set,
// relative to the output folder and slash-separated.
func (cs *CandidateSet) CacheName(rule coverage.Rule, keep bool) string {
	label := cs.Kind
	if cs.File != "" {
		label = "file-" + safeName(filepath.Base(cs.File))
	}
	if keep {
		label += "-keep"
	}
	return fmt.Sprintf("optimize/matrix-%s-%s.bin", rule, label)
}

// safeName keeps letters, digits, '-' and '_' of s (others become '_').
func safeName(s string) string {
	b := []rune(s)
	for i, r := range b {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
