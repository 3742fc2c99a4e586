package ui

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

// builtDir holds what this test process builds once, such as the aztoken
// binary, and is removed when the tests are done.
var builtDir string

func TestMain(m *testing.M) {
	flag.Parse()
	if err := shard(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "aztoken-ui-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	builtDir = dir
	defer os.RemoveAll(dir)
	m.Run()
}
