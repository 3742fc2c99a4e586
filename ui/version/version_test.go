package version

import (
	"os"
	"regexp"
	"runtime/debug"
	"testing"
)

func TestReleaseMatchesFyneAppToml(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != Release {
		t.Errorf("FyneApp.toml says %q, the binary says %q", m, Release)
	}
}

// TestCommitNamesTheSourceOfEveryKindOfBuild: what each way of building
// aztoken leaves in the binary, and the commit a user reads from it.
func TestCommitNamesTheSourceOfEveryKindOfBuild(t *testing.T) {
	t.Parallel()
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "5d2f0a4cb4f9840da2ba74018ae5f64584d6c4a5"},
			{Key: "vcs.time", Value: "2026-12-04T15:44:21Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	tests := []struct {
		build   string
		version string
		vcs     []debug.BuildSetting
		want    string
	}{
		{"make build in a clean checkout", "v0.0.0-20261204154421-5d2f0a4cb4f9", vcs("false"), "5d2f0a4"},
		{"go build with uncommitted changes", "v0.0.0-20261204154421-5d2f0a4cb4f9+dirty", vcs("true"), "5d2f0a4-dirty"},
		{"go install module@commit", "v0.0.0-20261204154421-5d2f0a4cb4f9", nil, "5d2f0a4"},
		{"go install of a pre-release's successor", "v0.1.1-0.20261204154421-5d2f0a4cb4f9", nil, "5d2f0a4"},
		{"go install module@v0.1.0", "v0.1.0", nil, "v0.1.0"},
		{"go build -buildvcs=false", "(devel)", nil, "unknown"},
		{"a test binary", "", nil, "unknown"},
	}
	for _, tt := range tests {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/aztoken/aztoken", Version: tt.version}, Settings: tt.vcs}
		if got := commitOf(info); got != tt.want {
			t.Errorf("%s: commit %q, want %q", tt.build, got, tt.want)
		}
	}
}

func TestLineSaysReleaseAndCommit(t *testing.T) {
	t.Parallel()
	// This test binary carries no VCS stamp, so the commit is unknown.
	if got, want := Line(), "aztoken "+Release+" (commit unknown)"; got != want {
		t.Errorf("Line() = %q, want %q", got, want)
	}
}
