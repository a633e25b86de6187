package report

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"sort"

	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/scenario"
)

// ScenarioInfo identifies the study a result file comes from.
type ScenarioInfo struct {
	Name   string      `json:"name"`
	NameEn string      `json:"name_en"`
	File   string      `json:"file"` // the YAML file's name
	Seed   uint64      `json:"seed"`
	Hash   string      `json:"sha256"` // of the scenario and every input file, in reading order
	Inputs []InputInfo `json:"inputs"`
	Source string      `json:"source"` // the maps' source line
}

// InputInfo is one file the scenario read.
type InputInfo struct {
	Role   string `json:"role"`
	Path   string `json:"path"` // relative to the scenario file
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// NewScenarioInfo describes the study. Paths are relative to the scenario
// file, so the same study gives the same bytes on every machine.
func NewScenarioInfo(st *model.Study) ScenarioInfo {
	s := st.Scenario
	info := ScenarioInfo{Name: s.Name, NameEn: s.NameEn, File: filepath.Base(s.Path), Seed: s.Seed, Source: Attribution(st, "")}
	h := sha256.New()
	dir := filepath.Dir(s.Path)
	inputs := append([]scenario.Input(nil), s.Inputs...)
	if rs := st.Net.Roads.Stats(); s.Network.Roads != "" {
		inputs = append(inputs, scenario.Input{Role: "roads", Path: s.Network.Roads, SHA256: rs.SHA256, Bytes: rs.Bytes})
	}
	for _, in := range inputs {
		rel, err := filepath.Rel(dir, in.Path)
		if err != nil {
			rel = filepath.Base(in.Path)
		}
		ii := InputInfo{Role: in.Role, Path: filepath.ToSlash(rel), SHA256: in.SHA256, Bytes: in.Bytes}
		info.Inputs = append(info.Inputs, ii)
		h.Write([]byte(ii.Role + "\x00" + ii.SHA256 + "\x00"))
	}
	info.Hash = hex.EncodeToString(h.Sum(nil))
	return info
}

// Attribution returns the source line every map and report of the study
// carries: the scenario's own, "© OpenStreetMap contributors (ODbL)" for an
// OSM-derived network (network.source: osm, or roads with OSM way ids), or a
// "schematic network" warning for a generated one. lang "zh" or "en" gives
// one language, "" both.
func Attribution(st *model.Study, lang string) string {
	s := st.Scenario
	osm := s.Network.Source == "osm" || s.Network.Source == "other" && st.Net.Roads.Stats().WithOSMID > 0
	switch {
	case s.Network.Attribution != "":
		return s.Network.Attribution
	case osm:
		return "© OpenStreetMap contributors (ODbL)"
	case s.Network.Source == "schematic" && lang == "zh":
		return "示意路网（非真实道路）"
	case s.Network.Source == "schematic" && lang == "en":
		return "Schematic road network (not the real roads)"
	case s.Network.Source == "schematic":
		return "示意路网 / schematic road network (not the real roads)"
	}
	return ""
}

// NetworkInfo summarises the road network used.
type NetworkInfo struct {
	Nodes             int            `json:"nodes"`
	Edges             int            `json:"edges"`
	Km                Num            `json:"km"`
	KmByClass         []ClassKm      `json:"km_by_class"`
	DroppedComponents int            `json:"dropped_components"`
	DroppedNodes      int            `json:"dropped_nodes"`
	DroppedKm         Num            `json:"dropped_km"`
	Speeds            map[string]int `json:"speeds_from"` // speed_kmh, maxspeed, default, unparseable
}

// ClassKm is the road length of one class.
type ClassKm struct {
	Class string `json:"class"`
	Km    Num    `json:"km"`
}

// NewNetworkInfo describes the driving network of st.
func NewNetworkInfo(st *model.Study) NetworkInfo {
	r := st.Net.DriveReport
	info := NetworkInfo{Nodes: r.Nodes, Edges: r.Edges, Km: N(r.Km, 1), DroppedComponents: r.DroppedComponents,
		DroppedNodes: r.DroppedNodes, DroppedKm: N(r.DroppedKm, 1),
		Speeds: map[string]int{"speed_kmh": r.SpeedFromProperty, "maxspeed": r.SpeedFromMaxspeed,
			"default": r.SpeedDefault, "unparseable": r.SpeedUnparseable}}
	for c, km := range r.KmByClass {
		info.KmByClass = append(info.KmByClass, ClassKm{c, N(km, 1)})
	}
	sort.Slice(info.KmByClass, func(i, j int) bool { return info.KmByClass[i].Class < info.KmByClass[j].Class })
	return info
}
