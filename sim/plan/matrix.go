package plan

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

// MatrixInfo says where the coverage matrix came from.
type MatrixInfo struct {
	Key     string        // coverage.MatrixKey of the roads, settings, clock, candidates and demand
	File    string        // the cache file, relative to the output folder, slash-separated
	Cached  bool          // read from File rather than computed
	Elapsed time.Duration // time to read or compute it
	// Stale is why a cache file present was not used ("" if none, or used).
	Stale string
}

// CoverageMatrix returns the problem of the candidates under rule: the
// times from the cache file in the output folder out when its key matches
// (same roads, network settings, static clock, candidates and demand), else
// computed; the caller writes a computed matrix with WriteMatrix to
// MatrixInfo.File for the next run. An unreadable or stale cache is not an
// error: it is recomputed, and MatrixInfo.Stale says why.
func CoverageMatrix(out string, cs *CandidateSet, rule coverage.Rule, keep bool) (optimize.Problem, *MatrixInfo, error) {
	t0 := time.Now()
	mi := &MatrixInfo{Key: coverage.MatrixKey(cs.Study, cs.Sites, rule), File: cs.CacheName(rule, keep)}
	// The times are what is cached: weights and targets come from Matrix
	// without sites, which costs nothing.
	var p optimize.Problem
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(mi.File)))
	if err == nil {
		var times optimize.Matrix
		if times, mi.Stale = ReadMatrix(b, mi.Key, len(cs.Sites), len(cs.Study.Scenario.Demand.Points)); mi.Stale == "" {
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

// ReadMatrix decodes a cache file made for key with rows candidates and
// cols demand points; why is non-empty (and says why in words) when it
// cannot be used.
func ReadMatrix(b []byte, key string, rows, cols int) (m optimize.Matrix, why string) {
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

// WriteMatrix writes a cache file: the magic line, the key, the size and
// the times (seconds) as little-endian float64 (+Inf kept), row by row.
func WriteMatrix(w io.Writer, key string, m optimize.Matrix) error {
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
