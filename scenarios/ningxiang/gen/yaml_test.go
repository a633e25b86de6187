package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func readYAML(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func get(m map[string]any, path string) any {
	var v any = m
	for _, k := range strings.Split(path, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[k]
	}
	return v
}

// The shipped YAML files point at the generated files and say schematic.
func TestScenarioYAML(t *testing.T) {
	gen := generated(t)
	main := readYAML(t, "ningxiang.yaml")
	if n, _ := main["name"].(string); !strings.Contains(n, "示意路网") {
		t.Errorf("ningxiang.yaml: name %q must say 示意路网", n)
	}
	if get(main, "network.source") != "schematic" {
		t.Errorf("ningxiang.yaml: network.source must be schematic")
	}
	files := []any{get(main, "network.roads"), get(main, "zones.file"), get(main, "townships.file"), get(main, "demand.file")}
	files = append(files, get(main, "facilities.files").([]any)...)
	for _, f := range files {
		if _, ok := gen[f.(string)]; !ok {
			t.Errorf("ningxiang.yaml refers to %v, which the generator does not write", f)
		}
	}
	if get(main, "targets.urban") != 10 || get(main, "targets.rural") != 30 || get(main, "demand.population_year") != 2020 {
		t.Errorf("ningxiang.yaml: targets or population year")
	}
	// The conventional study is the same study with the 5G flags off.
	conv := readYAML(t, "ningxiang-conventional.yaml")
	if n, _ := conv["name"].(string); !strings.Contains(n, "示意路网") {
		t.Errorf("ningxiang-conventional.yaml: name %q must say 示意路网", n)
	}
	if conv["extends"] != "ningxiang.yaml" || get(conv, "changes.five_g") != false || len(conv) != 5 {
		t.Errorf("ningxiang-conventional.yaml must extend ningxiang.yaml and change only five_g: %v", conv)
	}
}
