package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed files must be exactly what the generator writes, so that
// nobody edits them by hand: regenerate with `go run ./scenarios/ningxiang/gen`.
func TestCommittedFilesAreGenerated(t *testing.T) {
	for path, data := range generated(t) {
		disk, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(path)))
		if err != nil {
			t.Errorf("%s: %v (run `go run ./scenarios/ningxiang/gen`)", path, err)
			continue
		}
		if !bytes.Equal(disk, data) {
			t.Errorf("scenarios/%s differs from a fresh generation: run `go run ./scenarios/ningxiang/gen` and commit", path)
		}
	}
}
