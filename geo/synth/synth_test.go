package synth

import (
	"bytes"
	"testing"
)

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	sa, err := Write(&a, Config{Nodes: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	Write(&b, Config{Nodes: 2000, Seed: 3})
	if !bytes.Equal(a.Bytes(), b.Bytes()) || sa.Bytes != int64(a.Len()) {
		t.Fatal("same config, different output")
	}
	var c bytes.Buffer
	Write(&c, Config{Nodes: 2000, Seed: 4})
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("different seeds, same output")
	}
	// n = ceil(sqrt(2000/1.5)) = 37 per side; shape vertices about 25% of 2·37·36 blocks.
	if sa.Side != 37 || sa.Intersections != 1369 || sa.ShapeVertices < 500 || sa.ShapeVertices > 850 {
		t.Errorf("stats %+v", sa)
	}
}
