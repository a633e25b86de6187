package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/optimize"
)

// matrixMagic starts a cached coverage matrix file; the key follows.
const matrixMagic = "sim coverage matrix v1\n"

// matrixInfo says where the coverage matrix came from.
type matrixInfo struct {
	Key     string
	File    string // relative to the output folder, slash-separated
	Cached  bool   // read from File rather than computed
	Elapsed time.Duration
	// stale is why a cache file present was not used ("" if none or used).
	stale string
}

// coverageMatrix returns the problem of the candidates under rule: the
// times from the cache file in out when its key matches, else computed
// (the caller stages the file with writeMatrix).
func coverageMatrix(out string, cs *candidateSet, rule coverage.Rule, keep bool) (optimize.Problem, *matrixInfo, error) {
	t0 := time.Now()
	mi := &matrixInfo{Key: coverage.MatrixKey(cs.Study, cs.Sites, rule), File: cs.cacheName(rule, keep)}
	// The times are what is cached: weights and targets come from Matrix
	// without sites, which costs nothing.
	var p optimize.Problem
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(mi.File)))
	if err == nil {
		var times optimize.Matrix
		if times, mi.stale = readMatrix(b, mi.Key, len(cs.Sites), len(cs.Study.Scenario.Demand.Points)); mi.stale == "" {
			if p, err = coverage.Matrix(cs.Study, nil, rule); err != nil {
				return p, nil, err
			}
			p.Times, mi.Cached = times, true
		}
	}
	if !mi.Cached {
		if p, err = coverage.Matrix(cs.Study, cs.Sites, rule); err != nil {
			return p, nil, err
		}
	}
	p.Fixed = cs.Fixed
	mi.Elapsed = time.Since(t0)
	return p, mi, nil
}

// readMatrix decodes a cache file; why is non-empty when it cannot be used.
func readMatrix(b []byte, key string, rows, cols int) (m optimize.Matrix, why string) {
	head := matrixMagic + key + "\n"
	switch {
	case !bytes.HasPrefix(b, []byte(matrixMagic)):
		return m, "not a matrix file"
	case !bytes.HasPrefix(b, []byte(head)):
		return m, "made for other roads, network settings, static clock, candidates or demand"
	}
	b = b[len(head):]
	if len(b) < 8 || int(binary.LittleEndian.Uint32(b)) != rows || int(binary.LittleEndian.Uint32(b[4:])) != cols ||
		len(b) != 8+8*rows*cols {
		return m, "truncated or of another size"
	}
	b = b[8:]
	m = optimize.Matrix{Rows: rows, Cols: cols, Data: make([]float64, rows*cols)}
	for k := range m.Data {
		m.Data[k] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*k:]))
	}
	return m, ""
}

// writeMatrix writes the cache file: the magic line, the key, the size and
// the times as little-endian float64 (+Inf kept), row by row.
func writeMatrix(w io.Writer, key string, m optimize.Matrix) error {
	if _, err := fmt.Fprintf(w, "%s%s\n", matrixMagic, key); err != nil {
		return err
	}
	var b [8]byte
	binary.LittleEndian.PutUint32(b[:], uint32(m.Rows))
	binary.LittleEndian.PutUint32(b[4:], uint32(m.Cols))
	if _, err := w.Write(b[:]); err != nil {
		return err
	}
	for _, v := range m.Data {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		if _, err := w.Write(b[:]); err != nil {
			return err
		}
	}
	return nil
}
