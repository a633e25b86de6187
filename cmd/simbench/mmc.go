package main

// The M/M/c queue (an ambulance fleet as c servers) through sim's engine and
// through SimPy (../shared/peers/mmc_simpy.py), with the same parameters, in
// the same run, several times, interleaved; both against Erlang C, and the
// speed ratio with its spread.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
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

// mmcTolerance is how far a P(wait) measured over n calls may lie from
// Erlang C before the run is refused: a benchmark of a wrong queue says
// nothing. A loose bound, several standard errors of the estimate (the calls
// of a busy queue are correlated): 0.02 from 200,000 calls down, where both
// sides land within 0.002 of the theory, wider for short runs.
func mmcTolerance(n int) float64 { return math.Max(0.02, 8/math.Sqrt(float64(n))) }

// timing is one measured run: calls simulated, wall and CPU seconds (CPU is
// NaN when unknown).
type timing struct {
	calls     int
	wall, cpu float64
}

func (t timing) wallRate() float64 { return float64(t.calls) / t.wall }
func (t timing) cpuRate() float64  { return float64(t.calls) / t.cpu }

func runMMC(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("mmc", "[FLAGS]", stdout)
	var p mmcParams
	fs.Float64Var(&p.lam, "lam", 8, "arrival rate, calls/hour")
	fs.Float64Var(&p.mu, "mu", 1, "service rate per ambulance, calls/hour")
	fs.IntVar(&p.c, "c", 10, "ambulances")
	fs.IntVar(&p.calls, "calls", 200000, "calls simulated, warm-up included")
	fs.IntVar(&p.warmup, "warmup", 10000, "calls left out of the statistics")
	fs.Uint64Var(&p.seed, "seed", 1, "seed (the same in every round)")
	runs := fs.Int("runs", 7, "rounds: sim and SimPy each run this many times, interleaved; medians are reported")
	peer := fs.String("peer", "", "SimPy peer script (default: mmc_simpy.py in ../shared/peers)")
	python := fs.String("python", "/usr/bin/python3", "Python interpreter")
	noPeer := fs.Bool("no-peer", false, "run the engine only")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if p.lam <= 0 || p.mu <= 0 || p.c <= 0 || p.lam >= float64(p.c)*p.mu || p.warmup < 0 || p.calls <= p.warmup || *runs < 1 {
		return errors.New("need lam, mu, c > 0, lam < c*mu, 0 <= warmup < calls, runs >= 1")
	}
	if !*noPeer && *peer == "" {
		dir, err := peersDir("")
		if err != nil {
			return err
		}
		*peer = filepath.Join(dir, "mmc_simpy.py")
	}
	m, err := mmcModel(p)
	if err != nil {
		return err
	}
	tr, err := sim.NewMatrix(1, []float64{0})
	if err != nil {
		return err
	}
	var simT, peerT []timing
	var rep sim.Replication
	var peerOut string
	for i := 0; i < *runs; i++ {
		t, r, err := mmcEngineOnce(m, tr, p)
		if err != nil {
			return err
		}
		simT, rep = append(simT, t), r
		if *noPeer {
			continue
		}
		t, out, err := mmcPeerOnce(*python, *peer, p)
		if err != nil {
			return err
		}
		peerT, peerOut = append(peerT, t), out
	}
	pw, wq := erlangC(p.c, p.lam, p.mu)
	st := spreadOf(simT, timing.wallRate)
	fmt.Fprintf(stdout, "engine=sim lam=%g/h mu=%g/h c=%d calls=%d measured: mean_wait_min=%.3f P(wait>0)=%.4f util=%.4f "+
		"theory(ErlangC): mean_wait_min=%.3f P(wait>0)=%.4f util=%.4f wall_s=%.3f calls_per_s=%.0f (median of %d runs)\n",
		p.lam, p.mu, p.c, simT[0].calls, rep.MeanWait/60, rep.QueueProb(), rep.MeanUtilisation(),
		wq*60, pw, p.lam/(p.mu*float64(p.c)), float64(simT[0].calls)/st.med, st.med, *runs)
	tol := mmcTolerance(p.calls - p.warmup)
	if d := math.Abs(rep.QueueProb() - pw); !(d <= tol) {
		return fmt.Errorf("sim's P(wait) %.4f is %.4f from Erlang C's %.4f (tolerance %.3f): the queue is wrong", rep.QueueProb(), d, pw, tol)
	}
	if *noPeer {
		fmt.Fprintf(stdout, "sim   calls/s wall %s; CPU %s\n", spreadOf(simT, timing.wallRate), spreadOf(simT, timing.cpuRate))
		return nil
	}
	fmt.Fprint(stdout, peerOut)
	if ppw, ok := field(peerOut, "P(wait>0)"); !ok || !(math.Abs(ppw-pw) <= tol) {
		return fmt.Errorf("SimPy's P(wait) %v is not within %.3f of Erlang C's %.4f", ppw, tol, pw)
	}
	mmcTable(stdout, simT, peerT)
	return nil
}

