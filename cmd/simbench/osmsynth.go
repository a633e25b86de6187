package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// runOSMSynth writes an OSM XML extract shaped like a real one: a road grid
// (a fifth of the nodes, ways of 10 nodes, classes from primary to track,
// some named, some one-way), buildings that use the other nodes (closed ways
// of 5 nodes, building=yes) and a few hospitals and villages, every node
// moved by a hashed jitter. osmium cat turns it into PBF. Deterministic.
func runOSMSynth(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("osmsynth", "--nodes N --out FILE.osm", stdout)
	nodes := fs.Int("nodes", 5e6, "about this many nodes in all")
	out := fs.String("out", "", "output .osm file (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *nodes < 100 {
		return fmt.Errorf("want --out FILE and --nodes >= 100")
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	side := 1
	for side*side*5 < *nodes {
		side++
	}
	classes := []string{"primary", "secondary", "tertiary", "residential", "residential", "unclassified", "service", "track", "footway"}
	const step = 0.0005 // about 50 m
	fmt.Fprintln(w, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(w, `<osm version="0.6" generator="simbench osmsynth">`)
	id := int64(1)
	// road nodes: id = 1 + r*side + c
	for r := 0; r < side; r++ {
		for c := 0; c < side; c++ {
			fmt.Fprintf(w, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id, 28+float64(r)*step+jitter(id), 112+float64(c)*step+jitter(^id))
			id++
		}
	}
	firstBuilding := id
	// buildings: 4 nodes each in every cell (the closing node repeats the first)
	for r := 0; r+1 < side; r++ {
		for c := 0; c+1 < side; c++ {
			lat, lon := 28+float64(r)*step+step/4, 112+float64(c)*step+step/4
			for k, d := range [4][2]float64{{0, 0}, {0, step / 2}, {step / 2, step / 2}, {step / 2, 0}} {
				fmt.Fprintf(w, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"", id, lat+d[0]+jitter(id), lon+d[1]+jitter(^id))
				switch {
				case k == 0 && (r*side+c)%20011 == 7:
					fmt.Fprintf(w, "><tag k=\"amenity\" v=\"hospital\"/><tag k=\"name\" v=\"Hospital %d\"/></node>\n", id)
				case k == 0 && (r*side+c)%997 == 3:
					fmt.Fprintf(w, "><tag k=\"place\" v=\"village\"/><tag k=\"name\" v=\"Village %d\"/><tag k=\"population\" v=\"%d\"/></node>\n", id, 100+id%900)
				default:
					fmt.Fprintln(w, "/>")
				}
				id++
			}
		}
	}
	wid := int64(1)
	way := func(refs []int64, tags [][2]string) {
		fmt.Fprintf(w, "<way id=\"%d\">", wid)
		for _, r := range refs {
			fmt.Fprintf(w, "<nd ref=\"%d\"/>", r)
		}
		for _, t := range tags {
			fmt.Fprintf(w, "<tag k=\"%s\" v=\"%s\"/>", t[0], t[1])
		}
		fmt.Fprintln(w, "</way>")
		wid++
	}
	for dir := 0; dir < 2; dir++ {
		for a := 0; a < side; a++ {
			for b0 := 0; b0+1 < side; b0 += 9 {
				var refs []int64
				for b := b0; b <= min(b0+9, side-1); b++ {
					r, c := a, b
					if dir == 1 {
						r, c = b, a
					}
					refs = append(refs, 1+int64(r*side+c))
				}
				tags := [][2]string{{"highway", classes[(a+dir)%len(classes)]}}
				if a%3 == 0 {
					tags = append(tags, [2]string{"name", fmt.Sprintf("Road %d-%d", dir, a)})
				}
				if a%7 == 0 {
					tags = append(tags, [2]string{"oneway", "yes"})
				}
				way(refs, tags)
			}
		}
	}
	for b := firstBuilding; b+3 < id; b += 4 {
		way([]int64{b, b + 1, b + 2, b + 3, b}, [][2]string{{"building", "yes"}})
	}
	fmt.Fprintln(w, "</osm>")
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d nodes (%d on roads), %d ways\n", *out, id-1, side*side, wid-1)
	return nil
}

// jitter is a deterministic offset of up to about 10 m (1e-4 degree) from a
// hash of id, so coordinates compress as real ones do, not as a perfect grid.
func jitter(id int64) float64 {
	x := uint64(id) * 0x9E3779B97F4A7C15
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return (float64(x%2001) - 1000) * 1e-7
}
