package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestStagingCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"coverage/points.csv", "summary.json"} {
		rel := rel
		if err := s.Write(rel, func(w io.Writer) error { _, err := fmt.Fprint(w, rel); return err }); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, rel)); !os.IsNotExist(err) {
			t.Errorf("%s is visible before Commit", rel)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "coverage/points.csv"))
	if err != nil || string(b) != "coverage/points.csv" {
		t.Errorf("after Commit: %q, %v", b, err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("output folder holds %d entries, want 2 (no staging folder left)", len(entries))
	}
}

// A failed run leaves the earlier results as they were.
func TestStagingAbortKeepsEarlierResults(t *testing.T) {
	out := t.TempDir()
	old := filepath.Join(out, "summary.json")
	if err := os.WriteFile(old, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	s.Write("summary.json", func(w io.Writer) error { io.WriteString(w, "new"); return nil })
	werr := s.Write("points.csv", func(w io.Writer) error { return errors.New("disk full") })
	if werr == nil {
		t.Fatal("a failing writer must fail Write")
	}
	s.Abort()
	b, _ := os.ReadFile(old)
	if string(b) != "earlier" {
		t.Errorf("summary.json = %q, want the earlier result", b)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("output folder holds %d entries after Abort, want 1", len(entries))
	}
}
