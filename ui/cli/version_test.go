package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestVersionMatchesFyneAppToml(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != Version {
		t.Errorf("FyneApp.toml says %q, the binary says %q", m, Version)
	}
}

func TestVersionCommandNamesVersionAndCommit(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	commit = "abc1234"
	defer func() { commit = "" }()
	code, stdout, _ := w.run("", "version")
	if code != ExitOK || strings.TrimSpace(stdout) != "aztoken "+Version+" (commit abc1234)" {
		t.Errorf("exit %d: %q", code, stdout)
	}
}
