//go:build keyring && linux

package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// The real tray, end to end. These run the real aztoken binary (the ci tag
// gives this test binary Fyne's headless driver, which has no tray) inside
// scripts/with-session.sh: an X display, a private session bus and an
// unlocked gnome-keyring. On that bus the test stands in for the desktop:
// a StatusNotifierWatcher that a panel would own, and a notification
// server. It reads the tray's menu through com.canonical.dbusmenu and
// clicks it, as a panel does, and reads the clipboard with xclip. Each
// app gets an X display of its own, so its clipboard never meets another
// package's clipboard tests running at the same time.

// sniWatcher is a stand-in org.kde.StatusNotifierWatcher with a host, as
// a desktop panel provides. fyne.io/systray calls
// RegisterStatusNotifierItem with its object path, so the item's bus name
// is the caller's.
type sniWatcher struct {
	conn  *dbus.Conn
	props *prop.Properties
	items chan sniItem
	mu    sync.Mutex
	names []string
}

// sniItem is a registered tray icon.
type sniItem struct {
	bus  string
	path dbus.ObjectPath
}

func sessionConn(t *testing.T) *dbus.Conn {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no session bus: run under scripts/with-session.sh")
	}
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err == nil {
		err = conn.Auth(nil)
	}
	if err == nil {
		err = conn.Hello()
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func ownBusName(t *testing.T, conn *dbus.Conn, name string) {
	t.Helper()
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("cannot own %s: %v %v", name, reply, err)
	}
}

func startWatcher(t *testing.T) *sniWatcher {
	t.Helper()
	w := &sniWatcher{conn: sessionConn(t), items: make(chan sniItem, 8)}
	const iface = "org.kde.StatusNotifierWatcher"
	if err := w.conn.Export(w, sniWatcherPath, iface); err != nil {
		t.Fatal(err)
	}
	props, err := prop.Export(w.conn, sniWatcherPath, prop.Map{iface: {
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitTrue},
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitTrue},
	}})
	if err != nil {
		t.Fatal(err)
	}
	w.props = props
	ownBusName(t, w.conn, iface)
	return w
}

func (w *sniWatcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	item := sniItem{bus: string(sender), path: dbus.ObjectPath(service)}
	if !strings.HasPrefix(service, "/") { // a bus name, as other items send
		item = sniItem{bus: service, path: "/StatusNotifierItem"}
	}
	w.mu.Lock()
	w.names = append(w.names, item.bus+string(item.path))
	w.props.SetMust("org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems", append([]string(nil), w.names...))
	w.mu.Unlock()
	w.conn.Emit(sniWatcherPath, "org.kde.StatusNotifierWatcher.StatusNotifierItemRegistered", item.bus+string(item.path))
	w.items <- item
	return nil
}

func (w *sniWatcher) RegisterStatusNotifierHost(string) *dbus.Error { return nil }

// waitItem is the first tray icon to register.
func (w *sniWatcher) waitItem(t *testing.T, app *aztokenProcess) sniItem {
	t.Helper()
	select {
	case item := <-w.items:
		return item
	case <-time.After(30 * time.Second):
		t.Fatalf("no tray icon registered within 30 s\n%s", app.output())
	}
	return sniItem{}
}

// notificationServer is a stand-in org.freedesktop.Notifications.
type notificationServer struct{ sent chan [2]string }

