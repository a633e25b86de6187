package optimize_test

import (
	"fmt"

	"github.com/emsplan/sim/sim/optimize"
)

// Three candidate sites and five villages, all with a 10-minute target.
// Site 0 covers villages 0 and 1 (300 people), site 1 villages 1 and 2
// (350), site 2 villages 3 and 4 (350). Hand-checked answers:
//   - MCLP, p = 2: {0,1} covers 450, {0,2} 650, {1,2} 700 of 800.
//   - LSCP: village 0 needs site 0, 2 needs 1, 3 needs 2: all three.
//   - p-median, p = 2: {1,2} costs 90000+80000+45000+25000+60000 =
//     300000 person-seconds, 300000/800/60 = 6.25 min per person.
//   - p-center, p = 2: worst times {0,1} 1000 s, {0,2} 800 s, {1,2} 900 s.
//   - MEXCLP, 3 units, q = 0.5: one per site gives 50+150+75+25+150 = 450
//     expected; the next best, (0,1,2) and (0,2,1), give 437.5.
func Example() {
	times := optimize.Matrix{Rows: 3, Cols: 5, Data: []float64{
		300, 500, 900, 1200, 1500, // site 0 to villages 0..4, seconds
		900, 400, 300, 700, 1000, // site 1
		1500, 1100, 800, 500, 200, // site 2
	}}
	in, err := optimize.NewInstance(optimize.Problem{
		Times:  times,
		Weight: []float64{100, 200, 150, 50, 300},
		Target: []float64{600, 600, 600, 600, 600},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var opt optimize.Options

	r, _ := optimize.MCLP(in, 2, opt)
	fmt.Printf("MCLP: sites %v cover %.0f of %.0f (bound %.0f, optimal %v)\n", r.Sites, r.Objective, r.Total, r.Bound, r.Optimal)
	for k, j := range r.Sites {
		fmt.Printf("  site %d adds %.0f\n", j, r.Added[k])
	}
	r, _ = optimize.LSCP(in, opt)
	fmt.Printf("LSCP: %.0f sites %v\n", r.Objective, r.Sites)
	r, _ = optimize.PMedian(in, 2, opt)
	fmt.Printf("p-median: sites %v, %.2f min per person\n", r.Sites, r.Objective/r.Total/60)
	r, _ = optimize.PCenter(in, 2, opt)
	fmt.Printf("p-center: sites %v, worst %.0f s\n", r.Sites, r.Objective)
	r, _ = optimize.MEXCLP(in, optimize.Expected{Units: 3, Busy: 0.5}, opt)
	fmt.Printf("MEXCLP: units %v at sites %v, expected coverage %.1f\n", r.Units, r.Sites, r.Objective)
	// Output:
	// MCLP: sites [1 2] cover 700 of 800 (bound 700, optimal true)
	//   site 1 adds 350
	//   site 2 adds 350
	// LSCP: 3 sites [0 1 2]
	// p-median: sites [1 2], 6.25 min per person
	// p-center: sites [0 2], worst 800 s
	// MEXCLP: units [1 1 1] at sites [0 1 2], expected coverage 450.0
}
