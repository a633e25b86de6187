package optimize

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const classicDir = "../../../shared/data/classic"

// classicFile returns the path of a shared OR-Library file, skipping the
// test when the shared data is absent.
func classicFile(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join(classicDir, name)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared data %s absent (%v): the OR-Library checks need ../shared/data/classic beside the repository", path, err)
	}
	return path
}

// readPmed reads an OR-Library p-median file: "n m p", then m edges "i j
// cost" (1-based, undirected; a repeated edge counts with its last value).
// It returns the all-pairs shortest-path matrix (Floyd-Warshall) and p.
func readPmed(path string) (Matrix, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return Matrix{}, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var nums []int
	for sc.Scan() {
		for _, tok := range strings.Fields(sc.Text()) {
			v, err := strconv.Atoi(tok)
			if err != nil {
				return Matrix{}, 0, fmt.Errorf("%s: %q: %v", path, tok, err)
			}
			nums = append(nums, v)
		}
	}
	if len(nums) < 3 {
		return Matrix{}, 0, fmt.Errorf("%s: no header", path)
	}
	n, e, p := nums[0], nums[1], nums[2]
	if len(nums) != 3+3*e {
		return Matrix{}, 0, fmt.Errorf("%s: %d numbers for %d edges", path, len(nums), e)
	}
	d := make([]float64, n*n)
	for i := range d {
		d[i] = math.Inf(1)
	}
	for i := 0; i < n; i++ {
		d[i*n+i] = 0
	}
	for k := 0; k < e; k++ {
		a, b, c := nums[3+3*k]-1, nums[4+3*k]-1, float64(nums[5+3*k])
		d[a*n+b], d[b*n+a] = c, c // the last occurrence wins
	}
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			dik := d[i*n+k]
			for j := 0; j < n; j++ {
				if v := dik + d[k*n+j]; v < d[i*n+j] {
					d[i*n+j] = v
				}
			}
		}
	}
	return Matrix{Rows: n, Cols: n, Data: d}, p, nil
}

// readPmedOpt reads pmedopt.txt: a header line, then "pmedK value".
func readPmedOpt(path string) (map[string]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	opt := make(map[string]float64)
	for _, line := range strings.Split(string(b), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) == 2 {
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %q: %v", path, line, err)
			}
			opt[f[0]] = v
		}
	}
	return opt, nil
}

func pmedInstance(tb testing.TB, name string) (*Instance, int) {
	tb.Helper()
	t, p, err := readPmed(classicFile(tb, name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	w := make([]float64, t.Cols)
	for i := range w {
		w[i] = 1
	}
	in, err := NewInstance(Problem{Times: t, Weight: w})
	if err != nil {
		tb.Fatal(err)
	}
	return in, p
}

func TestPMedianORLibrary(t *testing.T) {
	opt, err := readPmedOpt(classicFile(t, "pmedopt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= 5; k++ {
		name := fmt.Sprintf("pmed%d", k)
		t.Run(name, func(t *testing.T) {
			in, p := pmedInstance(t, name)
			r, err := PMedian(in, p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, ok := opt[name]
			if !ok {
				t.Fatalf("%s missing from pmedopt.txt", name)
			}
			if len(r.Sites) != p {
				t.Errorf("%d sites, want %d", len(r.Sites), p)
			}
			if r.Objective != want || r.Bound != want || !r.Optimal {
				t.Errorf("objective %v bound %v optimal %v (status %v), published optimum %v; %d iterations, %d nodes",
					r.Objective, r.Bound, r.Optimal, r.Status, want, r.Iterations, r.Nodes)
			}
			// The objective is what the sites give.
			sum := 0.0
			for i := 0; i < in.Demands(); i++ {
				best := math.Inf(1)
				for _, j := range r.Sites {
					best = min(best, in.times.At(j, i))
				}
				sum += best
			}
			if sum != r.Objective {
				t.Errorf("sites give %v, reported %v", sum, r.Objective)
			}
			t.Logf("%s p=%d: %v (bound %v) in %d iterations, %d nodes", name, p, r.Objective, r.Bound, r.Iterations, r.Nodes)
		})
	}
}
