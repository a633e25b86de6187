package main

import (
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/report"
	"github.com/spf13/pflag"
)

func init() {
	commands = append(commands, &command{
		name:  "coverage",
		args:  "SCENARIO.yaml [flags]",
		short: "static coverage: the 10/30-minute ambulance circle and the 15-minute health circle",
		long: `Computes, for every demand point, the static response time from the nearest ambulance
base (dispatch delay and turnout medians, then the drive at emergency speeds in the static
band, off-road legs included, assuming a unit is free there) against its zone's target, and
the time to the nearest health facility of any tier (walking or driving, per zone class)
against the health circle; then the shares of the population by zone class, township and
village. Prints a table and writes OUT/coverage/: points.csv, villages.csv, townships.csv,
points.geojson (for QGIS) and summary.json. Nothing is written if the scenario has errors;
earlier results are replaced only when everything succeeded.`,
		flags: func(fs *pflag.FlagSet) func(*env, []string) error {
			var of outFlags
			of.declare(fs)
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("want one scenario file, got %d arguments", len(args))
				}
				st, err := loadStudy(args[0], e.stderr)
				if err != nil {
					return err
				}
				r := coverage.Compute(st)
				d := report.NewRunData(st)
				d.SetCoverage(r)
				wrote, err := writeOut(of.dir(st), of.runSteps(e, d, r)...)
				if err != nil {
					return err
				}
				printCoverage(e.stdout, st, r)
				fmt.Fprintf(e.stdout, "\n%s\n", wrote)
				return nil
			}
		},
	})
}

// outFlags are the output options of the commands that write results.
type outFlags struct {
	out       string
	bom       bool
	noFigures bool
	font      string
	dpi       int
	lang      string
}

func (f *outFlags) declare(fs *pflag.FlagSet) {
	fs.StringVar(&f.out, "out", "", "output folder (default: the scenario's out, else out/<scenario name> beside it)")
	fs.BoolVar(&f.bom, "bom", true, "start CSV files with a UTF-8 byte-order mark so Excel shows Chinese names")
	f.declareFigures(fs)
	fs.BoolVar(&f.noFigures, "no-figures", false, "write the data files only: no figures and no report")
}

// declareFigures declares the flags of figures and reports.
func (f *outFlags) declareFigures(fs *pflag.FlagSet) {
	fs.StringVar(&f.font, "font", "", "CJK font file (.ttf, .otf, .ttc) for Chinese labels (default: found among the system fonts)")
	fs.IntVar(&f.dpi, "dpi", 300, "resolution of the PNG figures (300 for print)")
	fs.StringVar(&f.lang, "lang", "", "language of figures and report: zh or en (default: the scenario's lang)")
}

func (f *outFlags) dir(st *model.Study) string {
	if f.out != "" {
		return f.out
	}
	return st.Scenario.Out
}

func (f *outFlags) options() report.Options { return report.Options{BOM: f.bom} }

// printCoverage prints the compact table: targets and shares by zone class,
// the health circle, the worst townships, villages outside, and data gaps.
func printCoverage(w io.Writer, st *model.Study, r *coverage.Result) {
	s := st.Scenario
	fmt.Fprintf(w, "%s\n", s.Name)
	if line := report.Attribution(st, ""); line != "" {
		fmt.Fprintf(w, "Road network: %s\n", line)
	}
	for _, g := range r.Gaps {
		fmt.Fprintf(w, "Data gap: %s\n", g.Detail)
	}
	nw := &s.Network
	fmt.Fprintf(w, "\nStatic coverage (a unit free at every base; %.1f min dispatch + %.1f min turnout, emergency speeds x%.2g, %s band)\n",
		model.Median(s.Simulation.DispatchDelay), model.Median(s.Simulation.Turnout), nw.EmergencyFactor, nw.Bands[nw.StaticBand].Name)
	fmt.Fprintf(w, "%-10s %12s %7s %9s %9s %9s %10s\n", "zone", "population", "target", "within", "mean", "p90", "health "+
		fmtMin(60*s.HealthCircle.Minutes))
	row := func(name string, g *coverage.Group, target string) {
		fmt.Fprintf(w, "%-10s %12s %7s %8.1f%% %9s %9s %9.1f%%\n", name, thousands(int(math.Round(g.Population))), target,
			100*g.Share(), fmtMin(g.MeanTime), fmtMin(g.P90Time), 100*g.HealthShare())
	}
	for i := range r.Classes {
		row(r.Classes[i].Key, &r.Classes[i], fmtMin(r.Classes[i].Target))
	}
	row("all", &r.Total, "")
	for _, c := range r.Cuts {
		if c.Exists {
			fmt.Fprintf(w, "Nearest %s or better, by car: mean %s, %.1f%% within %s\n", c.Tier, fmtMin(c.MeanTime),
				100*c.Within/r.Total.Population, fmtMin(60*c.Minutes))
		}
	}
	worst := report.WorstTownships(r)
	fmt.Fprintf(w, "\nWorst townships (share of residents within their target):\n")
	for i, g := range worst {
		if i == 5 || g.Share() >= 1 {
			break
		}
		fmt.Fprintf(w, "  %s %5.1f%%  p90 %s  (%s residents outside)\n", pad(g.Name, 16), 100*g.Share(), fmtMin(g.P90Time),
			thousands(int(math.Round(g.Population-g.Covered))))
	}
	printVillagesOutside(w, st, r)
}

func printVillagesOutside(w io.Writer, st *model.Study, r *coverage.Result) {
	var out []coverage.Village
	pop := 0.0
	for _, v := range r.Villages {
		if v.Outside() > 0 {
			out = append(out, v)
			pop += v.Outside()
		}
	}
	fmt.Fprintf(w, "\nVillage-level units with residents outside their target: %d of %d (%s residents)\n",
		len(out), len(r.Villages), thousands(int(math.Round(pop))))
	sortVillages(out)
	for i, v := range out {
		if i == 8 {
			fmt.Fprintf(w, "  ... all of them in coverage/villages.csv\n")
			break
		}
		station := "-"
		if v.Station >= 0 {
			station = st.Scenario.Facilities[v.Station].Name
		}
		fmt.Fprintf(w, "  %s %s mean %s, worst %s (target %s) from %s\n", pad(v.Name, 14), pad(v.Township, 12),
			fmtMin(v.MeanTime), fmtMin(v.MaxTime), fmtMin(v.Target), station)
	}
}

// fmtMin formats seconds as minutes ("12.3 min"), "-" when undefined and
// "unreached" when infinite.
func fmtMin(sec float64) string {
	switch {
	case math.IsNaN(sec):
		return "-"
	case math.IsInf(sec, 1):
		return "unreached"
	}
	return fmt.Sprintf("%.1f min", sec/60)
}

// sortVillages orders villages by residents outside their target, most
// first, then by code.
func sortVillages(vs []coverage.Village) {
	sort.SliceStable(vs, func(i, j int) bool {
		if a, b := vs[i].Outside(), vs[j].Outside(); a != b {
			return a > b
		}
		return vs[i].Code < vs[j].Code
	})
}
