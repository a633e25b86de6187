package osm

// addRoad appends the pieces of way w: runs of located nodes (a node the file
// lacks breaks the way), each clipped to the area with one node outside kept
// at either end of every inside run.
func (e *Extract) addRoad(w *wayRec, lookup func(int64) int, coords []int32, found []bool, opts *Options) {
	e.Stats.Ways++
	var run []int // coordinate indexes of the current located run
	pieces, anyInside := 0, false
	flush := func() {
		if len(run) == 0 {
			return
		}
		spans := clipRun(run, coords, opts)
		for _, s := range spans {
			if s[1]-s[0] >= 2 {
				e.appendPiece(w, run[s[0]:s[1]], coords)
				pieces++
			}
		}
		if len(spans) > 0 {
			anyInside = true
			if len(spans) > 1 || spans[0][0] > 0 || spans[0][1] < len(run) {
				e.Stats.Clipped++
			}
		}
		run = run[:0]
	}
	for _, ref := range w.refs {
		i := lookup(ref)
		if i < 0 || !found[i] {
			e.Stats.MissingNodes++
			flush()
			continue
		}
		run = append(run, i)
	}
	flush()
	switch {
	case !anyInside && opts.clipped():
		e.Stats.Outside++
	case pieces == 0:
		e.Stats.ShortWays++
	}
}

// clipRun returns the [from, to) spans of run to keep: every maximal stretch
// of nodes inside the area widened by one node on each side, overlapping or
// touching spans merged. Without a clip area it is the whole run.
func clipRun(run []int, coords []int32, opts *Options) [][2]int {
	if !opts.clipped() {
		return [][2]int{{0, len(run)}}
	}
	var spans [][2]int
	for k := 0; k < len(run); {
		if !opts.inside(e7Point(coords[2*run[k]], coords[2*run[k]+1])) {
			k++
			continue
		}
		a := k
		for k < len(run) && opts.inside(e7Point(coords[2*run[k]], coords[2*run[k]+1])) {
			k++
		}
		from, to := max(a-1, 0), min(k+1, len(run))
		if n := len(spans); n > 0 && from <= spans[n-1][1]-1 {
			spans[n-1][1] = to
		} else {
			spans = append(spans, [2]int{from, to})
		}
	}
	return spans
}

func (e *Extract) appendPiece(w *wayRec, idx []int, coords []int32) {
	start := int32(len(e.xy) / 2)
	for _, i := range idx {
		e.xy = append(e.xy, coords[2*i], coords[2*i+1])
	}
	e.Roads = append(e.Roads, Road{WayID: w.id, Highway: w.highway, Maxspeed: w.maxspeed, Oneway: w.oneway,
		Junction: w.junction, Access: w.access, Name: w.name, NameEn: w.nameEn,
		start: start, end: int32(len(e.xy) / 2)})
	e.Stats.Pieces++
	e.Stats.Positions += len(idx)
}
