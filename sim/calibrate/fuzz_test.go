package calibrate

import (
	"bytes"
	"testing"
)

// FuzzReadLog: no log makes the reader panic; what it keeps has its
// received time and times that never go backwards.
func FuzzReadLog(f *testing.F) {
	f.Add([]byte("开始受理时间,收到指令时间,驶向现场时间,到达现场时间,接车地址经度,接车地址纬度\n2026-01-05 08:00:00,2026-01-05 08:01:00,2026-01-05 08:02:00,2026-01-05 08:10:00,112.1,28.1\n"))
	f.Add([]byte("received,lon,lat,priority\n10,112,28,P1\n5,112,28,P2\n\"unterminated\n"))
	f.Add([]byte("摘机时间,派车时间,乡镇\n2026/1/5 8:00,2026/1/5 7:59,花明楼镇\n"))
	f.Add([]byte("received_min,on_scene_min,township,replication,wait_min\n1,2,T,0,-1\n1,2,T,1,0\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lg, err := readLog(bytes.NewReader(b), "fuzz.csv", Options{})
		if err != nil {
			return
		}
		for _, c := range lg.Calls {
			prev := -1e300
			for _, tf := range timeFields {
				v, ok := c.Time(tf)
				if !ok {
					continue
				}
				if v < prev {
					t.Fatalf("line %d: %s goes backwards", c.Line, tf)
				}
				prev = v
			}
			if !c.Has(Received) {
				t.Fatalf("line %d kept without a received time", c.Line)
			}
		}
	})
}
