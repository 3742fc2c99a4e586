package cli

import (
	"strings"
	"testing"

	"github.com/aztoken/aztoken/ui/version"
)

func TestVersionCommandNamesVersionAndCommit(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	code, stdout, _ := w.run("", "version")
	if code != ExitOK || strings.TrimSpace(stdout) != version.Line() || !strings.HasPrefix(stdout, "aztoken "+version.Release+" (commit ") {
		t.Errorf("exit %d: %q", code, stdout)
	}
}