// mmcTable prints every round, the medians with their spread, and the speed
// ratio: the median of the rounds' ratios (each round's sim and SimPy ran
// back to back, so they saw about the same load on the machine).
func mmcTable(w io.Writer, simT, peerT []timing) {
	fmt.Fprintf(w, "%-6s %10s %10s %12s %12s %10s %10s\n", "round", "sim wall", "sim CPU", "SimPy wall", "SimPy CPU", "ratio wall", "ratio CPU")
	rw := make([]timing, len(simT)) // ratios, in the shape spreadOf reads
	rc := make([]timing, len(simT))
	for i := range simT {
		s, q := simT[i], peerT[i]
		rw[i] = timing{calls: 1, wall: 1 / (s.wallRate() / q.wallRate())}
		rc[i] = timing{calls: 1, wall: 1 / (s.cpuRate() / q.cpuRate())}
		fmt.Fprintf(w, "%-6d %9.3fs %9.3fs %11.3fs %11.3fs %9.1fx %9.1fx\n", i+1, s.wall, s.cpu, q.wall, q.cpu,
			s.wallRate()/q.wallRate(), s.cpuRate()/q.cpuRate())
	}
	fmt.Fprintf(w, "sim   calls/s wall %s; CPU %s\n", spreadOf(simT, timing.wallRate), spreadOf(simT, timing.cpuRate))
	fmt.Fprintf(w, "SimPy calls/s wall %s; CPU %s\n", spreadOf(peerT, timing.wallRate), spreadOf(peerT, timing.cpuRate))
	fmt.Fprintf(w, "speed ratio sim/simpy = %.1fx wall (rounds %s), %.1fx CPU (rounds %s); target >= 10x, goal 20x\n",
		spreadOf(rw, timing.wallRate).med, spreadOf(rw, timing.wallRate).ratio(), spreadOf(rc, timing.wallRate).med, spreadOf(rc, timing.wallRate).ratio())
}

// spread is the median, minimum and maximum of a figure over the rounds.
type spread struct{ med, lo, hi float64 }

func spreadOf(ts []timing, f func(timing) float64) spread {
	xs := make([]float64, len(ts))
	for i, t := range ts {
		xs[i] = f(t)
	}
	slices.Sort(xs)
	n := len(xs)
	med := xs[n/2]
	if n%2 == 0 {
		med = (xs[n/2-1] + xs[n/2]) / 2
	}
	return spread{med, xs[0], xs[n-1]}
}

// String writes a rate with thousands separators: "median M (min A, max B)".
func (s spread) String() string {
	if math.IsNaN(s.med) {
		return "not measured"
	}
	return fmt.Sprintf("median %s (min %s, max %s)", thousands(s.med), thousands(s.lo), thousands(s.hi))
}

func (s spread) ratio() string { return fmt.Sprintf("%.1f-%.1fx", s.lo, s.hi) }

// thousands formats x rounded to an integer with comma separators.
func thousands(x float64) string {
	s := strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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

// mmcEngineOnce runs the queue once through sim.Run, as a library caller
// would (validation, every call drawn, the full per-replication figures), and
// times it. A collection first leaves no garbage of the previous round to
// this one.
func mmcEngineOnce(m *sim.Model, tr sim.Travel, p mmcParams) (timing, sim.Replication, error) {
	runtime.GC()
	c0, t0 := processCPU(), time.Now()
	res, err := sim.Run(m, tr, sim.Config{Replications: 1, Seed: p.seed, Workers: 1})
	wall, cpu := time.Since(t0).Seconds(), processCPU()-c0
	if err != nil {
		return timing{}, sim.Replication{}, err
	}
	rep := res.Reps[0]
	return timing{calls: rep.Calls + rep.WarmupCalls, wall: wall, cpu: cpu}, rep, nil
}

// peerCPUWrapper runs the peer script unchanged and prints the CPU time
// (time.process_time: user + system) of the very span the peer times itself:
// the script reads time.perf_counter twice, around env.run(), and each read
// also records the CPU clock. Interpreter start-up and imports are left out,
// as they are from the peer's own wall time.
const peerCPUWrapper = `import runpy, sys, time
_pc, _marks = time.perf_counter, []
def _timed():
    _marks.append(time.process_time())
    return _pc()
time.perf_counter = _timed
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
if len(_marks) >= 2:
    print("cpu_s=%.6f" % (_marks[-1] - _marks[0]))
`

// mmcPeerOnce runs the SimPy peer once and returns its timing and its result
// line (without the wrapper's cpu_s line).
func mmcPeerOnce(python, peer string, p mmcParams) (timing, string, error) {
	cmd := exec.Command(python, "-c", peerCPUWrapper, peer, "--lam", ftoa(p.lam), "--mu", ftoa(p.mu), "--c", strconv.Itoa(p.c),
		"--calls", strconv.Itoa(p.calls), "--warmup", strconv.Itoa(p.warmup), "--seed", strconv.FormatUint(p.seed, 10))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return timing{}, "", fmt.Errorf("peer %s: %v: %s", peer, err, errb.String())
	}
	s := out.String()
	wall, ok1 := field(s, "wall_s")
	calls, ok2 := field(s, "calls")
	if !ok1 || !ok2 || wall <= 0 {
		return timing{}, "", fmt.Errorf("peer %s printed no calls= and wall_s=: %q", peer, s)
	}
	cpu, ok := field(s, "cpu_s")
	if !ok {
		cpu = math.NaN()
	}
	line := regexp.MustCompile(`(?m)^cpu_s=.*\n?`).ReplaceAllString(s, "")
	return timing{calls: int(calls), wall: wall, cpu: cpu}, line, nil
}

// field returns the number after "key=" in s (first occurrence).
func field(s, key string) (float64, bool) {
	m := regexp.MustCompile(`(?:^|\s)` + regexp.QuoteMeta(key) + `=([-+0-9.eE]+)`).FindStringSubmatch(s)
	if m == nil {
		return math.NaN(), false
	}
	x, err := strconv.ParseFloat(m[1], 64)
	return x, err == nil
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
