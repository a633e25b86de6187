package osm

import (
	"bufio"
	"compress/bzip2"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/paulmach/osm"
	"github.com/paulmach/osm/osmpbf"
	"github.com/paulmach/osm/osmxml"
)

// Format is the encoding of an OSM file, from its name.
type Format int

// The formats read.
const (
	Unknown  Format = iota
	PBF             // .osm.pbf, .pbf
	XML             // .osm, .xml
	XMLBzip2        // .osm.bz2
)

// FormatOf tells the format of the file at path from its name.
func FormatOf(path string) Format {
	p := strings.ToLower(path)
	switch {
	case strings.HasSuffix(p, ".pbf"):
		return PBF
	case strings.HasSuffix(p, ".osm.bz2"):
		return XMLBzip2
	case strings.HasSuffix(p, ".osm"), strings.HasSuffix(p, ".osm.xml"):
		return XML
	}
	return Unknown
}

// IsOSM reports whether path names an OSM file this package reads.
func IsOSM(path string) bool { return FormatOf(path) != Unknown }

// pass is what one read of the file keeps.
type pass struct {
	nodes, ways, relations bool
	filterNode             func(*osm.Node) bool
	filterWay              func(*osm.Way) bool
	filterRelation         func(*osm.Relation) bool
}

// scan reads the file at path once, calling each for every kept object (the
// objects are only valid during the call) and copying the bytes read to h
// when h is not nil.
func scan(path string, procs int, p pass, h io.Writer, each func(osm.Object) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var src io.Reader = f
	if h != nil {
		src = io.TeeReader(f, h)
	}
	var sc osm.Scanner
	switch FormatOf(path) {
	case PBF:
		s := osmpbf.New(context.Background(), src, procs)
		s.SkipNodes, s.SkipWays, s.SkipRelations = !p.nodes, !p.ways, !p.relations
		s.FilterNode, s.FilterWay, s.FilterRelation = p.filterNode, p.filterWay, p.filterRelation
		sc = s
	case XML, XMLBzip2:
		var r io.Reader = bufio.NewReaderSize(src, 1<<16)
		if FormatOf(path) == XMLBzip2 {
			r = bzip2.NewReader(r)
		}
		sc = &xmlFilter{Scanner: osmxml.New(context.Background(), r), p: p}
	default:
		return fmt.Errorf("%w: %s: not an OSM file (want .osm.pbf, .osm or .osm.bz2)", ErrInput, path)
	}
	defer sc.Close()
	for sc.Scan() {
		if err := each(sc.Object()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrInput, path, err)
	}
	return nil
}

// xmlFilter gives the XML scanner the PBF scanner's skips and filters.
type xmlFilter struct {
	*osmxml.Scanner
	p pass
}

func (x *xmlFilter) Scan() bool {
	for x.Scanner.Scan() {
		switch o := x.Scanner.Object().(type) {
		case *osm.Node:
			if x.p.nodes && (x.p.filterNode == nil || x.p.filterNode(o)) {
				return true
			}
		case *osm.Way:
			if x.p.ways && (x.p.filterWay == nil || x.p.filterWay(o)) {
				return true
			}
		case *osm.Relation:
			if x.p.relations && (x.p.filterRelation == nil || x.p.filterRelation(o)) {
				return true
			}
		}
	}
	return false
}
