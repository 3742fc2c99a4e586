package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// errHelpShown ends a command after -h printed its help.
var errHelpShown = errors.New("help shown")

// newFlagSet makes a command's flag set, whose -h prints the usage line,
// the description and the examples to stdout.
func newFlagSet(name, usage, help string, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := env.Stdout
		fmt.Fprintf(w, "Usage: aztoken %s %s\n\n%s\n", name, usage, help)
		if hasFlags(fs) {
			fmt.Fprintln(w, "\nFlags:")
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses args, turning -h (whose help Parse has printed) into
// errHelpShown and a bad flag into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return errHelpShown
	case err != nil:
		return usageErrorf("%s: %v", fs.Name(), err)
	}
	return nil
}

// noArgs refuses positional arguments a command does not take.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usageErrorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// flagSet reports whether the command line gave flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
