package sim_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/emsplan/sim/sim"
	"gonum.org/v1/gonum/stat"
)

// erlangB returns the Erlang B blocking probability for c servers and
// offered load a = lam/mu, by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)).
func erlangB(c int, a float64) float64 {
	b := 1.0
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	return b
}

// erlangC returns P(wait) and the mean wait (s) of the M/M/c queue:
// C = B / (1 - rho (1 - B)), Wq = C / (c mu - lam).
func erlangC(c int, lam, mu float64) (pw, wq float64) {
	a := lam / mu
	rho := a / float64(c)
	b := erlangB(c, a)
	pw = b / (1 - rho*(1-b))
	return pw, pw / (float64(c)*mu - lam)
}

// TestErlangFormulas checks the formulas above against hand values:
// c=1: C = rho, Wq = rho/(mu-lam); c=2, a=1: B = (1/2)/(1+1+1/2) = 0.2,
// C = 0.2/(1-0.5*0.8) = 1/3.
func TestErlangFormulas(t *testing.T) {
	pw, wq := erlangC(1, 0.8, 1)
	if math.Abs(pw-0.8) > 1e-12 || math.Abs(wq-4) > 1e-12 {
		t.Errorf("c=1: got %g %g, want 0.8 4", pw, wq)
	}
	if b := erlangB(2, 1); math.Abs(b-0.2) > 1e-12 {
		t.Errorf("B(2,1) = %g, want 0.2", b)
	}
	if pw, _ := erlangC(2, 1, 1); math.Abs(pw-1.0/3) > 1e-12 {
		t.Errorf("C(2,1) = %g, want 1/3", pw)
	}
}

// within checks that the mean of xs (one value per independent replication)
// is within 4 standard errors of want.
func within(t *testing.T, name string, xs []float64, want float64) {
	t.Helper()
	m, sd := stat.MeanStdDev(xs, nil)
	se := sd / math.Sqrt(float64(len(xs)))
	if math.Abs(m-want) > 4*se {
		t.Errorf("%s: %.5g, want %.5g (4 se = %.3g)", name, m, want, 4*se)
	}
	if se > 0.1*want+0.01 {
		t.Errorf("%s: standard error %.3g too wide to test anything", name, se)
	}
}

// TestErlangC runs the M/M/c queue through the real engine (zero travel, the
// busy time is the exponential on-scene time) for c in {1,2,5,10} at
// utilisation 0.5 and 0.8, and compares P(wait), the mean wait and the
// utilisation with Erlang C. Standard errors come from 20 independent
// replications per case; 1.2 million calls in total (about a quarter with -short).
func TestErlangC(t *testing.T) {
	const reps = 20
	perRep := 7500.0
	if testing.Short() {
		perRep = 2000
	}
	mu := 1.0 / 3600
	total := 0
	for _, c := range []int{1, 2, 5, 10} {
		for _, rho := range []float64{0.5, 0.8} {
			lam := rho * float64(c) * mu
			m := mmcModel(t, c, lam, mu, perRep)
			res, err := sim.Run(m, zeroTravel(t), sim.Config{Replications: reps, Seed: uint64(100*c) + uint64(rho*10)})
			if err != nil {
				t.Fatal(err)
			}
			var pw, wq, util []float64
			for _, r := range res.Reps {
				total += r.Calls
				pw = append(pw, r.QueueProb())
				wq = append(wq, r.MeanWait)
				util = append(util, r.MeanUtilisation())
			}
			wantPW, wantWQ := erlangC(c, lam, mu)
			name := fmt.Sprintf("c=%d rho=%.1f", c, rho)
			within(t, name+" P(wait)", pw, wantPW)
			within(t, name+" mean wait (s)", wq, wantWQ)
			within(t, name+" utilisation", util, rho)
		}
	}
	if !testing.Short() && total < 1_000_000 {
		t.Errorf("only %d calls simulated, want >= 10^6", total)
	}
}

// TestErlangB: with a (near) zero maximum wait, a call that finds every unit
// busy is lost at once: the M/M/c/c loss system, P(lost) = Erlang B.
func TestErlangB(t *testing.T) {
	mu := 1.0 / 3600
	for _, c := range []int{1, 2, 5, 10} {
		for _, a := range []float64{0.5 * float64(c), 0.8 * float64(c), 1.2 * float64(c)} {
			m := mmcModel(t, c, a*mu, mu, 10000)
			m.MaxWait = 1e-6
			res, err := sim.Run(m, zeroTravel(t), sim.Config{Replications: 10, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			var lost []float64
			for _, r := range res.Reps {
				lost = append(lost, r.LostShare())
			}
			within(t, fmt.Sprintf("c=%d a=%.1f P(lost)", c, a), lost, erlangB(c, a))
		}
	}
}
