package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Staging collects the files of one run in a temporary folder and moves them
// into the output folder on Commit. Until Commit, the output folder shows
// only earlier results. Write is safe for concurrent use (for different
// files); Commit and Abort are not.
type Staging struct {
	out   string
	tmp   string
	mu    sync.Mutex
	files map[string]bool // relative paths written
}

// NewStaging prepares to write into the folder out (created if needed).
func NewStaging(out string) (*Staging, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("report: cannot create the output folder: %w", err)
	}
	tmp, err := os.MkdirTemp(out, ".sim-staging-")
	if err != nil {
		return nil, fmt.Errorf("report: cannot write in the output folder: %w", err)
	}
	return &Staging{out: out, tmp: tmp, files: map[string]bool{}}, nil
}

// Out returns the output folder.
func (s *Staging) Out() string { return s.out }

// Write creates the file rel (a slash-separated path inside the output
// folder) by calling write with a buffered writer.
func (s *Staging) Write(rel string, write func(w io.Writer) error) error {
	if s.tmp == "" {
		return errors.New("report: staging already committed or aborted")
	}
	p := filepath.Join(s.tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("report: writing %s: %w", rel, err)
	}
	s.mu.Lock()
	s.files[rel] = true
	s.mu.Unlock()
	return nil
}

// Files returns the relative paths written so far, sorted.
func (s *Staging) Files() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.files))
	for f := range s.files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Commit moves every staged file into the output folder (each by an atomic
// rename) and removes the staging folder.
func (s *Staging) Commit() error {
	if s.tmp == "" {
		return errors.New("report: staging already committed or aborted")
	}
	defer s.Abort()
	for _, rel := range s.Files() {
		dst := filepath.Join(s.out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(s.tmp, filepath.FromSlash(rel)), dst); err != nil {
			return fmt.Errorf("report: moving %s into place: %w", rel, err)
		}
	}
	return nil
}

// Abort removes the staging folder and everything in it. It is safe to call
// after Commit and more than once.
func (s *Staging) Abort() {
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
		s.tmp = ""
	}
}

// Read returns the content of a file written to the staging folder.
func (s *Staging) Read(rel string) ([]byte, error) {
	if s.tmp == "" {
		return nil, errors.New("report: staging already committed or aborted")
	}
	return os.ReadFile(filepath.Join(s.tmp, filepath.FromSlash(rel)))
}
