package calibrate

import (
	"encoding/csv"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// WriteCSV writes one row per group: observed and simulated figures with
// their intervals, and whether they disagree.
func (b *BackTest) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"kind", "key", "name", "obs_calls", "obs_median_min", "obs_median_lo", "obs_median_hi", "obs_p90_min",
		"obs_within_share", "obs_within_lo", "obs_within_hi", "sim_calls", "sim_median_min", "sim_median_lo", "sim_median_hi",
		"sim_p90_min", "sim_within_share", "sim_within_lo", "sim_within_hi", "disagree"})
	for _, g := range append([]Group{b.All}, b.Groups...) {
		row := []string{g.Kind, g.Key, g.Name}
		for _, s := range []Stats{g.Obs, g.Sim} {
			row = append(row, strconv.Itoa(s.N), f4(s.Median), f4(s.MedLow), f4(s.MedHigh), f4(s.P90), f4(s.Within), f4(s.WithinLow), f4(s.WithinHigh))
		}
		row = append(row, strconv.FormatBool(g.Disagree))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func f4(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// WriteText prints the back-test: the county, each zone, and the townships
// that disagree.
func (b *BackTest) WriteText(w io.Writer) {
	fmt.Fprintf(w, "\nBack-test: the calibrated scenario, %d replications, against the log (response = received to at scene)\n", b.Replications)
	fmt.Fprintf(w, "%-18s %8s %22s %22s %26s %26s\n", "", "calls", "median log / sim", "p90 log / sim", "within target log", "within target sim")
	line := func(g Group) {
		flag := ""
		if g.Disagree {
			flag = "  << differ"
		}
		fmt.Fprintf(w, "%-18s %8d %10s / %-10s %10s / %-10s %9s (%s-%s) %9s (%s-%s)%s\n", g.Name, g.Obs.N, dnum(g.Obs.Median), dnum(g.Sim.Median),
			dnum(g.Obs.P90), dnum(g.Sim.P90), pct(g.Obs.Within), pct(g.Obs.WithinLow), pct(g.Obs.WithinHigh),
			pct(g.Sim.Within), pct(g.Sim.WithinLow), pct(g.Sim.WithinHigh), flag)
	}
	line(b.All)
	n := 0
	for _, g := range b.Groups {
		if g.Kind == "zone" || g.Disagree {
			line(g)
			n += map[bool]int{true: 1}[g.Kind == "township"]
		}
	}
	fmt.Fprintf(w, "%d townships disagree (the intervals of the median or of the share within target do not overlap); backtest.csv has them all\n", n)
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + "%"
}

// WriteCDF draws the observed and simulated response CDFs on one chart
// (PNG, 16 x 10 cm at 200 dpi) with the county's targets marked.
func (b *BackTest) WriteCDF(w io.Writer, targets []float64) error {
	p := plot.New()
	p.Title.Text = "Response time: call log and calibrated simulation"
	p.X.Label.Text = "minutes from call received to unit at the patient"
	p.Y.Label.Text = "share of calls"
	p.Y.Min, p.Y.Max = 0, 1
	maxX := 60.0
	if len(b.ObsSorted) > 0 {
		maxX = math.Min(math.Max(quantile(b.ObsSorted, 0.99), 10), 240)
	}
	p.X.Min, p.X.Max = 0, maxX
	for i, c := range []struct {
		name string
		v    []float64
	}{{"call log", b.ObsSorted}, {"simulation", b.SimSorted}} {
		if len(c.v) == 0 {
			continue
		}
		pts := cdfPoints(c.v, maxX)
		l, err := plotter.NewLine(pts)
		if err != nil {
			return err
		}
		l.Width = vg.Points(1.5)
		l.Color = lineColors[i]
		if i == 1 {
			l.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("%s (%s calls)", c.name, thousands(len(c.v))), l)
	}
	var names []string
	for i, t := range targets {
		l, _ := plotter.NewLine(plotter.XYs{{X: t, Y: 0}, {X: t, Y: 1}})
		l.Color = color.RGBA{R: 150, G: 150, B: 150, A: 255}
		l.Width = vg.Points(0.7)
		p.Add(l)
		names = append(names, strconv.FormatFloat(t, 'f', -1, 64))
		if i == len(targets)-1 {
			p.Legend.Add("targets: "+strings.Join(names, ", ")+" min", l)
		}
	}
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.XOffs, p.Legend.YOffs = -vg.Millimeter*3, vg.Millimeter*3
	wt, err := p.WriterTo(16*vg.Centimeter, 10*vg.Centimeter, "png")
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// cdfPoints samples the empirical CDF of sorted v at 400 points up to maxX.
func cdfPoints(v []float64, maxX float64) plotter.XYs {
	var out plotter.XYs
	k := 0
	for i := 0; i <= 400; i++ {
		x := maxX * float64(i) / 400
		for k < len(v) && v[k] <= x {
			k++
		}
		out = append(out, plotter.XY{X: x, Y: float64(k) / float64(len(v))})
	}
	return out
}

// lineColors: the log in dark blue, the simulation in orange (colour-blind safe).
var lineColors = []color.Color{color.RGBA{R: 0, G: 90, B: 160, A: 255}, color.RGBA{R: 230, G: 120, B: 0, A: 255}}
