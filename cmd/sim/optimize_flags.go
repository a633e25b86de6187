package main

import (
	"strings"
	"time"

	"github.com/emsplan/sim/sim/plan"
	"github.com/spf13/pflag"
)

// optFlags are the flags of sim optimize.
type optFlags struct {
	model, candidates, candCRS, rule string
	sites, units, maxPerSite         int
	keep, simulate                   bool
	timeLimit                        time.Duration
	fs                               *pflag.FlagSet
}

func (o *optFlags) declare(fs *pflag.FlagSet) {
	o.fs = fs
	fs.StringVar(&o.model, "model", "", "location model: lscp, mclp, mexclp, pmedian or pcenter (required)")
	fs.IntVar(&o.sites, "sites", 0, "sites to open (mclp, pmedian, pcenter); with --keep-existing, new sites")
	fs.IntVar(&o.units, "units", 0, "ambulances in the fleet (mexclp: required; others: default today's fleet)")
	fs.StringVar(&o.candidates, "candidates", "", "candidate sites: health-centres, hospitals, stations, all-facilities, demand or a CSV/GeoJSON file")
	fs.StringVar(&o.candCRS, "candidates-crs", "wgs84", "coordinate system of the candidates file: wgs84, gcj02 (AMap) or bd09 (Baidu)")
	fs.BoolVar(&o.keep, "keep-existing", false, "keep today's ambulance bases (rule response) or health facilities (rule health) open")
	fs.StringVar(&o.rule, "rule", "response", "coverage rule: response (10/30-minute targets) or health (15-minute circle, new posts)")
	fs.IntVar(&o.maxPerSite, "max-per-site", 0, "most ambulances at one site (0: no limit)")
	fs.BoolVar(&o.simulate, "simulate", false, "simulate the proposal against the baseline on the same calls (paired comparison)")
	fs.DurationVar(&o.timeLimit, "time-limit", 0, "stop the search after this long and report the best found, its bound and gap (e.g. 30s; 0: none)")
}

// request turns the flags into a checked plan.Request, or a usage error.
func (o *optFlags) request(args []string) (plan.Request, error) {
	var r plan.Request
	if len(args) != 1 {
		return r, usagef("want one scenario file, got %d arguments", len(args))
	}
	m, err := plan.ParseModel(o.model)
	if err != nil {
		return r, usagef("%v", err)
	}
	rule, err := plan.ParseRule(o.rule)
	if err != nil {
		return r, usagef("%v", err)
	}
	switch {
	case o.fs.Changed("sites") && o.sites < 1:
		return r, usagef("--sites must be at least 1, got %d", o.sites)
	case o.fs.Changed("units") && o.units < 1:
		return r, usagef("--units must be at least 1, got %d", o.units)
	}
	r = plan.Request{Model: m, Rule: rule, Sites: o.sites, Units: o.units, Candidates: o.candidates, CandidatesCRS: o.candCRS,
		KeepExisting: o.keep, MaxPerSite: o.maxPerSite, TimeLimit: o.timeLimit, ShowPath: relPath}
	if err := r.Check(); err != nil {
		return r, usagef("%v", err)
	}
	// The command line, as written into the proposal's header.
	parts := []string{"sim optimize", plan.ShellWord(args[0])}
	o.fs.VisitAll(func(f *pflag.Flag) {
		if f.Changed {
			switch {
			case f.Value.Type() == "bool" && f.Value.String() == "true":
				parts = append(parts, "--"+f.Name)
			case f.Value.Type() == "bool":
				parts = append(parts, "--"+f.Name+"=false")
			default:
				parts = append(parts, "--"+f.Name, plan.ShellWord(f.Value.String()))
			}
		}
	})
	r.CommandLine = strings.Join(parts, " ")
	return r, nil
}

// checkFigures rejects bad figure flags before anything is computed (the
// figures are drawn last).
func (f *outFlags) checkFigures() error {
	switch {
	case f.noFigures:
		return nil
	case f.lang != "" && f.lang != "zh" && f.lang != "en":
		return usagef("--lang must be zh or en, got %q", f.lang)
	case f.dpi < 50 || f.dpi > 1200:
		return usagef("--dpi must be between 50 and 1200, got %d", f.dpi)
	}
	return nil
}
