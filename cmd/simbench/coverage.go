package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/emsplan/sim/geo"
)

func init() {
	register(benchmark{name: "coverage", summary: "routing: load + multi-source coverage against scipy, networkx, igraph (pgRouting if set up)", run: runCoverage})
}

func runCoverage(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("coverage", "[flags]", stdout)
	sizes := fs.String("sizes", "300,1000", "grid sizes (intersections per side) for gen_grid.py")
	sources := fs.Int("sources", 20, "sources per grid")
	thr := fs.String("thresholds", "10,15,30", "coverage thresholds, minutes")
	reps := fs.Int("reps", 3, "runs per tool (medians are shown)")
	peerList := fs.String("peers", "scipy,igraph,networkx,pgrouting", "peer tools to run (unavailable ones are skipped)")
	dirFlag := fs.String("peers-dir", "", "the peer scripts (default: ../shared/peers)")
	work := fs.String("work", "", "folder for the generated grids (default: a temporary folder, removed after)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := peersDir(*dirFlag)
	if err != nil {
		return err
	}
	wd := *work
	if wd == "" {
		if wd, err = os.MkdirTemp("", "simbench-coverage"); err != nil {
			return err
		}
		defer os.RemoveAll(wd)
	} else if err := os.MkdirAll(wd, 0o755); err != nil {
		return err
	}
	var peers []string
	for _, p := range strings.Split(*peerList, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if _, known := peerScripts[p]; !known {
			return fmt.Errorf("unknown peer %q (want scipy, networkx, igraph, pgrouting)", p)
		}
		if ok, why := peerAvailable(p); !ok {
			fmt.Fprintf(stdout, "%s: skipped: %s\n", p, why)
			continue
		}
		peers = append(peers, p)
	}
	thresholds := strings.Split(*thr, ",")
	for _, sz := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(sz))
		if err != nil || n < 2 {
			return fmt.Errorf("bad grid size %q", sz)
		}
		if err := coverageOne(stdout, dir, wd, n, *sources, thresholds, *thr, *reps, peers); err != nil {
			return err
		}
	}
	return nil
}

// coverageOne generates one grid and runs sim and the peers on it.
func coverageOne(w io.Writer, dir, wd string, n, sources int, thresholds []string, thr string, reps int, peers []string) error {
	net := filepath.Join(wd, fmt.Sprintf("grid%d.geojson", n))
	src := filepath.Join(wd, fmt.Sprintf("src%d.csv", n))
	gen := exec.Command("/usr/bin/python3", filepath.Join(dir, "gen_grid.py"), "--n", strconv.Itoa(n), "--out", net,
		"--sources", strconv.Itoa(sources), "--sources-out", src)
	if out, err := gen.CombinedOutput(); err != nil {
		return fmt.Errorf("gen_grid.py: %v: %s", err, out)
	}
	st, err := os.Stat(net)
	if err != nil {
		return err
	}
	results := map[string][]peerResult{}
	var last simRun
	dump := filepath.Join(wd, fmt.Sprintf("scipy%d.csv", n))
	for r := 0; r < reps; r++ {
		s, err := simCoverage(net, src, thresholds)
		if err != nil {
			return err
		}
		last = s
		results["sim"] = append(results["sim"], s.res)
		for _, p := range peers {
			d := ""
			if p == "scipy" && r == 0 {
				d = dump
			}
			res, err := runPeer(dir, p, net, src, thr, d)
			if err != nil {
				return err
			}
			results[p] = append(results[p], res)
		}
	}
	sim := results["sim"][0]
	fmt.Fprintf(w, "\ngrid%d (gen_grid.py --n %d, %d sources): %d nodes, %d directed edges, %.1f MB; median of %d runs\n",
		n, n, sources, sim.nodes, sim.edges, float64(st.Size())/1e6, reps)
	fmt.Fprintf(w, "%-10s %9s %9s %8s %9s %8s %8s  %-26s %s\n", "tool", "nodes", "edges", "load s", "compute s",
		"load x", "comp x", "covered "+strings.Join(thresholds, "/")+" min", "vs sim")
	simLoad := median(results["sim"], func(r peerResult) float64 { return r.load })
	simComp := median(results["sim"], func(r peerResult) float64 { return r.compute })
	for _, tool := range append([]string{"sim"}, peers...) {
		rs := results[tool]
		load := median(rs, func(r peerResult) float64 { return r.load })
		comp := median(rs, func(r peerResult) float64 { return r.compute })
		var cov []string
		worst := 0.0
		for _, th := range thresholds {
			c := rs[0].covered[th]
			cov = append(cov, strconv.Itoa(c))
			if s := sim.covered[th]; s > 0 {
				worst = math.Max(worst, math.Abs(float64(c-s))/float64(s))
			}
		}
		agree := fmt.Sprintf("max diff %.3f%%", 100*worst)
		if tool == "sim" {
			agree = ""
		} else if worst > 0.005 {
			agree += " (more than 0.5%!)"
		}
		fmt.Fprintf(w, "%-10s %9d %9d %8.3f %9.4f %7.1fx %7.1fx  %-26s %s\n", tool, rs[0].nodes, rs[0].edges, load, comp,
			load/simLoad, comp/simComp, strings.Join(cov, " / "), agree)
	}
	fmt.Fprintf(w, "(load x, comp x: the tool's time over sim's; sim runs in-process like each peer's own timer)\n")
	if _, err := os.Stat(dump); err == nil {
		return compareDump(w, dump, last, thresholds)
	}
	return nil
}

// compareDump compares sim's time at every node with scipy's dump
// (x,y,time per node, coordinates in 1e-7 degree).
func compareDump(w io.Writer, path string, s simRun, thresholds []string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	node := make(map[[2]int64]int, s.g.Nodes())
	for v := 0; v < s.g.Nodes(); v++ {
		p := s.g.Point(geo.NodeID(v))
		node[[2]int64{int64(math.Round(p[0] * 1e7)), int64(math.Round(p[1] * 1e7))}] = v
	}
	maxDiff, maxRel, missing, lines := 0.0, 0.0, 0, 0
	flips := make([]int, len(thresholds))
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), ",")
		if len(parts) != 3 {
			continue
		}
		lines++
		x, _ := strconv.ParseInt(parts[0], 10, 64)
		y, _ := strconv.ParseInt(parts[1], 10, 64)
		t, _ := strconv.ParseFloat(parts[2], 64)
		v, ok := node[[2]int64{x, y}]
		if !ok {
			missing++
			continue
		}
		mine := s.times[v]
		if math.IsInf(t, 1) != math.IsInf(mine, 1) {
			maxDiff = math.Inf(1)
		} else if !math.IsInf(t, 1) {
			d := math.Abs(t - mine)
			maxDiff = math.Max(maxDiff, d)
			if t > 1 {
				maxRel = math.Max(maxRel, d/t)
			}
		}
		for i, th := range thresholds {
			m, _ := strconv.ParseFloat(th, 64)
			if (t <= m*60) != (mine <= m*60) {
				flips[i]++
			}
		}
	}
	fmt.Fprintf(w, "node by node against scipy (%d nodes, %d not in sim's graph): max |difference| %.2g s (%.2g relative; scipy's dump has 6 decimals, sim stores edge times as float32); coverage differs at %v nodes\n",
		lines, missing, maxDiff, maxRel, flips)
	return sc.Err()
}
