package plan

import (
	"fmt"
	"strings"
	"time"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/optimize"
)

// Request is what to optimise: the model, the rule it measures by, how many
// sites or ambulances, among which candidates, and what stays open.
type Request struct {
	Model optimize.Model
	Rule  coverage.Rule
	// Sites is the number of sites to open (MCLP, p-median, p-center); with
	// KeepExisting the number of new sites besides today's. 0 for LSCP and
	// MEXCLP, which choose the number themselves.
	Sites int
	// Units is the whole fleet in ambulances (MEXCLP: required); 0 keeps
	// today's fleet. Rule Response only.
	Units int
	// Candidates names the candidate sites: health-centres, hospitals,
	// stations, all-facilities, demand, or the path of a CSV or GeoJSON
	// file of points. "" is all-facilities for Response, demand for Health.
	Candidates string
	// CandidatesCRS is the coordinate system of a candidates file: wgs84
	// ("" too), gcj02 or bd09.
	CandidatesCRS string
	// KeepExisting keeps today's ambulance bases (Response) or health
	// facilities (Health) open. Without it every base may close: the answer
	// is drawn from scratch.
	KeepExisting bool
	// MaxPerSite is the most ambulances at one site; 0 is no limit.
	MaxPerSite int
	// TimeLimit stops the search and reports the best found; 0 is none.
	TimeLimit time.Duration
	// CommandLine is written into the proposal's header, so that the planner
	// can repeat the run ("" leaves the line out).
	CommandLine string
	// ShowPath turns a path into the form written in the proposal's header
	// (e.g. relative to the working directory); nil writes it as it is.
	ShowPath func(path string) string
}

// RequestError is a request that cannot be run as given (a missing or
// conflicting option, more sites than candidates): the caller should change
// the request, not the input files.
type RequestError struct{ Msg string }

func (e *RequestError) Error() string { return e.Msg }

func requestf(format string, a ...any) error { return &RequestError{fmt.Sprintf(format, a...)} }

// ModelNames are the accepted names of the models, lower case.
var modelNames = map[string]optimize.Model{"lscp": optimize.ModelLSCP, "mclp": optimize.ModelMCLP,
	"mexclp": optimize.ModelMEXCLP, "pmedian": optimize.ModelPMedian, "p-median": optimize.ModelPMedian,
	"pcenter": optimize.ModelPCenter, "p-center": optimize.ModelPCenter}

// ParseModel returns the model named by name (lscp, mclp, mexclp, pmedian
// or p-median, pcenter or p-center; any case). The error is a *RequestError.
func ParseModel(name string) (optimize.Model, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	m, ok := modelNames[key]
	switch {
	case name == "":
		return "", requestf("--model is required: lscp, mclp, mexclp, pmedian or pcenter")
	case !ok:
		return "", requestf("--model %q: want lscp, mclp, mexclp, pmedian or pcenter", name)
	}
	return m, nil
}

// ParseRule returns the rule named response or health. The error is a
// *RequestError.
func ParseRule(name string) (coverage.Rule, error) {
	switch name {
	case "response":
		return coverage.Response, nil
	case "health":
		return coverage.Health, nil
	}
	return 0, requestf("--rule %q: want response or health", name)
}

// Key is the request's short name in file names: the model in lower case
// without hyphens, "health-" before it under the health rule (so that
// proposal-health-mclp.yaml lies beside proposal-mclp.yaml).
func (r *Request) Key() string {
	key := strings.ToLower(strings.ReplaceAll(string(r.Model), "-", ""))
	if r.Rule == coverage.Health {
		key = "health-" + key
	}
	return key
}

// candidates returns the candidates named, or the rule's default.
func (r *Request) candidates() string {
	switch {
	case r.Candidates != "":
		return r.Candidates
	case r.Rule == coverage.Health:
		return "demand"
	}
	return "all-facilities"
}

// Check reports the first option that is missing, out of range or in
// conflict with another, as a *RequestError; nil if the request can run.
// It needs no study: call it before loading one.
func (r *Request) Check() error {
	key := strings.ToLower(strings.ReplaceAll(string(r.Model), "-", ""))
	if _, ok := modelNames[key]; !ok {
		return requestf("model %q: want LSCP, MCLP, MEXCLP, p-median or p-center", r.Model)
	}
	sites, units := r.Sites > 0, r.Units > 0
	switch {
	case r.Sites < 0:
		return requestf("--sites must be at least 1, got %d", r.Sites)
	case r.Units < 0:
		return requestf("--units must be at least 1, got %d", r.Units)
	case r.MaxPerSite < 0:
		return requestf("--max-per-site must be >= 0, got %d", r.MaxPerSite)
	case r.TimeLimit < 0:
		return requestf("--time-limit must be >= 0, got %v", r.TimeLimit)
	case r.Rule != coverage.Response && r.Rule != coverage.Health:
		return requestf("rule %d: want response or health", r.Rule)
	case r.Model == optimize.ModelMEXCLP && sites && units:
		return requestf("mexclp places --units K ambulances and chooses the sites itself: give --units, not --sites")
	case r.Model == optimize.ModelMEXCLP && !units:
		return requestf("mexclp needs --units K, the ambulances to place (today's fleet, or more)")
	case r.Model == optimize.ModelMEXCLP && sites:
		return requestf("mexclp chooses the sites itself: give --units K instead of --sites")
	case r.Model == optimize.ModelLSCP && sites:
		return requestf("lscp finds the number of sites itself: leave out --sites")
	case r.Model != optimize.ModelMEXCLP && r.Model != optimize.ModelLSCP && !sites:
		return requestf("%s needs --sites N, the number of sites to open", key)
	case r.Rule == coverage.Health && r.Model == optimize.ModelMEXCLP:
		return requestf("mexclp spreads ambulances: it needs --rule response")
	case r.Rule == coverage.Health && units:
		return requestf("--units spreads ambulances: it does not apply to --rule health (health posts)")
	}
	return nil
}

func (r *Request) show(path string) string {
	if r.ShowPath == nil {
		return path
	}
	return r.ShowPath(path)
}
