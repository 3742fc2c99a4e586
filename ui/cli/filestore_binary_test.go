//go:build keyring

package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// TestBinaryFileStoreTwoProcessesAtOnce runs two real aztoken processes
// adding profiles to one secrets.age at once, as two scripts would, then
// gets a token from each profile's secret, and searches every output and
// the config folder for the secrets and the passphrase.
func TestBinaryFileStoreTwoProcessesAtOnce(t *testing.T) {
	t.Parallel()
	srv := emulatortest.Start(t, emulator.Sample())
	bin, config := binary(t), t.TempDir()
	const passphrase = "binary-test-passphrase~42"
	var mu sync.Mutex
	var output bytes.Buffer
	run := func(stdin string, args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(withoutDisplay(os.Environ()), "XDG_CONFIG_HOME="+config, "LANG=en_US.UTF-8",
			"AZTOKEN_SECRET_STORE=file", PassphraseEnv+"="+passphrase)
		cmd.Stdin = strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		mu.Lock()
		output.Write(out)
		mu.Unlock()
		if exit, ok := err.(*exec.ExitError); ok {
			return exit.ExitCode(), string(out)
		}
		return 0, string(out)
	}
	var wg sync.WaitGroup
	for _, who := range []string{"a", "b"} {
		wg.Go(func() {
			for i := range 4 {
				name := fmt.Sprintf("%s%d", who, i)
				if code, out := run(emulator.SampleSecret+"\n", "profiles", "add", "--name", name, "--tenant", emulator.SampleTenant,
					"--client-id", emulator.SampleApp, "--cloud", "custom", "--authority-host", srv.URL(),
					"--arm-endpoint", srv.URL(), "--resource", "https://management.azure.com/", "--secret-stdin"); code != 0 {
					t.Errorf("add %s: exit %d: %s", name, code, out)
				}
			}
		})
	}
	wg.Wait()
	for _, who := range []string{"a", "b"} {
		for i := range 4 {
			name := fmt.Sprintf("%s%d", who, i)
			if code, out := run("", "token", "-p", name, "--format", "header"); code != 0 || !strings.Contains(out, "Bearer eyJ") {
				t.Errorf("token %s (its secret lost?): exit %d: %s", name, code, out)
			}
		}
	}
	if code, out := run("", "secrets", "use"); code != 0 || !strings.Contains(out, "file (chosen by AZTOKEN_SECRET_STORE)") {
		t.Errorf("secrets use: %d %s", code, out)
	}
	for _, known := range []string{emulator.SampleSecret, passphrase} {
		if bytes.Contains(output.Bytes(), []byte(known)) {
			t.Errorf("the output shows %q", known)
		}
		filepath.WalkDir(config, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if data, _ := os.ReadFile(path); bytes.Contains(data, []byte(known)) {
					t.Errorf("%s holds %q", path, known)
				}
			}
			return nil
		})
	}
	if _, err := os.Stat(filepath.Join(config, "aztoken", "secrets.age")); err != nil {
		t.Error(err)
	}
}
