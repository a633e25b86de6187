package figures_test

import (
	"fmt"

	"github.com/emsplan/sim/sim/report/figures"
	"github.com/paulmach/orb"
)

func ExampleProjection() {
	// Ningxiang lies near 28.25°N: a degree of longitude is cos(28.25°)
	// times a degree of latitude, so the projection keeps km square.
	pr := figures.NewProjection(112.5, 28.25)
	x, y := pr.Forward(orb.Point{112.6, 28.35})
	fmt.Printf("%.2f km east, %.2f km north\n", x, y)
	// 0.1° of latitude = 0.1 × 6378.137 km × π/180 = 11.13 km; of longitude
	// 11.13 km × cos(28.25°) = 11.13 × 0.8809 = 9.81 km.
	// Output: 9.81 km east, 11.13 km north
}

func ExampleBands() {
	b := figures.DefaultBands
	fmt.Println(b.Labels())
	times := []float64{3, 5, 7.5, 12, 29.9, 45}
	pop := []float64{100, 200, 300, 400, 500, 600}
	n, w := b.Count(times, pop)
	fmt.Println(n, w)
	// Output:
	// [0–5 5–10 10–15 15–30 > 30]
	// [2 1 1 1 1] [300 300 400 500 600]
}
