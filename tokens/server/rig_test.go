package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

const armResource = "https://management.azure.com/"

// rig is a token server for the sample app, serving on a real loopback
// port, with Entra played by the emulator.
type rig struct {
	t       *testing.T
	emu     *emulator.Server
	clock   *emulator.Clock
	cache   *tokens.Cache
	srv     *Server
	mu      sync.Mutex
	entries []Entry
}

// start serves a profile of the sample app; change adjusts the config.
func start(t *testing.T, change func(*Config)) *rig {
	t.Helper()
	clk := emulator.NewClock(time.Now().Truncate(time.Second))
	world := emulator.Sample()
	world.Now = clk.Now
	emu := emulatortest.Start(t, world)
	client := tokens.NewClient()
	client.Now = clk.Now
	client.Retry.Sleep = func(context.Context, time.Duration) error { return nil }
	rg := &rig{t: t, emu: emu, clock: clk, cache: tokens.NewCache(client, clk.Now)}
	cfg := Config{
		Profile: "dev",
		Request: tokens.Request{
			AuthorityHost: emu.URL(), Tenant: emulator.SampleTenant, ClientID: emulator.SampleApp,
			Credential: tokens.ClientSecret(emulator.SampleSecret), Target: tokens.ResourceTarget(armResource),
		},
		Cache: rg.cache,
		Log: func(e Entry) {
			rg.mu.Lock()
			rg.entries = append(rg.entries, e)
			rg.mu.Unlock()
		},
		Now: clk.Now,
	}
	if change != nil {
		change(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rg.srv = srv
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return rg
}

// answer is what a client saw.
type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

// get sends GET path with the identity header; headers adds or, with
// an empty value, removes headers.
func (rg *rig) get(path string, headers ...string) answer {
	return rg.do(http.MethodGet, path, headers...)
}

func (rg *rig) do(method, path string, headers ...string) answer {
	rg.t.Helper()
	req, err := http.NewRequest(method, "http://"+rg.srv.Addr()+path, nil)
	if err != nil {
		rg.t.Fatal(err)
	}
	req.Header.Set(HeaderName, rg.srv.Header())
	for i := 0; i+1 < len(headers); i += 2 {
		switch {
		case headers[i] == "Host":
			req.Host = headers[i+1]
		case headers[i+1] == "":
			req.Header.Del(headers[i])
		default:
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		rg.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &a.body); err != nil {
			rg.t.Fatalf("%s %s: not JSON: %v\n%s", method, path, err, raw)
		}
	}
	return a
}

// log is what the server logged so far, one line per request.
func (rg *rig) log() string {
	rg.mu.Lock()
	defer rg.mu.Unlock()
	var b strings.Builder
	for _, e := range rg.entries {
		b.WriteString(e.String() + "\n")
	}
	return b.String()
}

// msiPath is the request an SDK sends for resource.
func msiPath(resource string) string {
	return MSIPath + "?" + url.Values{"api-version": {MSIAPIVersion}, "resource": {resource}}.Encode()
}
