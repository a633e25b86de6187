package main

// The M/M/c queue (an ambulance fleet as c servers) through sim's engine and
// through SimPy (../shared/peers/mmc_simpy.py), with the same parameters, in
// the same run; both against Erlang C, and the speed ratio.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"time"

	"github.com/emsplan/sim/sim"
	"github.com/emsplan/sim/sim/dist"
)

func init() {
	register(benchmark{name: "mmc", summary: "M/M/c queue: sim's engine against SimPy and Erlang C", run: runMMC})
}

type mmcParams struct {
	lam, mu       float64 // per hour
	c             int
	calls, warmup int
	seed          uint64
}

func runMMC(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("mmc", "[FLAGS]", stdout)
	var p mmcParams
	fs.Float64Var(&p.lam, "lam", 8, "arrival rate, calls/hour")
	fs.Float64Var(&p.mu, "mu", 1, "service rate per ambulance, calls/hour")
	fs.IntVar(&p.c, "c", 10, "ambulances")
	fs.IntVar(&p.calls, "calls", 200000, "calls simulated, warm-up included")
	fs.IntVar(&p.warmup, "warmup", 10000, "calls left out of the statistics")
	fs.Uint64Var(&p.seed, "seed", 1, "seed")
	runs := fs.Int("runs", 5, "engine runs (the median wall time is reported)")
	peer := fs.String("peer", "", "SimPy peer script (default: mmc_simpy.py in ../shared/peers)")
	python := fs.String("python", "/usr/bin/python3", "Python interpreter")
	noPeer := fs.Bool("no-peer", false, "run the engine only")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if p.lam <= 0 || p.mu <= 0 || p.c <= 0 || p.lam >= float64(p.c)*p.mu || p.warmup < 0 || p.calls <= p.warmup || *runs < 1 {
		return errors.New("need lam, mu, c > 0, lam < c*mu, 0 <= warmup < calls, runs >= 1")
	}
	engRate, err := mmcEngine(stdout, p, *runs)
	if err != nil {
		return err
	}
	if *noPeer {
		return nil
	}
	if *peer == "" {
		dir, err := peersDir("")
		if err != nil {
			return err
		}
		*peer = filepath.Join(dir, "mmc_simpy.py")
	}
	cmd := exec.Command(*python, *peer, "--lam", ftoa(p.lam), "--mu", ftoa(p.mu), "--c", strconv.Itoa(p.c),
		"--calls", strconv.Itoa(p.calls), "--warmup", strconv.Itoa(p.warmup), "--seed", strconv.FormatUint(p.seed, 10))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("peer %s: %v: %s", *peer, err, errb.String())
	}
	fmt.Fprint(stdout, out.String())
	m := regexp.MustCompile(`calls_per_s=([0-9.]+)`).FindStringSubmatch(out.String())
	if m == nil {
		return fmt.Errorf("peer printed no calls_per_s: %q", out.String())
	}
	peerRate, _ := strconv.ParseFloat(m[1], 64)
	fmt.Fprintf(stdout, "speed ratio sim/simpy = %.1fx (target >= 10x, goal 20x)\n", engRate/peerRate)
	return nil
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// mmcModel is the queue in engine terms: one place, zero travel, zero
// dispatch delay, turnout and handover, no conveyance; the busy time is the
// exponential on-scene time. Rates per second.
func mmcModel(p mmcParams) (*sim.Model, error) {
	zero, _ := dist.Fixed(0)
	svc, err := dist.Exponential(3600 / p.mu)
	if err != nil {
		return nil, err
	}
	lam := p.lam / 3600
	m := &sim.Model{
		Classes:    []string{"all"},
		Targets:    [][]float64{{600}},
		Priorities: []sim.Priority{{Name: "P1", Share: 1}},
		Conditions: []sim.Condition{{Name: "any", Share: 1}},
		Points:     []sim.DemandPoint{{Loc: 0, Weight: 1000, Township: -1}},
		Durations:  sim.Durations{DispatchDelay: zero, Turnout: zero, OnScene: svc, Handover: zero},
		// calls per 1,000 per year with a weight of 1,000 = calls per year
		CallsPer1000PerYear: lam * 365 * 86400,
		Warmup:              float64(p.warmup) / lam,
		Horizon:             float64(p.calls-p.warmup) / lam,
	}
	for i := 0; i < p.c; i++ {
		m.Units = append(m.Units, sim.Unit{Base: 0, Station: -1})
	}
	return m, nil
}

// mmcEngine runs the queue `runs` times, prints the result of the last run
// and the median wall time, and returns the calls per second.
func mmcEngine(stdout io.Writer, p mmcParams, runs int) (float64, error) {
	m, err := mmcModel(p)
	if err != nil {
		return 0, err
	}
	tr, err := sim.NewMatrix(1, []float64{0})
	if err != nil {
		return 0, err
	}
	walls := make([]float64, runs)
	var rep sim.Replication
	for i := range walls {
		t0 := time.Now()
		res, err := sim.Run(m, tr, sim.Config{Replications: 1, Seed: p.seed, Workers: 1})
		if err != nil {
			return 0, err
		}
		walls[i] = time.Since(t0).Seconds()
		rep = res.Reps[0]
	}
	sort.Float64s(walls)
	wall := walls[runs/2]
	calls := rep.Calls + rep.WarmupCalls
	pw, wq := erlangC(p.c, p.lam, p.mu)
	rate := float64(calls) / wall
	fmt.Fprintf(stdout, "engine=sim lam=%g/h mu=%g/h c=%d calls=%d measured: mean_wait_min=%.3f P(wait>0)=%.4f util=%.4f "+
		"theory(ErlangC): mean_wait_min=%.3f P(wait>0)=%.4f util=%.4f wall_s=%.3f calls_per_s=%.0f (median of %d runs)\n",
		p.lam, p.mu, p.c, calls, rep.MeanWait/60, rep.QueueProb(), rep.MeanUtilisation(),
		wq*60, pw, p.lam/(p.mu*float64(p.c)), wall, rate, runs)
	return rate, nil
}

// erlangC returns P(wait) and the mean wait (hours) of the M/M/c queue, by
// the Erlang B recursion: C = B / (1 - rho (1 - B)).
func erlangC(c int, lam, mu float64) (pw, wq float64) {
	a := lam / mu
	b := 1.0
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	rho := a / float64(c)
	pw = b / (1 - rho*(1-b))
	return pw, pw / (float64(c)*mu - lam)
}
