package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress draws a one-line progress bar on a terminal; it draws nothing
// when w is not a terminal (a file, a pipe, a test buffer).
type progress struct {
	w     io.Writer
	what  string
	start time.Time
	mu    sync.Mutex
	on    bool
}

func newProgress(w io.Writer, what string) *progress {
	return &progress{w: w, what: what, start: time.Now(), on: isTerminal(w)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update draws done of total; safe for concurrent use.
func (p *progress) update(done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	const width = 30
	n := width * done / max(total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %s  %.1f s", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total,
		p.what, time.Since(p.start).Seconds())
	if done == total {
		fmt.Fprint(p.w, "\n")
	}
}
