package plan

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/scenario"
)

// Proposal is the deployment a model chose, as changes to the baseline.
type Proposal struct {
	Changes scenario.Variant
	Units   []int // per candidate: ambulances there in the proposal (response), 0/1 chosen (health)
	Closed  []int // facility indices of today's bases left without ambulances
	Added   []int // candidate indices that become new facilities
	// Marks are comments for the proposal file by facility id, e.g. "adds
	// no one given the other sites" (set by Plan.Propose).
	Marks map[string]string
}

// BuildProposal turns the chosen units per candidate into changes: for the
// response rule, set_ambulances for every facility whose fleet changes (0
// for today's bases not chosen: every ambulance goes to a chosen site) and
// add_facilities for chosen new sites; for the health rule, add_facilities
// for every chosen site that is not a health facility already (nothing
// closes).
func BuildProposal(s *scenario.Scenario, cs *CandidateSet, units []int, rule coverage.Rule, title, titleEn string) *Proposal {
	p := &Proposal{Units: units, Changes: scenario.Variant{Name: "proposal", Title: title, TitleEn: titleEn}}
	fiveG := fleetFiveG(s)
	if rule == coverage.Response {
		want := make([]int, len(s.Facilities))
		for c, u := range units {
			if f := cs.List[c].Fac; f >= 0 {
				want[f] = u
			}
		}
		for i, f := range s.Facilities {
			if want[i] != f.Ambulances {
				p.Changes.SetAmbulances = append(p.Changes.SetAmbulances, scenario.SetAmbulances{ID: f.ID, Ambulances: want[i]})
				if want[i] == 0 {
					p.Closed = append(p.Closed, i)
				}
			}
		}
	}
	for c, u := range units {
		cd := &cs.List[c]
		if u == 0 || cd.Fac >= 0 && (rule == coverage.Response || Existing(s, &s.Facilities[cd.Fac], rule)) {
			continue
		}
		f := cd.Site
		f.Note = "proposed by sim optimize"
		f.Assumed = true
		if rule == coverage.Response {
			f.Ambulances, f.FiveG = u, 0
			if fiveG {
				f.FiveG = u
			}
		} else {
			f.Ambulances, f.FiveG, f.Receives = 0, 0, false
			if !f.Tier.IsHealth() {
				f.Tier = scenario.VillageClinic
			}
			if cd.Fac >= 0 { // a bare station gets a post beside it
				f.ID, f.Name, f.NameEn = f.ID+"-post", f.Name+SiteWord(rule, "zh"), f.NameEn+SiteWord(rule, "en")
				for slices.ContainsFunc(s.Facilities, func(g scenario.Facility) bool { return g.ID == f.ID }) {
					f.ID += "x"
				}
			}
		}
		p.Changes.AddFacilities = append(p.Changes.AddFacilities, f)
		p.Added = append(p.Added, c)
	}
	return p
}

// fleetFiveG reports whether today's fleet is all 5G (new stations then are).
func fleetFiveG(s *scenario.Scenario) bool {
	units, five := 0, 0
	for _, f := range s.Facilities {
		units, five = units+f.Ambulances, five+f.FiveG
	}
	return units > 0 && five == units
}

// ProposalYAML writes the proposal as a scenario that extends the baseline
// s (its path relative to the folder dir the file goes in), with the
// comment lines header first; outName is the proposal's own output folder,
// beside the baseline's.
func ProposalYAML(s *scenario.Scenario, p *Proposal, dir, outName string, header []string) []byte {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString(strings.TrimRight("# "+h, " ") + "\n")
	}
	base := s.Path
	if rel, err := filepath.Rel(dir, s.Path); err == nil {
		base = rel
	}
	fmt.Fprintf(&b, "extends: %s\n", q(filepath.ToSlash(base)))
	fmt.Fprintf(&b, "name: %s\nname_en: %s\n", q(s.Name+" · "+p.Changes.Title), q(s.NameEn+" · "+p.Changes.TitleEn))
	fmt.Fprintf(&b, "out: %s\n", q("../"+outName))
	if len(p.Changes.SetAmbulances) == 0 && len(p.Changes.AddFacilities) == 0 {
		b.WriteString("changes: {} # the model keeps today's deployment\n")
		return b.Bytes()
	}
	b.WriteString("changes:\n")
	if len(p.Changes.SetAmbulances) > 0 {
		b.WriteString("  set_ambulances:                  # facility id: ambulances (0 closes the base)\n")
		for _, sa := range p.Changes.SetAmbulances {
			f := facility(s, sa.ID)
			k := yamlKey(sa.ID)
			mark := ""
			if m := p.Marks[sa.ID]; m != "" && sa.Ambulances > 0 {
				mark = "; " + m
			}
			fmt.Fprintf(&b, "    %s: %d%s# %s, %d today%s\n", k, sa.Ambulances, strings.Repeat(" ", max(1, 30-len(k)-len(strconv.Itoa(sa.Ambulances)))),
				f.Name, f.Ambulances, mark)
		}
	}
	if len(p.Changes.AddFacilities) > 0 {
		b.WriteString("  add_facilities:\n")
		for _, f := range p.Changes.AddFacilities {
			fmt.Fprintf(&b, "    - {id: %s, name: %s, name_en: %s, tier: %s", q(f.ID), q(f.Name), q(f.NameEn), f.Tier)
			if f.Ambulances > 0 {
				fmt.Fprintf(&b, ", ambulances: %d, five_g: %d", f.Ambulances, f.FiveG)
			}
			if f.TownshipCode != "" {
				fmt.Fprintf(&b, ", township_code: %s", q(f.TownshipCode))
			}
			fmt.Fprintf(&b, ", lon: %s, lat: %s, assumed: true, note: %s}", strconv.FormatFloat(f.Point[0], 'f', -1, 64),
				strconv.FormatFloat(f.Point[1], 'f', -1, 64), q(f.Note))
			if m := p.Marks[f.ID]; m != "" {
				b.WriteString(" # " + m)
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// yamlKey writes an id as a YAML key: plain when it is a simple word.
func yamlKey(id string) string {
	plain := id != "" && (id[0] >= 'A' && id[0] <= 'Z' || id[0] >= 'a' && id[0] <= 'z')
	for _, r := range id {
		plain = plain && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}
	switch strings.ToLower(id) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		plain = false
	}
	if plain {
		return id
	}
	return q(id)
}

// q quotes s as a YAML double-quoted scalar (Go's escapes are YAML's).
func q(s string) string { return strconv.Quote(s) }

func facility(s *scenario.Scenario, id string) *scenario.Facility {
	for i := range s.Facilities {
		if s.Facilities[i].ID == id {
			return &s.Facilities[i]
		}
	}
	return &scenario.Facility{}
}
