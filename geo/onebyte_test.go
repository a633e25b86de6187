package geo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"reflect"
	"testing"
	"testing/iotest"
)

// A reader that gives one byte at a time makes the scanner move its buffer
// between a key and its ':' and value: the roads read must be the same.
func TestReadOneByteAtATime(t *testing.T) {
	for _, name := range []string{"speeds.geojson", "multi.geojson", "roundabout.geojson"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := ReadRoads(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		bytewise, err := ReadRoads(iotest.OneByteReader(bytes.NewReader(b)))
		if err != nil {
			t.Fatalf("%s one byte at a time: %v", name, err)
		}
		for i := 0; i < whole.Len(); i++ {
			if whole.Tags(i) != bytewise.Tags(i) || !reflect.DeepEqual(whole.Lines(i), bytewise.Lines(i)) {
				t.Errorf("%s feature %d: %+v / %+v", name, i, whole.Tags(i), bytewise.Tags(i))
			}
		}
		if whole.Len() != bytewise.Len() {
			t.Errorf("%s: %d and %d features", name, whole.Len(), bytewise.Len())
		}
	}
}

// ReadRoadsFile takes the file's size and SHA-256 while it reads it.
func TestReadRoadsFileHash(t *testing.T) {
	b, err := os.ReadFile("testdata/cross.geojson")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ReadRoadsFile("testdata/cross.geojson")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if st := r.Stats(); st.SHA256 != hex.EncodeToString(sum[:]) || st.Bytes != int64(len(b)) {
		t.Errorf("stats %q %d, want %x %d", st.SHA256, st.Bytes, sum, len(b))
	}
}
