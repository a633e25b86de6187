package optimize

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// swain reads the Swain 55-node data (Euclidean distances, every node a
// demand point and a candidate) with the uniform target S.
func swain(t *testing.T, S float64) Problem {
	t.Helper()
	f, err := os.Open(classicFile(t, "swain55.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = rows[1:]
	n := len(rows)
	x, y := make([]float64, n), make([]float64, n)
	p := Problem{Times: Matrix{Rows: n, Cols: n, Data: make([]float64, n*n)}, Weight: make([]float64, n), Target: make([]float64, n)}
	for i, r := range rows {
		var vals [3]float64
		for k := range vals {
			if vals[k], err = strconv.ParseFloat(r[k+1], 64); err != nil {
				t.Fatalf("swain55.csv line %d: %v", i+2, err)
			}
		}
		x[i], y[i], p.Weight[i], p.Target[i] = vals[0], vals[1], vals[2], S
	}
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			p.Times.Data[j*n+i] = math.Hypot(x[j]-x[i], y[j]-y[i])
		}
	}
	return p
}

// Swain's MCLP at the radii of Church and ReVelle, where several node pairs
// lie at exactly S (covered: d <= S), against enumeration of every p-subset.
func TestSwainMCLPBruteForce(t *testing.T) {
	for _, S := range []float64{5, 10, 15, 20, 25} {
		p := swain(t, S)
		in := mustInstance(t, p)
		if in.TotalWeight() != 640 {
			t.Fatalf("total demand %v, want 640 (PROVENANCE.md)", in.TotalWeight())
		}
		for k := 1; k <= 3; k++ {
			r, err := MCLP(in, k, Options{})
			if err != nil {
				t.Fatal(err)
			}
			opt := bruteMCLP(p, k)
			checkResult(t, r, opt, bruteCovered(p, r.Sites))
			if !r.Optimal {
				t.Errorf("S=%v p=%d: not proven optimal (%v)", S, k, r.Status)
			}
		}
	}
}

// Ties at exactly S count: with S = 5, covering must include the pairs at
// distance exactly 5, so the answer differs from a strict "d < S" reading.
func TestSwainTiesAtS(t *testing.T) {
	p := swain(t, 5)
	strict := p
	strict.Target = make([]float64, len(p.Target))
	for i := range strict.Target {
		strict.Target[i] = math.Nextafter(5, 0)
	}
	a, err := MCLP(mustInstance(t, p), 3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := MCLP(mustInstance(t, strict), 3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := bruteMCLP(p, 3); a.Objective != want {
		t.Errorf("d <= 5: %v, brute force %v", a.Objective, want)
	}
	if want := bruteMCLP(strict, 3); b.Objective != want {
		t.Errorf("d < 5: %v, brute force %v", b.Objective, want)
	}
	if a.Objective == b.Objective {
		t.Logf("note: ties at S=5 do not change the p=3 optimum (%v)", a.Objective)
	}
}

// p-median and p-center on Swain, p = 1..3, against enumeration.
func TestSwainPMedianPCenter(t *testing.T) {
	p := swain(t, 10)
	in := mustInstance(t, p)
	for k := 1; k <= 3; k++ {
		med, cen := math.Inf(1), math.Inf(1)
		subsets(55, k, nil, func(open []int) {
			med = min(med, medianOf(p, open))
			cen = min(cen, centerOf(p, open))
		})
		r, err := PMedian(in, k, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, r, med, medianOf(p, r.Sites))
		c, err := PCenter(in, k, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, c, cen, centerOf(p, c.Sites))
		if !r.Optimal || !c.Optimal {
			t.Errorf("p=%d: p-median optimal %v, p-center optimal %v", k, r.Optimal, c.Optimal)
		}
	}
}
