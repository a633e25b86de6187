package calibrate

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/emsplan/sim/sim/scenario"
)

// writeLog writes n calls in a newer 120 system's format: a year of calls
// around the tiny study, times as date-times, fixed seed.
func writeLog(tb testing.TB, n int) string {
	p := filepath.Join(tb.TempDir(), "log.csv")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "呼救类型,是否正常结束,开始受理时间,收到指令时间,驶向现场时间,到达现场时间,病人上车时间,到达医院时间,接车地址经度,接车地址纬度,病情分级")
	rng := rand.New(rand.NewPCG(1, 2))
	t0 := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	const layout = "2006-01-02 15:04:05"
	for i := 0; i < n; i++ {
		t := t0.Add(time.Duration(rng.Float64() * 365 * 24 * float64(time.Hour)))
		d := t.Add(time.Duration((60 + rng.ExpFloat64()*60) * float64(time.Second)))
		e := d.Add(time.Duration((30 + rng.ExpFloat64()*40) * float64(time.Second)))
		s := e.Add(time.Duration((300 + rng.ExpFloat64()*400) * float64(time.Second)))
		l := s.Add(time.Duration((600 + rng.ExpFloat64()*300) * float64(time.Second)))
		h := l.Add(time.Duration((600 + rng.ExpFloat64()*600) * float64(time.Second)))
		fmt.Fprintf(w, "急救,是,%s,%s,%s,%s,%s,%s,%.5f,%.5f,P%d\n", t.Format(layout), d.Format(layout), e.Format(layout), s.Format(layout),
			l.Format(layout), h.Format(layout), 112+rng.Float64()*0.08, 28+rng.Float64()*0.02, 1+rng.IntN(3))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return p
}

// BenchmarkCalibrate100k reads, checks and fits a log of 100,000 calls and
// writes the fragment (the back-test's simulation is not included).
func BenchmarkCalibrate100k(b *testing.B) {
	path := writeLog(b, 100_000)
	s, ps, err := scenario.Load("../model/testdata/tiny/tiny.yaml")
	if err != nil {
		b.Fatal(err, ps)
	}
	b.ReportAllocs()
	for b.Loop() {
		lg, err := ReadLog(path, Options{Near: NearDemand(s, 20), CallTypes: []string{"急救"}})
		if err != nil {
			b.Fatal(err)
		}
		f := Compute(lg, s)
		if err := f.WriteFragment(io.Discard, s, "base.yaml"); err != nil {
			b.Fatal(err)
		}
		if len(lg.Calls) != 100_000 {
			b.Fatalf("%d calls kept", len(lg.Calls))
		}
	}
}
