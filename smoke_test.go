//go:build smoke

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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
	bin := buildApp(t)

	app, output, exited := startApp(t, bin, dir)

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
	if err := screenshotDrawn(window, shot); err != nil {
		t.Errorf("screenshot: %v", err)
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

// startApp starts the binary with args and a private config folder in
// dir; exited reports its end, output everything it printed.
func startApp(t *testing.T, bin, dir string, args ...string) (app *exec.Cmd, output *bytes.Buffer, exited chan error) {
	t.Helper()
	app = exec.Command(bin, args...)
	app.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=en_US.UTF-8")
	output = new(bytes.Buffer)
	app.Stdout, app.Stderr = output, output
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	exited = make(chan error, 1)
	go func() { exited <- app.Wait() }()
	return app, output, exited
}

// screenshotDrawn saves a shot of window once its first frame is drawn.
// X announces no "frame drawn", so shots are taken until one holds more
// than a single colour (a window not yet painted is one flat colour), for
// at most 15 s.
func screenshotDrawn(window, shot string) error {
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if out, err := exec.Command("import", "-window", window, shot).CombinedOutput(); err != nil {
			return fmt.Errorf("%v\n%s", err, out)
		}
		colours, err := exec.Command("identify", "-format", "%k", shot).Output()
		if err != nil {
			return fmt.Errorf("identify: %v", err)
		}
		if n, _ := strconv.Atoi(strings.TrimSpace(string(colours))); n > 1 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the window was still one flat colour 15 s after it appeared")
		}
	}
}

// buildApp is the real binary, built at most once per run.
func buildApp(t *testing.T) string {
	t.Helper()
	bin, err := realBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// builtDir holds the binary this test process builds, if it builds one,
// and is removed when the tests are done.
var builtDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "aztoken-smoke-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	builtDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// realBinary is the real (cgo, GLFW) aztoken: the one make test built for
// the whole run, named by AZTOKEN_TEST_BINARY, or else built once per test
// process. Linking it takes seconds even with a warm build cache.
var realBinary = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("AZTOKEN_TEST_BINARY"); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(builtDir, "aztoken")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// TestSmokeDemoWindowStaysOnScreen drives the offline demo from the
// keyboard on the session's screen (1366×768, a common laptop's) through
// a token, the test call, the setup check and a failed token request, and
// checks after each that the window still fits the screen: before #15 it
// grew to 803–1112 px tall, past the screen's edge.
func TestSmokeDemoWindowStaysOnScreen(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run under scripts/with-session.sh")
	}
	dir := t.TempDir()
	bin := buildApp(t)
	screen := displaySize(t)

	app, output, exited := startApp(t, bin, dir, "--demo")
	defer func() {
		app.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			app.Process.Kill()
			t.Errorf("still running 15 s after SIGTERM\n%s", output.String())
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, err := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(app.Process.Pid), "--name", "^aztoken").Output()
	if err != nil {
		t.Fatalf("no demo window within 30 s: %v\n%s", err, output.String())
	}
	window := strings.Fields(string(id))[0]
	onScreen := func(after string) {
		t.Helper()
		// The window has no signal for "the answer is drawn", so it is
		// watched for a while: it must fit the screen all along.
		for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
			g := windowGeometry(t, window)
			if g.x < 0 || g.y < 0 || g.x+g.w > screen.w || g.y+g.h > screen.h {
				t.Errorf("after %s the window is %dx%d at %d,%d: past the %dx%d screen", after, g.w, g.h, g.x, g.y, screen.w, screen.h)
				return
			}
		}
	}
	press := func(keys string) {
		t.Helper()
		if out, err := exec.Command("xdotool", "key", "--window", window, "--clearmodifiers", keys).CombinedOutput(); err != nil {
			t.Fatalf("xdotool key %s: %v\n%s", keys, err, out)
		}
	}
	// AZTOKEN_SCREENSHOTS names a folder for a shot of the screen after
	// each step, to look at.
	shots := os.Getenv("AZTOKEN_SCREENSHOTS")
	step := func(keys, after string) {
		t.Helper()
		press(keys)
		onScreen(after)
		if shots != "" {
			shot := filepath.Join(shots, "demo-"+strings.ReplaceAll(after, " ", "-")+".png")
			if out, err := exec.Command("import", "-window", "root", shot).CombinedOutput(); err != nil {
				t.Errorf("screenshot: %v\n%s", err, out)
			}
		}
	}
	exec.Command("xdotool", "windowfocus", "--sync", window).Run()

	onScreen("opening")
	step("ctrl+r", "a token")
	step("ctrl+t", "the test call")
	step("ctrl+shift+t", "the setup check")
	// The demo's "Wrong secret" profile holds the Secret ID, not the Value.
	press("ctrl+f")
	if out, err := exec.Command("xdotool", "type", "--window", window, "wrong").CombinedOutput(); err != nil {
		t.Fatalf("xdotool type: %v\n%s", err, out)
	}
	press("Return")
	step("ctrl+r", "a failed token request")
	if strings.Contains(output.String(), "Error in Fyne call thread") {
		t.Errorf("a widget was touched off the main goroutine:\n%s", output.String())
	}
}

// rect is a window's or the screen's place and size in pixels.
type rect struct{ x, y, w, h int }

// displaySize is the X screen's size.
func displaySize(t *testing.T) rect {
	t.Helper()
	out, err := exec.Command("xdotool", "getdisplaygeometry").Output()
	var r rect
	if err == nil {
		_, err = fmt.Sscanf(string(out), "%d %d", &r.w, &r.h)
	}
	if err != nil {
		t.Fatalf("xdotool getdisplaygeometry: %v", err)
	}
	return r
}

// windowGeometry is where window is and how big, as X sees it.
func windowGeometry(t *testing.T, window string) rect {
	t.Helper()
	out, err := exec.Command("xdotool", "getwindowgeometry", "--shell", window).Output()
	if err != nil {
		t.Fatalf("xdotool getwindowgeometry: %v", err)
	}
	var r rect
	for _, line := range strings.Fields(string(out)) {
		name, value, _ := strings.Cut(line, "=")
		n, _ := strconv.Atoi(value)
		switch name {
		case "X":
			r.x = n
		case "Y":
			r.y = n
		case "WIDTH":
			r.w = n
		case "HEIGHT":
			r.h = n
		}
	}
	return r
}
