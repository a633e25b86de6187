package scenario

import (
	"math"
	"sort"

	"go.yaml.in/yaml/v3"
)

func (l *loader) healthCircle(n *yaml.Node, path string) {
	h := &l.s.HealthCircle
	l.w.fields(n, path, map[string]func(*yaml.Node, string){
		"minutes":  func(v *yaml.Node, f string) { l.w.num(v, f, &h.Minutes, between(1, 240)) },
		"walk_kmh": func(v *yaml.Node, f string) { l.w.num(v, f, &h.WalkKmh, between(1, 30)) },
		"mode": func(v *yaml.Node, f string) {
			h.Mode = map[string]string{}
			l.anyKeys(v, f, func(k, x *yaml.Node, g string) {
				var m string
				if l.w.enum(x, g, &m, "walk", "drive") {
					h.Mode[k.Value] = m
				}
			})
		},
		"tiers": func(v *yaml.Node, f string) {
			h.Tiers = nil
			l.w.seq(v, f, true, func(x *yaml.Node, g string) {
				var s string
				l.w.str(x, g, &s)
				t := Tier(s)
				if !t.IsHealth() {
					l.w.errorf(x, g, "must be a health facility tier (%s), got %q", tierList(), s)
					return
				}
				h.Tiers = append(h.Tiers, t)
			})
		},
	})
}

func (l *loader) simulation(n *yaml.Node, path string) {
	s := &l.s.Simulation
	l.w.fields(n, path, map[string]func(*yaml.Node, string){
		"days":         func(v *yaml.Node, f string) { l.w.num(v, f, &s.Days, between(1, 3660)) },
		"warmup_days":  func(v *yaml.Node, f string) { l.w.num(v, f, &s.WarmupDays, between(0, 365)) },
		"replications": func(v *yaml.Node, f string) { l.w.integer(v, f, &s.Replications, between(1, 10000)) },
		"calls_per_1000_per_year": func(v *yaml.Node, f string) {
			l.w.num(v, f, &s.CallsPer1000PerYear, positive)
		},
		"hourly_profile": func(v *yaml.Node, f string) { l.profile(v, f, s.Hourly[:]) },
		"weekly_profile": func(v *yaml.Node, f string) { l.profile(v, f, s.Weekly[:]) },
		"priorities": func(v *yaml.Node, f string) {
			s.Priorities = nil
			l.w.seq(v, f, false, func(x *yaml.Node, g string) {
				var p Priority
				l.w.fields(x, g, map[string]func(*yaml.Node, string){
					"name":  func(y *yaml.Node, h string) { l.w.str(y, h, &p.Name) },
					"share": func(y *yaml.Node, h string) { l.w.num(y, h, &p.Share, probability) },
				})
				if p.Name == "" {
					l.w.errorf(x, join(g, "name"), "required")
				}
				s.Priorities = append(s.Priorities, p)
			})
			l.shares(v, f, len(s.Priorities), func(i int) float64 { return s.Priorities[i].Share })
		},
		"conditions": func(v *yaml.Node, f string) {
			s.Conditions = nil
			l.w.seq(v, f, false, func(x *yaml.Node, g string) {
				c := Condition{Conveyance: -1}
				l.w.fields(x, g, map[string]func(*yaml.Node, string){
					"name":       func(y *yaml.Node, h string) { l.w.str(y, h, &c.Name) },
					"share":      func(y *yaml.Node, h string) { l.w.num(y, h, &c.Share, probability) },
					"needs":      func(y *yaml.Node, h string) { l.w.str(y, h, &c.Needs) },
					"target_min": func(y *yaml.Node, h string) { l.w.num(y, h, &c.TargetMin, between(1, 1440)) },
					"conveyance": func(y *yaml.Node, h string) { l.w.num(y, h, &c.Conveyance, probability) },
				})
				if c.Name == "" {
					l.w.errorf(x, join(g, "name"), "required")
				}
				s.Conditions = append(s.Conditions, c)
			})
			l.shares(v, f, len(s.Conditions), func(i int) float64 { return s.Conditions[i].Share })
		},
		"conveyance": func(v *yaml.Node, f string) { l.w.num(v, f, &s.Conveyance, probability) },
		"durations": func(v *yaml.Node, f string) {
			l.w.fields(v, f, map[string]func(*yaml.Node, string){
				"dispatch_delay": func(x *yaml.Node, g string) { l.dist(x, g, &s.DispatchDelay) },
				"turnout":        func(x *yaml.Node, g string) { l.dist(x, g, &s.Turnout) },
				"on_scene":       func(x *yaml.Node, g string) { l.dist(x, g, &s.OnScene) },
				"handover":       func(x *yaml.Node, g string) { l.dist(x, g, &s.Handover) },
			})
		},
		"five_g": func(v *yaml.Node, f string) {
			l.w.fields(v, f, map[string]func(*yaml.Node, string){
				"avl":             func(x *yaml.Node, g string) { l.w.boolean(x, g, &s.AVL) },
				"handover_factor": func(x *yaml.Node, g string) { l.w.num(x, g, &s.HandoverFactor, between(0, 1)) },
			})
		},
		"max_wait_min": func(v *yaml.Node, f string) { l.w.num(v, f, &s.MaxWaitMin, between(0, 1440)) },
		"replay": func(v *yaml.Node, f string) {
			var p string
			l.w.str(v, f, &p)
			if p != "" {
				s.Replay = l.path(p)
				l.pending = append(l.pending, func() { l.replay(v, f) })
			}
		},
	})
}

