package ui

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/server"
)

// askMSI asks an endpoint for a token as an Azure SDK would.
func askMSI(t *testing.T, endpoint, header string) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, endpoint+"?api-version="+server.MSIAPIVersion+"&resource=https://management.azure.com/", nil)
	if err != nil {
		t.Fatal(err)
	}
	if header != "" {
		req.Header.Set(server.HeaderName, header)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, nil
	}
	defer resp.Body.Close()
	// The body ends only when the server's handler has returned, and with
	// it the log that counts the tokens served: read to its end, the
	// answer is counted.
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the answer: %v", err)
	}
	var body map[string]any
	json.Unmarshal(data, &body)
	return resp, body
}

func TestServeSwitchStartsAndStopsTheEndpoint(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.openTab(w.serveTab)
	v := w.serve
	if v.details.Visible() {
		t.Fatal("the variables show only while serving")
	}

	test.Tap(v.on)
	f.wait()
	ts, ok := w.ctrl.server(w.ctrl.selected)
	if !ok || !v.on.Checked || !v.details.Visible() {
		t.Fatalf("switching on should start the endpoint: %s", v.errors.message.Text)
	}
	endpoint, header := ts.srv.Endpoint(), ts.srv.Header()
	if v.endpoint.Text != endpoint || !strings.HasPrefix(endpoint, "http://127.0.0.1:") || v.port.entry.Text != portOf(ts.srv) {
		t.Errorf("endpoint shown %q, port %q; want %q", v.endpoint.Text, v.port.entry.Text, endpoint)
	}
	if strings.Contains(v.header.Text, header) {
		t.Error("the header value is copied, not shown whole")
	}
	tok := f.currentToken() // fetched on start, into the window's cache

	resp, body := askMSI(t, endpoint, header)
	if resp == nil || resp.StatusCode != http.StatusOK || body["access_token"] != tok.AccessToken {
		t.Fatalf("the endpoint should hand out the window's token; got %v %v", resp, body["error_description"])
	}
	if resp, _ := askMSI(t, endpoint, ""); resp == nil || resp.StatusCode != http.StatusUnauthorized {
		t.Error("a request without the header must be refused")
	}
	w.tick()
	if v.served.Text != "Tokens served: 1" {
		t.Errorf("served count %q, want the one token", v.served.Text)
	}

	test.Tap(v.copyExports)
	if f.clip.text != "export IDENTITY_ENDPOINT="+endpoint+"\nexport IDENTITY_HEADER="+header+"\n" {
		t.Errorf("Copy gave %q", f.clip.text)
	}
	test.Tap(v.copyHeader)
	if f.clip.text != header {
		t.Error("the header's copy button copies its whole value")
	}

	test.Tap(v.on)
	f.wait()
	if _, ok := w.ctrl.server(w.ctrl.selected); ok || v.details.Visible() {
		t.Fatal("switching off should stop the endpoint")
	}
	if resp, _ := askMSI(t, endpoint, header); resp != nil {
		t.Errorf("the stopped endpoint still answers %d", resp.StatusCode)
	}
}

func TestClosingTheWindowStopsEveryEndpoint(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.openTab(w.serveTab)
	test.Tap(w.serve.on)
	f.wait()
	ts, ok := w.ctrl.server(w.ctrl.selected)
	if !ok {
		t.Fatal("the endpoint did not start")
	}
	w.close()
	if resp, _ := askMSI(t, ts.srv.Endpoint(), ts.srv.Header()); resp != nil {
		t.Error("an endpoint outlived the window")
	}
}

func TestABusyPortIsSaidAtThePortField(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	f := newDevFixture(t)
	w := f.open()
	f.openTab(w.serveTab)
	v := w.serve

	test.Type(v.port.entry, port)
	test.Tap(v.on)
	f.wait()
	if _, ok := w.ctrl.server(w.ctrl.selected); ok || v.on.Checked {
		t.Fatal("nothing may serve on a busy port")
	}
	msg := v.port.message.Text
	if !v.port.message.Visible() || !strings.Contains(msg, "port "+port+" is in use") || !strings.Contains(msg, "Choose another port") {
		t.Errorf("the port field says %q, want the busy port and its fix", msg)
	}
	if v.errors.box.Visible() {
		t.Error("the port's own field explains it; the panel stays hidden")
	}

	v.port.entry.SetText("")
	test.Type(v.port.entry, "70000")
	test.Tap(v.on)
	if v.on.Checked || !strings.Contains(v.port.message.Text, "65535") {
		t.Errorf("an impossible port is refused at the field: %q", v.port.message.Text)
	}
}

func TestANewSecretStopsTheEndpointThatHeldTheOld(t *testing.T) {
	f := newDevFixture(t)
	w := f.open()
	f.openTab(w.serveTab)
	test.Tap(w.serve.on)
	f.wait()
	if _, ok := w.ctrl.server(w.ctrl.selected); !ok {
		t.Fatal("the endpoint did not start")
	}

	test.Type(w.editor.notes.entry, "notes keep it running")
	test.Tap(w.editor.save)
	f.wait()
	if _, ok := w.ctrl.server(w.ctrl.selected); !ok {
		t.Fatal("new notes change no credential; the endpoint should keep serving")
	}

	test.Type(w.editor.secret.entry, emulator.SampleSecret)
	test.Tap(w.editor.save)
	f.wait()
	if _, ok := w.ctrl.server(w.ctrl.selected); ok || w.serve.on.Checked {
		t.Fatal("a new secret should stop the endpoint that serves with the old one")
	}
	if msg := w.serve.errors.message.Text; !w.serve.errors.box.Visible() || !strings.Contains(msg, "switch it on again") {
		t.Errorf("the serve view should say why it stopped: %q", msg)
	}
}
