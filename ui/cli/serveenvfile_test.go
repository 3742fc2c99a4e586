//go:build !windows

// File modes and symbolic links as Unix has them.

package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// stderrLines forwards what a command writes to stderr, line by line.
func stderrLines(env *Env) <-chan string {
	r, w := io.Pipe()
	env.Stderr = w
	lines := make(chan string, 100)
	go func() {
		defer close(lines)
		s := bufio.NewScanner(r)
		for s.Scan() {
			lines <- s.Text()
		}
	}()
	return lines
}

// waitFor reads lines until one contains want, within a bounded time.
func waitFor(t *testing.T, lines <-chan string, want string) []string {
	t.Helper()
	var seen []string
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("stderr ended without %q:\n%s", want, strings.Join(seen, "\n"))
			}
			seen = append(seen, line)
			if strings.Contains(line, want) {
				return seen
			}
		case <-timeout:
			t.Fatalf("no %q on stderr within 10 s:\n%s", want, strings.Join(seen, "\n"))
		}
	}
}

func TestServeWritesItsVariablesToAFileOnlyTheUserReads(t *testing.T) {
	old := syscall.Umask(0o022) // the usual one, under which a redirect makes 0644
	defer syscall.Umask(old)
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	path := filepath.Join(w.dir, "serve.env")
	// A file a server killed earlier left behind, with a header that no
	// longer works.
	stale := "export IDENTITY_ENDPOINT=http://127.0.0.1:1/msi/token\nexport IDENTITY_HEADER=" + strings.Repeat("0", 64) + "\n"
	if err := os.WriteFile(path, []byte(stale), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout lockedBuffer
	w.env.Stdout = &stdout
	lines := stderrLines(w.env)
	ctx, ctrlC := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- Run(ctx, []string{"serve", "-p", "dev", "--env-file", path}, w.env) }()
	seen := waitFor(t, lines, "Serving dev tokens")

	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode() != 0o600 {
		t.Errorf("%s has mode %v, want -rw-------", path, fi.Mode())
	}
	data, _ := os.ReadFile(path)
	vars := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		name, value, _ := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		vars[name] = value
	}
	if string(data) == stale || len(vars["IDENTITY_HEADER"]) != 64 || !strings.HasSuffix(vars["IDENTITY_ENDPOINT"], "/msi/token") {
		t.Fatalf("%s holds:\n%s", path, data)
	}
	if stdout.String() != "" {
		t.Errorf("the variables went to stdout too: %q", stdout.String())
	}
	req, _ := http.NewRequest("GET", vars["IDENTITY_ENDPOINT"]+"?api-version=2019-08-01&resource=https://management.azure.com", nil)
	req.Header.Set("X-IDENTITY-HEADER", vars["IDENTITY_HEADER"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("with the file's variables: %d", resp.StatusCode)
	}
	if matches, _ := filepath.Glob(filepath.Join(w.dir, ".aztoken-serve-*")); len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}

	ctrlC()
	seen = append(seen, waitFor(t, lines, "Stopped.")...)
	select {
	case code := <-exit:
		if code != ExitOK {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on Ctrl+C")
	}
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("%s outlived the server, whose header no longer works: %v", path, err)
	}
	if log := strings.Join(seen, "\n"); strings.Contains(log, vars["IDENTITY_HEADER"]) || !strings.Contains(log, "readable by you only") {
		t.Errorf("stderr:\n%s", log)
	}
}

func TestServeEnvFileRefusesWhatItMustNotWrite(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	victim := filepath.Join(w.dir, "victim")
	mustWrite(t, victim, "someone else's file\n")
	link := filepath.Join(w.dir, "link.env")
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(w.dir, "dangling.env")
	if err := os.Symlink(filepath.Join(w.dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(w.dir, "go.mod")
	mustWrite(t, other, "module example\n")
	fifo := filepath.Join(w.dir, "fifo.env")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, says string
	}{
		{"a link to a file", link, "symbolic link"},
		{"a dangling link", dangling, "symbolic link"},
		{"another file", other, "not a file aztoken serve wrote"},
		{"a folder", w.dir, "not a file"},
		{"a FIFO", fifo, "not a file"},
		{"a missing folder", filepath.Join(w.dir, "missing", "serve.env"), "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := w.run("", "serve", "-p", "dev", "--env-file", tt.path)
			if code != ExitUsage || !strings.Contains(stderr, tt.says) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
			}
		})
	}
	for path, want := range map[string]string{victim: "someone else's file\n", other: "module example\n"} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s now holds %q", path, got)
		}
	}
	if _, err := os.Lstat(filepath.Join(w.dir, "nowhere")); !os.IsNotExist(err) {
		t.Error("a file was made where the dangling link points")
	}
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
