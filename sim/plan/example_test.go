package plan_test

import (
	"fmt"
	"os"

	"github.com/emsplan/sim/sim/coverage"
	"github.com/emsplan/sim/sim/model"
	"github.com/emsplan/sim/sim/optimize"
	"github.com/emsplan/sim/sim/plan"
	"github.com/emsplan/sim/sim/scenario"
)

// Where should the tiny county's two ambulances stand to put the most
// residents within target? From scratch (today's bases may close), one
// site: both go to the community centre M1, which reaches 2,100 of the
// 2,150 residents in time.
func Example() {
	s, ps, err := scenario.Load("../model/testdata/tiny/tiny.yaml")
	if err != nil {
		fmt.Println(ps)
		return
	}
	st, err := model.Build(s, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := os.MkdirTemp("", "plan-example")
	defer os.RemoveAll(out)
	p, err := plan.Run(st, plan.Request{Model: optimize.ModelMCLP, Rule: coverage.Response, Sites: 1}, out)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _, objective := p.Value(p.Result.Objective)
	fmt.Println(p.ModelWords())
	fmt.Println(objective, "optimal:", p.Result.Optimal)
	for _, sa := range p.Proposal.Changes.SetAmbulances {
		fmt.Printf("%s: %d ambulances\n", sa.ID, sa.Ambulances)
	}
	for _, g := range p.Groups() {
		fmt.Printf("%-5s %.1f%% -> %.1f%%\n", g.Key, 100*g.Before, 100*g.After)
	}
	// Output:
	// MCLP: the most residents within target with 1 site
	// 2,100 residents within target (97.67% of 2,150) optimal: true
	// S1: 0 ambulances
	// H1: 0 ambulances
	// M1: 2 ambulances
	// urban 66.7% -> 100.0%
	// rural 84.6% -> 92.3%
	// all   72.1% -> 97.7%
}
