//go:build smoke

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSmokeRealWindow starts the real binary on the session's X display
// (make test runs it under scripts/with-session.sh), waits for its window,
// takes a screenshot, asks it to quit and checks that it exits cleanly and
// never touched a widget off the main goroutine.
func TestSmokeRealWindow(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run under scripts/with-session.sh")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "aztoken")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	app := exec.Command(bin)
	app.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=en_US.UTF-8")
	var output bytes.Buffer
	app.Stdout, app.Stderr = &output, &output
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, err := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(app.Process.Pid), "--name", "^aztoken").Output()
	if err != nil {
		app.Process.Kill()
		t.Fatalf("no aztoken window within 30 s: %v\n%s", err, output.String())
	}
	window := strings.Fields(string(id))[0]
	name, _ := exec.Command("xdotool", "getwindowname", window).Output()
	if !strings.HasPrefix(string(name), "aztoken") {
		t.Errorf("window title %q", name)
	}

	shot := filepath.Join(dir, "window.png")
	if dest := os.Getenv("AZTOKEN_SCREENSHOT"); dest != "" {
		shot = dest
	}
	time.Sleep(time.Second) // let the first frame render
	if out, err := exec.Command("import", "-window", window, shot).CombinedOutput(); err != nil {
		t.Errorf("screenshot: %v\n%s", err, out)
	} else if st, err := os.Stat(shot); err != nil || st.Size() < 1000 {
		t.Errorf("screenshot is empty: %v", err)
	}

	app.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit: %v\n%s", err, output.String())
		}
	case <-time.After(15 * time.Second):
		app.Process.Kill()
		t.Fatalf("still running 15 s after SIGTERM\n%s", output.String())
	}
	if strings.Contains(output.String(), "Error in Fyne call thread") {
		t.Errorf("a widget was touched off the main goroutine:\n%s", output.String())
	}
}
