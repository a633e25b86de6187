package figures

import (
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Errors returned by the figure constructors. Input errors wrap ErrBadValue
// and name the field and index, e.g.
// "figures: invalid value: Points[12].Value is NaN".
var (
	ErrBadValue = errors.New("figures: invalid value")
	ErrNoData   = errors.New("figures: no data")
)

// checker records the first invalid value met while walking an input.
type checker struct{ err error }

func (c *checker) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%w: "+format, append([]any{ErrBadValue}, args...)...)
	}
}

// finite checks that v is neither NaN nor infinite.
func (c *checker) finite(field string, i int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		c.fail("%s is %v", at(field, i), v)
	}
}

// nonNeg checks that v is finite and >= 0.
func (c *checker) nonNeg(field string, i int, v float64) {
	c.finite(field, i, v)
	if v < 0 {
		c.fail("%s is %v, want >= 0", at(field, i), v)
	}
}

// share checks that v is in [0, 1].
func (c *checker) share(field string, i int, v float64) {
	if !(v >= 0 && v <= 1) {
		c.fail("%s is %v, want a share in [0, 1]", at(field, i), v)
	}
}

// minutes checks a time: >= 0, +Inf (unreachable) allowed, NaN not.
func (c *checker) minutes(field string, i int, v float64) {
	if math.IsNaN(v) || v < 0 {
		c.fail("%s is %v, want minutes >= 0 (+Inf for unreachable)", at(field, i), v)
	}
}

// point checks a WGS-84 lon/lat.
func (c *checker) point(field string, i int, p orb.Point) {
	if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.Abs(p[0]) > 180 || math.Abs(p[1]) > 90 {
		c.fail("%s is (%v, %v), want longitude in [-180, 180] and latitude in [-90, 90]", at(field, i), p[0], p[1])
	}
}

func at(field string, i int) string {
	if i < 0 {
		return field
	}
	// field may be "Points.Value": put the index after the first part.
	for k := 0; k < len(field); k++ {
		if field[k] == '.' {
			return fmt.Sprintf("%s[%d]%s", field[:k], i, field[k:])
		}
	}
	return fmt.Sprintf("%s[%d]", field, i)
}
