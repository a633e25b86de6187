package main

import (
	"os"
	"path/filepath"
	"reflect"
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
	conv := readYAML(t, "ningxiang-conventional.yaml")
	for name, m := range map[string]map[string]any{"ningxiang.yaml": main, "ningxiang-conventional.yaml": conv} {
		if n, _ := m["name"].(string); !strings.Contains(n, "示意路网") {
			t.Errorf("%s: name %q must say 示意路网", name, n)
		}
		if get(m, "network.source") != "schematic" {
			t.Errorf("%s: network.source must be schematic", name)
		}
		files := []any{get(m, "network.roads"), get(m, "zones.file"), get(m, "townships.file"), get(m, "demand.file")}
		files = append(files, get(m, "facilities.files").([]any)...)
		for _, f := range files {
			if _, ok := gen[f.(string)]; !ok {
				t.Errorf("%s refers to %v, which the generator does not write", name, f)
			}
		}
		if get(m, "targets.urban") != 10 || get(m, "targets.rural") != 30 || get(m, "demand.population_year") != 2020 {
			t.Errorf("%s: targets or population year", name)
		}
	}
	if get(conv, "facilities.set_five_g") != false || get(main, "facilities.set_five_g") != nil {
		t.Error("only the conventional scenario sets facilities.set_five_g: false")
	}
	// Apart from the names, the output folder and the 5G switch, the two studies are the same.
	strip := func(m map[string]any) map[string]any {
		c := map[string]any{}
		for k, v := range m {
			if k != "name" && k != "name_en" && k != "out" {
				c[k] = v
			}
		}
		f := map[string]any{}
		for k, v := range c["facilities"].(map[string]any) {
			if k != "set_five_g" {
				f[k] = v
			}
		}
		c["facilities"] = f
		return c
	}
	if !reflect.DeepEqual(strip(main), strip(conv)) {
		t.Error("ningxiang-conventional.yaml differs from ningxiang.yaml beyond name, name_en, out and set_five_g")
	}
}
