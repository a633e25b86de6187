package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed (bad input, I/O)
	exitUsage = 2 // the command line itself was wrong
)

// A command is one "sim CMD" subcommand.
type command struct {
	name  string
	args  string // synopsis of positional arguments, e.g. "ROADS.geojson"
	short string // one line for "sim --help"
	long  string // paragraph(s) for "sim CMD --help"
	// flags declares the command's flags on fs and returns the function that
	// runs the command once fs has been parsed.
	flags func(fs *pflag.FlagSet) func(env *env, args []string) error
}

// env is what a running command may touch: its output streams.
type env struct {
	stdout, stderr io.Writer
}

// usageError marks an error in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// commands lists every subcommand in the order "sim --help" shows them.
var commands = []*command{}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run is main without the os dependencies: it parses args, runs the command
// and returns the exit status. Errors are written to stderr.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) >= 2 && args[0] == "help" {
			if c := lookup(args[1]); c != nil {
				fs := newFlagSet(c, stderr)
				printCommandHelp(stdout, c, fs)
				return exitOK
			}
		}
		printMainHelp(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintf(stdout, "sim %s\n", version())
		return exitOK
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "sim: unknown command %q\nRun 'sim --help' for the list of commands.\n", args[0])
		return exitUsage
	}
	fs := newFlagSet(c, stderr)
	exec := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printCommandHelp(stdout, c, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "sim %s: %v\nRun 'sim %s --help' for usage.\n", c.name, err, c.name)
		return exitUsage
	}
	if err := exec(&env{stdout: stdout, stderr: stderr}, fs.Args()); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "sim %s: %v\nRun 'sim %s --help' for usage.\n", c.name, err, c.name)
			return exitUsage
		}
		fmt.Fprintf(stderr, "sim %s: %v\n", c.name, err)
		return exitError
	}
	return exitOK
}

func newFlagSet(c *command, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet("sim "+c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by run, help by printCommandHelp
	fs.SortFlags = false
	return fs
}

func printMainHelp(w io.Writer) {
	fmt.Fprintf(w, `sim: emergency medical service coverage and dispatch simulator

Usage:
  sim COMMAND [ARGS] [FLAGS]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.short)
	}
	fmt.Fprintf(w, `
Run 'sim COMMAND --help' for the flags of a command.
Exit status: 0 success, 1 error (bad input, I/O), 2 usage error.
`)
}

func printCommandHelp(w io.Writer, c *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "Usage:\n  sim %s %s\n\n%s\n", c.name, c.args, c.short)
	if c.long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(c.long, "\n"))
	}
	if u := fs.FlagUsages(); u != "" {
		fmt.Fprintf(w, "\nFlags:\n%s", u)
	}
}
