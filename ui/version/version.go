// Package version says which aztoken a binary is: its release and the
// commit it was built from, read from what the Go toolchain stamps into
// every binary. The window's About dialog and `aztoken version` both print
// Line, so the two front ends cannot disagree, and neither imports the
// other for it.
package version

import (
	"runtime/debug"
	"strings"
)

// Release is aztoken's version, the same as FyneApp.toml's (a test keeps
// the two equal, so packages and `aztoken version` agree).
const Release = "0.1.0"

// Line is what `aztoken version` and the About dialog say, such as
// "aztoken 0.1.0 (commit 5d2f0a4)".
func Line() string {
	return "aztoken " + Release + " (commit " + Commit() + ")"
}

// Commit names the source the binary was built from; see commitOf.
func Commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return unknown
	}
	return commitOf(info)
}

const unknown = "unknown"

// commitOf reads the commit from build information. `go build` in a git
// checkout records vcs.revision, shortened here as git does, and
// vcs.modified, shown as git describe --dirty shows it. `go install
// module@version` records no VCS settings but the module's version, whose
// pseudo-version ends with the revision (v0.0.0-20261204154421-5d2f0a4cb4f9)
// and whose release tag names the commit by itself. A test binary has
// neither.
func commitOf(info *debug.BuildInfo) string {
	var rev, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 7:
			rev = s.Value[:7]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "-dirty"
		}
	}
	if rev != "" {
		return rev + dirty
	}
	switch v := info.Main.Version; {
	case v == "" || v == "(devel)":
		return unknown
	case pseudo(v):
		return v[strings.LastIndexByte(v, '-')+1:][:7]
	default:
		return v
	}
}

// pseudo reports whether v is a Go pseudo-version, whose last field is a
// 12-digit revision: vX.Y.Z-yyyymmddhhmmss-abcdefabcdef, or with
// "-0." or ".0." before the timestamp.
func pseudo(v string) bool {
	v, _, _ = strings.Cut(v, "+") // +incompatible, +dirty
	i := strings.LastIndexByte(v, '-')
	if i < 0 || len(v)-i-1 != 12 || i < 15 {
		return false
	}
	stamp := v[i-14 : i]
	return strings.Trim(stamp, "0123456789") == "" && strings.Trim(v[i+1:], "0123456789abcdef") == ""
}
