package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/emsplan/sim/geo/osm"
)

func init() {
	register(benchmark{name: "osm", summary: "OSM PBF import against osmium tags-filter + export (time, max RSS)", run: runOSM})
	register(benchmark{name: "osmsynth", summary: "write a deterministic synthetic OSM extract (.osm XML; osmium cat makes the PBF)", run: runOSMSynth})
}

// runOSM times "sim import osm" (this binary's child, the same library calls)
// and osmium's tags-filter followed by export to GeoJSON on the same file,
// interleaved, each in fresh child processes, and prints medians, spread and
// the largest peak resident set.
func runOSM(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("osm", "FILE.osm.pbf [flags]", stdout)
	reps := fs.Int("reps", 5, "runs per tool (interleaved)")
	child := fs.String("child", "", "internal: import FILE into this folder once")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one OSM file")
	}
	file := fs.Arg(0)
	if *child != "" {
		return osmChild(file, *child)
	}
	if _, err := exec.LookPath("osmium"); err != nil {
		return fmt.Errorf("osmium not found (apt-get install osmium-tool): %v", err)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "simbench-osm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cfg := filepath.Join(tmp, "export.json")
	os.WriteFile(cfg, []byte(`{"attributes":{"type":false,"id":"@id"},"linear_tags":true,"area_tags":false,
"include_tags":["highway","maxspeed","oneway","junction","access","name","name:en"]}`), 0o644)
	filter := []string{"w/highway=" + strings.Join(osm.DefaultClasses, ","), "nwr/amenity=hospital,clinic,doctors", "nwr/healthcare",
		"n/place=city,town,village,hamlet"}
	ours := [][]string{{self, "osm", "--child", filepath.Join(tmp, "sim"), file}}
	theirs := [][]string{
		append([]string{"osmium", "tags-filter", "--overwrite", "-o", filepath.Join(tmp, "filtered.osm.pbf"), file}, filter...),
		{"osmium", "export", "--overwrite", "-c", cfg, "--geometry-types=linestring", "-o", filepath.Join(tmp, "roads.geojson"), filepath.Join(tmp, "filtered.osm.pbf")},
	}
	var simT, osmT []float64
	var simRSS, osmRSS float64
	for r := 0; r < *reps; r++ {
		s, rss, err := timeChildren(ours, stderr)
		if err != nil {
			return err
		}
		simT, simRSS = append(simT, s), max(simRSS, rss)
		s, rss, err = timeChildren(theirs, stderr)
		if err != nil {
			return err
		}
		osmT, osmRSS = append(osmT, s), max(osmRSS, rss)
	}
	st, _ := os.Stat(file)
	mb := float64(st.Size()) / 1e6
	sm, slo, shi := medMinMax(simT)
	om, olo, ohi := medMinMax(osmT)
	fmt.Fprintf(stdout, "%s, %.1f MB, %d runs each (interleaved)\n", filepath.Base(file), mb, *reps)
	fmt.Fprintf(stdout, "%-34s %9s %17s %10s %9s\n", "tool", "median s", "min-max s", "maxRSS MB", "MB/s")
	fmt.Fprintf(stdout, "%-34s %9.3f %8.3f-%-8.3f %10.1f %9.1f\n", "sim import osm", sm, slo, shi, simRSS, mb/sm)
	fmt.Fprintf(stdout, "%-34s %9.3f %8.3f-%-8.3f %10.1f %9.1f\n", "osmium tags-filter + export", om, olo, ohi, osmRSS, mb/om)
	fmt.Fprintf(stdout, "ratio osmium / sim: %.2fx (median), %.2f-%.2fx (slowest sim vs fastest osmium .. fastest sim vs slowest osmium)\n",
		om/sm, olo/shi, ohi/slo)
	fmt.Fprintf(stdout, "(sim also writes facilities, places and import.json; osmium's time is the sum of both steps)\n")
	return nil
}

// timeChildren runs the commands one after the other and returns their
// summed wall time and the largest peak RSS (MB).
func timeChildren(cmds [][]string, stderr io.Writer) (float64, float64, error) {
	total, rss := 0.0, 0.0
	for _, c := range cmds {
		cmd := exec.Command(c[0], c[1:]...)
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = io.Discard, &errb
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, 0, fmt.Errorf("%s: %v: %s", strings.Join(c, " "), err, errb.String())
		}
		total += time.Since(t0).Seconds()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = max(rss, float64(ru.Maxrss)*1024/1e6)
		}
	}
	return total, rss, nil
}

func osmChild(file, out string) error {
	ex, err := osm.Read(file, osm.Options{})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	sum := ex.Summarize(file, "none")
	for name, write := range map[string]func(io.Writer) error{
		"roads.geojson":  ex.WriteRoads,
		"facilities.csv": func(w io.Writer) error { return osm.WriteFacilities(w, ex.Facilities) },
		"places.csv":     func(w io.Writer) error { return osm.WritePlaces(w, ex.Places) },
		"import.json":    sum.WriteJSON,
	} {
		f, err := os.Create(filepath.Join(out, name))
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(f, 1<<16)
		err = write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// medMinMax returns the median, smallest and largest of x (not empty).
func medMinMax(x []float64) (med, lo, hi float64) {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	return s[len(s)/2], s[0], s[len(s)-1]
}