func startNotificationServer(t *testing.T) *notificationServer {
	t.Helper()
	n := &notificationServer{sent: make(chan [2]string, 8)}
	conn := sessionConn(t)
	if err := conn.Export(n, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	ownBusName(t, conn, "org.freedesktop.Notifications")
	return n
}

func (n *notificationServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	n.sent <- [2]string{summary, body}
	return 1, nil
}

func (n *notificationServer) wait(t *testing.T, app *aztokenProcess) [2]string {
	t.Helper()
	select {
	case got := <-n.sent:
		return got
	case <-time.After(15 * time.Second):
		t.Fatalf("no notification within 15 s\n%s", app.output())
	}
	return [2]string{}
}

// trayEntry is one item of a dbusmenu layout.
type trayEntry struct {
	id      int32
	label   string
	enabled bool
}

// trayMenuOf reads the item's menu as a panel would.
func trayMenuOf(t *testing.T, conn *dbus.Conn, item sniItem) []trayEntry {
	t.Helper()
	v, err := conn.Object(item.bus, item.path).GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		t.Fatal(err)
	}
	var revision uint32
	var layout struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	err = conn.Object(item.bus, v.Value().(dbus.ObjectPath)).Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).Store(&revision, &layout)
	if err != nil {
		t.Fatal(err)
	}
	var entries []trayEntry
	for _, c := range layout.Children {
		fields, ok := c.Value().([]any)
		if !ok || len(fields) < 2 {
			continue
		}
		props, _ := fields[1].(map[string]dbus.Variant)
		e := trayEntry{id: fields[0].(int32), enabled: true}
		if l, ok := props["label"]; ok {
			e.label, _ = l.Value().(string)
		}
		if en, ok := props["enabled"]; ok {
			e.enabled, _ = en.Value().(bool)
		}
		if e.label != "" {
			entries = append(entries, e)
		}
	}
	return entries
}

// waitTrayEntry polls the menu until an item's label matches.
func waitTrayEntry(t *testing.T, conn *dbus.Conn, item sniItem, app *aztokenProcess, label *regexp.Regexp) trayEntry {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last []trayEntry
	for time.Now().Before(deadline) {
		last = trayMenuOf(t, conn, item)
		for _, e := range last {
			if label.MatchString(e.label) {
				return e
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no tray item %v in %+v\n%s", label, last, app.output())
	return trayEntry{}
}

func clickTrayEntry(t *testing.T, conn *dbus.Conn, item sniItem, e trayEntry) {
	t.Helper()
	v, err := conn.Object(item.bus, item.path).GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		t.Fatal(err)
	}
	err = conn.Object(item.bus, v.Value().(dbus.ObjectPath)).Call("com.canonical.dbusmenu.Event", 0, e.id, "clicked", dbus.MakeVariant(""), uint32(0)).Err
	if err != nil {
		t.Fatal(err)
	}
}

// aztokenProcess is the real aztoken with its own config folder.
type aztokenProcess struct {
	// display is the app's own X display, such as ":5".
	display string
	cmd     *exec.Cmd
	exited  chan error
	mu      sync.Mutex
	out     bytes.Buffer
}

func (p *aztokenProcess) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

// x runs an X client (xdotool, xclip) on the app's display.
func (p *aztokenProcess) x(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+p.display)
	return cmd
}

func (p *aztokenProcess) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// realBinary is the real (cgo, GLFW) aztoken: the one make test built for
// the whole run, named by AZTOKEN_TEST_BINARY, or else built once per test
// process. Linking it takes seconds even with a warm build cache.
var realBinary = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("AZTOKEN_TEST_BINARY"); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(builtDir, "aztoken")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/aztoken/aztoken").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func aztokenBinary(t *testing.T) string {
	t.Helper()
	bin, err := realBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// seedCLIProfile adds a profile for the emulator's sample app with the CLI,
// its secret going to the session's real keyring.
func seedCLIProfile(t *testing.T, bin, config, name string, srv *emulator.Server) {
	t.Helper()
	cmd := exec.Command(bin, "profiles", "add", "--name", name, "--tenant", emulator.SampleTenant,
		"--client-id", emulator.SampleApp, "--cloud", "custom", "--authority-host", srv.URL(),
		"--arm-endpoint", srv.URL(), "--resource", "https://management.azure.com/", "--secret-stdin")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+config, "LANG=en_US.UTF-8")
	cmd.Stdin = strings.NewReader(emulator.SampleSecret + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("profiles add: %v\n%s", err, out)
	}
}

