package optimize

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"
)

func TestNewInstanceRejects(t *testing.T) {
	good := func() Problem {
		return Problem{
			Times:  Matrix{Rows: 2, Cols: 3, Data: []float64{1, 2, 3, 4, 5, 6}},
			Weight: []float64{1, 1, 1},
			Target: []float64{3, 3, 3},
		}
	}
	for _, c := range []struct {
		name string
		edit func(p *Problem)
		want error
	}{
		{"short data", func(p *Problem) { p.Times.Data = p.Times.Data[:5] }, ErrShape},
		{"no rows", func(p *Problem) { p.Times.Rows = 0 }, ErrShape},
		{"weights", func(p *Problem) { p.Weight = p.Weight[:2] }, ErrShape},
		{"targets", func(p *Problem) { p.Target = p.Target[:1] }, ErrShape},
		{"NaN time", func(p *Problem) { p.Times.Data[4] = math.NaN() }, ErrTime},
		{"negative time", func(p *Problem) { p.Times.Data[0] = -1 }, ErrTime},
		{"-Inf time", func(p *Problem) { p.Times.Data[0] = math.Inf(-1) }, ErrTime},
		{"Inf weight", func(p *Problem) { p.Weight[1] = math.Inf(1) }, ErrWeight},
		{"negative weight", func(p *Problem) { p.Weight[1] = -2 }, ErrWeight},
		{"NaN target", func(p *Problem) { p.Target[2] = math.NaN() }, ErrTarget},
		{"fixed out of range", func(p *Problem) { p.Fixed = []int{2} }, ErrSite},
		{"fixed twice", func(p *Problem) { p.Fixed = []int{1, 1} }, ErrSite},
	} {
		p := good()
		c.edit(&p)
		if _, err := NewInstance(p); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
	p := good()
	p.Times.Data[4] = math.NaN()
	_, err := NewInstance(p)
	if want := "optimize: Times[site 1, demand 1] = NaN: optimize: invalid time"; err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	p = good()
	p.Times.Data[0] = math.Inf(1) // unreachable is not an error
	if _, err := NewInstance(p); err != nil {
		t.Error(err)
	}
}

func TestCoverageSets(t *testing.T) {
	// Site 0 reaches demand 0 in exactly its target (covered: t <= target),
	// demand 1 one second late; site 1 cannot reach demand 0 at all.
	in := mustInstance(t, Problem{
		Times:  Matrix{Rows: 2, Cols: 3, Data: []float64{600, 1801, 10, math.Inf(1), 1800, 700}},
		Weight: []float64{1, 2, 3},
		Target: []float64{600, 1800, 600},
	})
	if got := in.Covers(0); !reflect.DeepEqual(got, []int32{0, 2}) {
		t.Errorf("site 0 covers %v, want [0 2]", got)
	}
	if got := in.Covers(1); !reflect.DeepEqual(got, []int32{1}) {
		t.Errorf("site 1 covers %v, want [1]", got)
	}
	if got := in.CoveredBy(2); !reflect.DeepEqual(got, []int32{0}) {
		t.Errorf("demand 2 covered by %v, want [0]", got)
	}
}

func TestModelErrors(t *testing.T) {
	noTarget := mustInstance(t, Problem{Times: Matrix{Rows: 1, Cols: 1, Data: []float64{1}}, Weight: []float64{1}})
	if _, err := MCLP(noTarget, 1, Options{}); !errors.Is(err, ErrNoTargets) {
		t.Errorf("MCLP without targets: %v", err)
	}
	if _, err := LSCP(noTarget, Options{}); !errors.Is(err, ErrNoTargets) {
		t.Errorf("LSCP without targets: %v", err)
	}
	in := mustInstance(t, Problem{Times: Matrix{Rows: 2, Cols: 1, Data: []float64{1, 2}}, Weight: []float64{1}, Target: []float64{5}, Fixed: []int{0, 1}})
	if _, err := MCLP(in, 1, Options{}); !errors.Is(err, ErrCount) {
		t.Errorf("p below the fixed sites: %v", err)
	}
	if _, err := PMedian(in, 3, Options{}); !errors.Is(err, ErrCount) {
		t.Errorf("p above the sites: %v", err)
	}
	if _, err := MEXCLP(in, Expected{Units: 2, Busy: 1}, Options{}); !errors.Is(err, ErrBusy) {
		t.Errorf("busy fraction 1: %v", err)
	}
	if _, err := MEXCLP(in, Expected{Units: 1, Busy: 0.2}, Options{}); !errors.Is(err, ErrCount) {
		t.Errorf("fewer units than fixed sites: %v", err)
	}
	if _, err := Allocate(in, Allocation{Stations: []int{0}, Units: 2}, Options{}); !errors.Is(err, ErrSite) {
		t.Errorf("fixed site 1 not a station: %v", err)
	}
}

// Same input, same answer, byte for byte.
func TestDeterministic(t *testing.T) {
	in := mustInstance(t, syntheticCounty(3, 800, 80))
	opt := Options{MaxNodes: 30}
	for _, solve := range []func() (*Result, error){
		func() (*Result, error) { return MCLP(in, 8, opt) },
		func() (*Result, error) { return PMedian(in, 8, opt) },
		func() (*Result, error) { return MEXCLP(in, Expected{Units: 9, Busy: 0.3}, opt) },
		func() (*Result, error) { return LSCP(in, opt) },
		func() (*Result, error) { return PCenter(in, 8, opt) },
	} {
		a, err := solve()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := solve()
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs differ:\n%+v\n%+v", a.Model, a, b)
		}
	}
}

// Limits end a solve early with a valid answer and say why.
func TestLimits(t *testing.T) {
	in := mustInstance(t, syntheticCounty(2, 3000, 200))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := MCLP(in, 20, Options{Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Cancelled && !r.Optimal {
		t.Errorf("cancelled context: status %v", r.Status)
	}
	if len(r.Sites) != 20 || r.Bound < r.Objective {
		t.Errorf("cancelled: %d sites, objective %v bound %v", len(r.Sites), r.Objective, r.Bound)
	}
	r, err = LSCP(in, Options{TimeLimit: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != TimeLimit && !r.Optimal {
		t.Errorf("time limit: status %v", r.Status)
	}
	if r.Bound > r.Objective {
		t.Errorf("LSCP bound %v above objective %v", r.Bound, r.Objective)
	}
}
