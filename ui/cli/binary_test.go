//go:build keyring

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// These tests run the real aztoken binary, as a script would, against the
// emulator and the real Secret Service of the test D-Bus session (make test
// runs them inside scripts/with-session.sh).

// cliBinary is aztoken built once per test process, with -tags ci: these
// tests use only the command line, which never starts Fyne, and without
// GLFW the binary links without cgo, in a fraction of the time.
var cliBinary = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(builtDir, "aztoken")
	if out, err := exec.Command("go", "build", "-tags", "ci", "-o", bin, "github.com/aztoken/aztoken").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func binary(t *testing.T) string {
	t.Helper()
	bin, err := cliBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// process runs the binary with a private config folder and no display.
type process struct {
	t      *testing.T
	bin    string
	config string
	output bytes.Buffer // everything every run printed
}

func (p *process) run(stdin string, args ...string) (int, string, string) {
	p.t.Helper()
	cmd := exec.Command(p.bin, args...)
	cmd.Env = append(withoutDisplay(os.Environ()), "XDG_CONFIG_HOME="+p.config, "LANG=en_US.UTF-8")
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	p.output.Write(stdout.Bytes())
	p.output.Write(stderr.Bytes())
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	case err != nil:
		p.t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

func withoutDisplay(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			out = append(out, kv)
		}
	}
	return out
}

func TestBinaryWithTheRealKeyring(t *testing.T) {
	t.Parallel()
	srv := emulatortest.Start(t, emulator.Sample())
	p := &process{t: t, bin: binary(t), config: t.TempDir()}

	add := func(name, secret string) {
		code, _, stderr := p.run(secret+"\n", "profiles", "add", "--name", name, "--tenant", emulator.SampleTenant,
			"--client-id", emulator.SampleApp, "--cloud", "custom", "--authority-host", srv.URL(),
			"--arm-endpoint", srv.URL(), "--resource", "https://management.azure.com/", "--secret-stdin")
		if code != 0 {
			t.Fatalf("add %s: exit %d\n%s", name, code, stderr)
		}
	}
	add("dev", emulator.SampleSecret)

	// The secret is in the Secret Service under the profile's ID.
	path := filepath.Join(p.config, "aztoken", "profiles.json")
	store, err := profiles.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := store.ByName("dev")
	if got, err := profiles.NewKeyring().Get(context.Background(), dev.ID); err != nil || got != emulator.SampleSecret {
		t.Fatalf("keyring holds %q, %v", got, err)
	}

	for format, prefix := range map[string]string{"raw": "eyJ", "header": "Authorization: Bearer eyJ", "json": "{", "env": "export bearerToken="} {
		code, stdout, stderr := p.run("", "token", "-p", "dev", "--format", format)
		if code != 0 || !strings.HasPrefix(stdout, prefix) {
			t.Errorf("--format %s: exit %d, stdout %.40q, stderr %s", format, code, stdout, stderr)
		}
	}

	if code, _, _ := p.run("", "token", "-p", "dev", "--bogus"); code != ExitUsage {
		t.Errorf("bad flag: exit %d", code)
	}
	if code, _, _ := p.run("", "token", "-p", "nobody"); code != ExitUsage {
		t.Errorf("unknown profile: exit %d", code)
	}

	add("wrong", emulator.SampleSecretID)
	code, _, stderr := p.run("", "token", "-p", "wrong")
	if code != ExitCredential || !strings.Contains(stderr, "AADSTS7000215") || !strings.Contains(stderr, "is a Secret ID, a GUID") {
		t.Errorf("wrong secret: exit %d\n%s", code, stderr)
	}

	if code, _, stderr := p.run("", "profiles", "rm", "dev", "--yes"); code != 0 {
		t.Fatalf("rm: %s", stderr)
	}
	if _, err := profiles.NewKeyring().Get(context.Background(), dev.ID); !errors.Is(err, profiles.ErrSecretNotFound) {
		t.Errorf("secret left in the keyring after rm: %v", err)
	}

	// The secret never reached the output or the config folder.
	if bytes.Contains(p.output.Bytes(), []byte(emulator.SampleSecret)) {
		t.Error("the secret was printed")
	}
	filepath.WalkDir(p.config, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(path); bytes.Contains(data, []byte(emulator.SampleSecret)) {
				t.Errorf("%s holds the secret", path)
			}
		}
		return nil
	})
}