// profile decodes a list of len(dst) non-negative relative rates and
// normalises it to mean 1.
func (l *loader) profile(n *yaml.Node, path string, dst []float64) {
	var vals []float64
	l.w.seq(n, path, false, func(v *yaml.Node, f string) {
		var x float64
		l.w.num(v, f, &x, nonNegative)
		vals = append(vals, x)
	})
	if len(vals) != len(dst) {
		l.w.errorf(n, path, "must list %d numbers, got %d", len(dst), len(vals))
		return
	}
	sum := 0.0
	for _, x := range vals {
		sum += x
	}
	if sum <= 0 {
		l.w.errorf(n, path, "must have at least one positive number")
		return
	}
	for i, x := range vals {
		dst[i] = x * float64(len(dst)) / sum
	}
}

// shares checks that k shares sum to 1.
func (l *loader) shares(n *yaml.Node, path string, k int, share func(int) float64) {
	if k == 0 {
		l.w.errorf(n, path, "must list at least one entry")
		return
	}
	sum := 0.0
	for i := 0; i < k; i++ {
		sum += share(i)
	}
	if math.Abs(sum-1) > 1e-6 {
		l.w.errorf(n, path, "shares must sum to 1, got %.6g", sum)
	}
}

// dist decodes a duration distribution in minutes.
func (l *loader) dist(n *yaml.Node, path string, d *Dist) {
	var out Dist
	set := map[string]bool{}
	num := func(dst *float64, name string) func(*yaml.Node, string) {
		return func(v *yaml.Node, f string) {
			if l.w.num(v, f, dst, nonNegative) {
				set[name] = true
			}
		}
	}
	l.w.fields(n, path, map[string]func(*yaml.Node, string){
		"dist":   func(v *yaml.Node, f string) { l.w.enum(v, f, &out.Kind, "fixed", "exponential", "lognormal", "gamma") },
		"value":  num(&out.Value, "value"),
		"mean":   num(&out.Mean, "mean"),
		"sd":     num(&out.SD, "sd"),
		"median": num(&out.Median, "median"),
		"p90":    num(&out.P90, "p90"),
		"shape":  num(&out.Shape, "shape"),
		"scale":  num(&out.Scale, "scale"),
	})
	if msg := out.check(set); msg != "" {
		l.w.errorf(n, path, "%s", msg)
		return
	}
	*d = out
}

// check returns what is wrong with the parameters given for d.Kind.
func (d *Dist) check(set map[string]bool) string {
	only := func(names ...string) string {
		keys := make([]string, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ok := false
			for _, n := range names {
				ok = ok || k == n
			}
			if !ok {
				return d.Kind + " takes " + joinWords(names) + ", not " + k
			}
		}
		return ""
	}
	switch d.Kind {
	case "":
		return "dist is required: fixed, exponential, lognormal or gamma"
	case "fixed":
		if !set["value"] {
			return "fixed needs value (minutes)"
		}
		return only("value")
	case "exponential":
		if !set["mean"] || d.Mean <= 0 {
			return "exponential needs mean > 0 (minutes)"
		}
		return only("mean")
	case "lognormal":
		switch {
		case set["median"] && set["p90"]:
			if d.Median <= 0 || d.P90 <= d.Median {
				return "lognormal needs 0 < median < p90"
			}
			return only("median", "p90")
		case set["mean"] && set["sd"]:
			if d.Mean <= 0 || d.SD <= 0 {
				return "lognormal needs mean > 0 and sd > 0"
			}
			return only("mean", "sd")
		}
		return "lognormal needs median and p90, or mean and sd (minutes)"
	case "gamma":
		switch {
		case set["mean"] && set["sd"]:
			if d.Mean <= 0 || d.SD <= 0 {
				return "gamma needs mean > 0 and sd > 0"
			}
			return only("mean", "sd")
		case set["shape"] && set["scale"]:
			if d.Shape <= 0 || d.Scale <= 0 {
				return "gamma needs shape > 0 and scale > 0"
			}
			return only("shape", "scale")
		}
		return "gamma needs mean and sd, or shape and scale"
	}
	return ""
}

func joinWords(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += " and "
		}
		s += n
	}
	return s
}
