package main

import "testing"

func TestDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{{"abc", 3}, {"玉潭街道", 8}, {"宁乡（示意）", 12}, {"P1 城区", 7}} {
		if got := displayWidth(c.s); got != c.want {
			t.Errorf("displayWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
	if got := pad("玉潭", 6); got != "玉潭  " {
		t.Errorf("pad = %q", got)
	}
}
