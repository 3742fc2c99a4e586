package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestExportsNameTheEndpointAndHeader(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	want := fmt.Sprintf("export IDENTITY_ENDPOINT=http://%s/msi/token\nexport IDENTITY_HEADER=%s\n", rg.srv.Addr(), rg.srv.Header())
	if got := rg.srv.Exports(); got != want {
		t.Errorf("Exports:\n%s\nwant\n%s", got, want)
	}
	env := rg.srv.Env()
	if env["IDENTITY_ENDPOINT"] != rg.srv.Endpoint() || env["IDENTITY_HEADER"] != rg.srv.Header() || len(env) != 2 {
		t.Errorf("Env = %v", env)
	}
	if h := rg.srv.Header(); len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
		t.Errorf("header value %q is not 32 random bytes in hex", h)
	}
	other := start(t, nil)
	if other.srv.Header() == rg.srv.Header() {
		t.Error("two servers share a header value")
	}
}

func TestBusyPortIsNamed(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cfg := validConfig()
	cfg.Port = ln.Addr().(*net.TCPAddr).Port
	_, err = New(cfg)
	var busy *PortInUseError
	if !errors.As(err, &busy) || busy.Port != cfg.Port || !strings.Contains(err.Error(), fmt.Sprintf("port %d is in use", cfg.Port)) || busy.Fix() == "" {
		t.Errorf("error %v", err)
	}
}

func TestServeStopsWhenTheContextEnds(t *testing.T) {
	t.Parallel()
	srv, err := New(validConfig())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	url := srv.Endpoint()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after Ctrl+C: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
	if _, err := http.Get(url); err == nil {
		t.Error("still answering after the stop")
	}
	if err := srv.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

func TestLogHasEveryRequestButNoSecrets(t *testing.T) {
	t.Parallel()
	rg := start(t, nil)
	tok := rg.get(msiPath(armResource)).body["access_token"].(string)
	rg.get(msiPath("https://vault.azure.net"))
	rg.get(TokenPath, HeaderName, "")
	log := rg.log()
	for _, want := range []string{
		"GET /msi/token resource=" + armResource + " 200",
		"GET /msi/token resource=https://vault.azure.net 403",
		"GET /token 401",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, tok) || strings.Contains(log, rg.srv.Header()) || strings.Contains(log, "api-version") {
		t.Errorf("the log holds a token, the header value or a query:\n%s", log)
	}
}