// startDisplay starts a virtual X display for one app and names it.
func startDisplay(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w} // fd 3
	err = xvfb.Start()
	w.Close()
	if err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	// Ended cleanly, so the next display does not trip on its leftovers.
	t.Cleanup(func() { xvfb.Process.Signal(syscall.SIGTERM); xvfb.Wait() })
	r.SetReadDeadline(time.Now().Add(15 * time.Second))
	var buf [16]byte
	n, err := r.Read(buf[:])
	number := strings.TrimSpace(string(buf[:n]))
	if err != nil || number == "" {
		t.Fatalf("Xvfb named no display: %v", err)
	}
	display := ":" + number
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		probe := exec.Command("xdotool", "getdisplaygeometry")
		probe.Env = append(os.Environ(), "DISPLAY="+display)
		if probe.Run() == nil {
			return display
		}
		if time.Now().After(deadline) {
			t.Fatalf("display %s does not answer", display)
		}
	}
}

// startAztoken runs the window with extra environment.
func startAztoken(t *testing.T, bin, config string, env ...string) *aztokenProcess {
	t.Helper()
	p := &aztokenProcess{display: startDisplay(t), exited: make(chan error, 1)}
	p.cmd = exec.Command(bin)
	p.cmd.Env = append(append(os.Environ(), "XDG_CONFIG_HOME="+config, "LANG=en_US.UTF-8", "DISPLAY="+p.display), env...)
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("aztoken's output:\n%s", p.output())
		}
	})
	return p
}

