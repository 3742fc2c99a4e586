//go:build keyring

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestQuietInEveryLocale runs the real binary in the locales of containers,
// CI runners and SSH sessions: each prints exactly what it prints under
// en_US.UTF-8, and nothing else on stderr. Fyne used to add "Error parsing
// user locale C" three times for C.UTF-8 (see package ui/locale).
func TestQuietInEveryLocale(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	config := t.TempDir()
	run := func(lang string, args ...string) (string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(withoutLocale(withoutDisplay(os.Environ())), "XDG_CONFIG_HOME="+config)
		if lang != "unset" {
			cmd.Env = append(cmd.Env, "LANG="+lang)
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("LANG=%s aztoken %s: %v\n%s", lang, strings.Join(args, " "), err, stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	for _, args := range [][]string{{"version"}, {"profiles", "list"}} {
		wantOut, wantErr := run("en_US.UTF-8", args...)
		for _, lang := range []string{"unset", "", "C", "POSIX", "C.UTF-8", "C.utf8", "de_DE.UTF-8"} {
			out, errs := run(lang, args...)
			if out != wantOut || errs != wantErr {
				t.Errorf("LANG=%q aztoken %s printed\n%s%s\nwant, as under en_US.UTF-8,\n%s%s",
					lang, strings.Join(args, " "), out, errs, wantOut, wantErr)
			}
		}
	}
}

func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if name != "LANG" && name != "LANGUAGE" && !strings.HasPrefix(name, "LC_") {
			out = append(out, kv)
		}
	}
	return out
}
