package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCLI runs the CLI in-process and returns its exit status and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	code, out, _ := runCLI(t)
	if code != exitUsage || !strings.Contains(out, "Commands:") {
		t.Errorf("no args: code %d, want %d and the command list; got %q", code, exitUsage, out)
	}
	code, out, _ = runCLI(t, "--help")
	if code != exitOK || !strings.Contains(out, "Usage:") {
		t.Errorf("--help: code %d, output %q", code, out)
	}
	code, _, errs := runCLI(t, "no-such-command")
	if code != exitUsage || !strings.Contains(errs, `unknown command "no-such-command"`) {
		t.Errorf("unknown command: code %d, stderr %q", code, errs)
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands {
		code, out, errs := runCLI(t, c.name, "--help")
		if code != exitOK || !strings.Contains(out, "sim "+c.name) {
			t.Errorf("sim %s --help: code %d, stdout %q, stderr %q", c.name, code, out, errs)
		}
		if c.short == "" {
			t.Errorf("sim %s has no one-line description", c.name)
		}
	}
}
