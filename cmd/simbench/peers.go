package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// peerResult is one line a peer prints ("peer=... nodes=... covered_10min=...
// load_s=... compute_s=..."), or sim's equivalent.
type peerResult struct {
	peer                             string
	nodes, edges, sources, reachable int
	covered                          map[string]int // threshold in minutes as written -> nodes covered
	load, snap, compute              float64        // seconds
}

// parsePeerLine parses one result line; ok is false for other output.
func parsePeerLine(line string) (peerResult, bool) {
	if !strings.HasPrefix(line, "peer=") {
		return peerResult{}, false
	}
	r := peerResult{covered: map[string]int{}}
	for _, f := range strings.Fields(line) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(v)
		x, _ := strconv.ParseFloat(v, 64)
		switch {
		case k == "peer":
			r.peer = v
		case k == "nodes":
			r.nodes = n
		case k == "edges":
			r.edges = n
		case k == "sources":
			r.sources = n
		case k == "reachable":
			r.reachable = n
		case k == "load_s":
			r.load = x
		case k == "snap_s":
			r.snap = x
		case k == "compute_s":
			r.compute = x
		case strings.HasPrefix(k, "covered_") && strings.HasSuffix(k, "min"):
			r.covered[strings.TrimSuffix(strings.TrimPrefix(k, "covered_"), "min")] = n
		}
	}
	return r, r.peer != ""
}

// peerScripts maps a peer name to its command line (after the peers dir).
var peerScripts = map[string][]string{
	"scipy":     {"/usr/bin/python3", "cov_scipy.py"},
	"networkx":  {"/usr/bin/python3", "cov_networkx.py"},
	"igraph":    {"/usr/bin/python3", "cov_igraph.py"},
	"pgrouting": {"bash", "pgr_coverage.sh"},
}

// peersDir finds ../shared/peers from the repository root or below it.
func peersDir(flag string) (string, error) {
	cands := []string{flag}
	if flag == "" {
		cands = []string{"../shared/peers", "../../shared/peers", "../../../shared/peers", "/work/shared/peers"}
	}
	for _, c := range cands {
		if _, err := os.Stat(filepath.Join(c, "peers_common.py")); err == nil {
			return filepath.Abs(c)
		}
	}
	return "", fmt.Errorf("peer scripts not found (looked in %s); pass --peers-dir", strings.Join(cands, ", "))
}

// peerAvailable says whether a peer can run here, and why not.
func peerAvailable(peer string) (bool, string) {
	switch peer {
	case "scipy", "networkx", "igraph":
		mod := peer
		if _, err := os.Stat("/usr/bin/python3"); err != nil {
			return false, "no /usr/bin/python3"
		}
		if err := exec.Command("/usr/bin/python3", "-c", "import "+mod).Run(); err != nil {
			return false, "python3 module " + mod + " not installed (apt-get install python3-" + mod + ")"
		}
		return true, ""
	case "pgrouting":
		out, err := exec.Command("psql", "-XAt", "-d", "peers", "-c", "SELECT pgr_version()").CombinedOutput()
		if err != nil {
			return false, "PostgreSQL/pgRouting not set up (see ../shared/peers/pg_setup.sh): " + firstLine(string(out))
		}
		return true, ""
	}
	return false, "unknown peer"
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// runPeer runs one peer on a network and sources file and returns its result
// line (pgRouting: the exact dd_super variant). dump, if not empty, asks the
// peer to write each node's time there.
func runPeer(dir, peer, net, src, thresholds, dump string) (peerResult, error) {
	argv := append([]string(nil), peerScripts[peer]...)
	argv = append(argv, net, src, thresholds)
	if dump != "" && peer != "pgrouting" {
		argv = append(argv, "--dump", dump)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PGR_VARIANTS=dd_super")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return peerResult{}, fmt.Errorf("%s: %v: %s", peer, err, firstLine(errb.String()))
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if r, ok := parsePeerLine(line); ok {
			r.peer = peer
			return r, nil
		}
	}
	return peerResult{}, fmt.Errorf("%s printed no result line: %q", peer, firstLine(out.String()+errb.String()))
}

// median returns the median of the results' field f.
func median(rs []peerResult, f func(peerResult) float64) float64 {
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = f(r)
	}
	sort.Float64s(xs)
	if len(xs) == 0 {
		return 0
	}
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}