// window is the app's visible window, waiting for it.
func (p *aztokenProcess) window(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	id, err := p.x(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--pid", strconv.Itoa(p.cmd.Process.Pid), "--name", "^aztoken").Output()
	if err != nil {
		t.Fatalf("no visible aztoken window within 30 s: %v\n%s", err, p.output())
	}
	return strings.Fields(string(id))[0]
}

// visible reports whether the app shows a window now.
func (p *aztokenProcess) visible() bool {
	err := p.x(context.Background(), "xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(p.cmd.Process.Pid), "--name", "^aztoken").Run()
	return err == nil
}

// closeWindow presses Ctrl+W in the window, which does what its close
// button does. (Xvfb runs no window manager to send WM_DELETE_WINDOW.)
func (p *aztokenProcess) closeWindow(t *testing.T) {
	t.Helper()
	win := p.window(t)
	time.Sleep(500 * time.Millisecond) // let the first frame settle
	if out, err := p.x(context.Background(), "xdotool", "windowfocus", "--sync", win).CombinedOutput(); err != nil {
		t.Fatalf("focus: %v %s", err, out)
	}
	if out, err := p.x(context.Background(), "xdotool", "key", "--clearmodifiers", "ctrl+w").CombinedOutput(); err != nil {
		t.Fatalf("ctrl+w: %v %s", err, out)
	}
}

// waitExit waits for the app to end by itself, cleanly.
func (p *aztokenProcess) waitExit(t *testing.T, why string) {
	t.Helper()
	select {
	case err := <-p.exited:
		p.exited <- err // for the cleanup
		if err != nil {
			t.Errorf("%s: exit %v\n%s", why, err, p.output())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("%s: still running 15 s later, an invisible process\n%s", why, p.output())
	}
	for _, bad := range []string{"panic:", "Error in Fyne call thread"} {
		if strings.Contains(p.output(), bad) {
			t.Errorf("output has %q:\n%s", bad, p.output())
		}
	}
}

func (p *aztokenProcess) running() bool {
	select {
	case err := <-p.exited:
		p.exited <- err
		return false
	default:
		return true
	}
}

func (p *aztokenProcess) clipboard() string {
	out, err := p.x(context.Background(), "xclip", "-o", "-selection", "clipboard").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// trayWorld is what the end-to-end tray tests share: a stand-in tray host
// and notification server on the session bus, the emulator, the built
// binary and a config folder with a profile "e2e" on the emulator.
func trayWorld(t *testing.T) (watcher *sniWatcher, notes *notificationServer, bin, config string) {
	t.Helper()
	watcher, notes = startWatcher(t), startNotificationServer(t)
	srv := emulatortest.Start(t, emulator.Sample())
	bin, config = aztokenBinary(t), t.TempDir()
	seedCLIProfile(t, bin, config, "e2e", srv)
	return watcher, notes, bin, config
}

func TestTrayEndToEndCopiesHidesAndQuits(t *testing.T) {
	watcher, notes, bin, config := trayWorld(t)

	app := startAztoken(t, bin, config)
	item := watcher.waitItem(t, app)
	copyItem := waitTrayEntry(t, watcher.conn, item, app, regexp.MustCompile(`^Copy header · e2e \(no token yet\)$`))
	waitTrayEntry(t, watcher.conn, item, app, regexp.MustCompile(`^Show aztoken$`))

	clickTrayEntry(t, watcher.conn, item, copyItem)
	var header string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if header = app.clipboard(); strings.HasPrefix(header, "Authorization: Bearer eyJ") {
			break
		}
	}
	bearer, ok := strings.CutPrefix(header, "Authorization: Bearer ")
	if !ok || strings.ContainsAny(bearer, " \n") {
		t.Fatalf("the clipboard holds %.60q, want exactly the header\n%s", header, app.output())
	}
	jwt, err := tokens.DecodeJWT(bearer)
	if err != nil || jwt.Claims.AppID != emulator.SampleApp || jwt.Claims.TenantID != emulator.SampleTenant {
		t.Errorf("the copied token is not the sample app's: %+v %v", jwt.Claims, err)
	}
	got := notes.wait(t, app)
	if got[0] != "Header copied" || !regexp.MustCompile(`^Copied header for e2e \(expires \d\d:\d\d\)$`).MatchString(got[1]) {
		t.Errorf("notification %q", got)
	}
	waitTrayEntry(t, watcher.conn, item, app, regexp.MustCompile(`^Copy header · e2e \((59|60) min left\)$`))

	// With a host, closing hides the window in the tray.
	app.closeWindow(t)
	for deadline := time.Now().Add(10 * time.Second); app.visible() && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if app.visible() || !app.running() {
		t.Fatalf("closing should hide the window and keep the app in the tray: visible %v, running %v\n%s", app.visible(), app.running(), app.output())
	}
	clickTrayEntry(t, watcher.conn, item, waitTrayEntry(t, watcher.conn, item, app, regexp.MustCompile(`^Show aztoken$`)))
	app.window(t)

	quits := 0
	for _, e := range trayMenuOf(t, watcher.conn, item) {
		if e.label == "Quit" {
			quits++
		}
	}
	if quits != 1 {
		t.Errorf("%d Quit items: Fyne appended its own", quits)
	}
	clickTrayEntry(t, watcher.conn, item, waitTrayEntry(t, watcher.conn, item, app, regexp.MustCompile(`^Quit$`)))
	app.waitExit(t, "Quit in the tray")
}

func TestTrayEndToEndWithoutAHostClosingQuits(t *testing.T) {
	sessionConn(t) // only checks the session
	bin, config := aztokenBinary(t), t.TempDir()
	app := startAztoken(t, bin, config)
	app.closeWindow(t)
	app.waitExit(t, "closing without a tray host")
}

func TestTrayEndToEndWithoutASessionBusClosingQuits(t *testing.T) {
	sessionConn(t)
	bin, config := aztokenBinary(t), t.TempDir()
	// No tray may start: Fyne's Quit would panic leaving a bus it never
	// reached.
	app := startAztoken(t, bin, config, "DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	app.closeWindow(t)
	app.waitExit(t, "closing without a session bus")
}

func TestTrayEndToEndWithoutAClipboardTool(t *testing.T) {
	watcher, notes, bin, config := trayWorld(t)

	// No xclip, xsel or wl-clipboard on this PATH.
	app := startAztoken(t, bin, config, "PATH="+t.TempDir())
	item := watcher.waitItem(t, app)
	clickTrayEntry(t, watcher.conn, item, waitTrayEntry(t, watcher.conn, item, app, regexp.MustCompile(`^Copy header · e2e`)))
	got := notes.wait(t, app)
	want := "Could not copy the header for e2e: no clipboard tool found: install xclip or xsel (X11) or wl-clipboard (Wayland)"
	if got[0] != "Copy failed" || got[1] != want {
		t.Errorf("notification %q, want %q", got, want)
	}
	app.cmd.Process.Signal(syscall.SIGTERM)
	app.waitExit(t, "SIGTERM")
}
