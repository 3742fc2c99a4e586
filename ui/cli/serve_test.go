package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// lockedBuffer is stderr written by the server's request goroutines while
// the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServeUntilCtrlC(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	stdout, out := io.Pipe()
	var stderr lockedBuffer
	w.env.Stdout, w.env.Stderr = out, &stderr
	ctx, ctrlC := context.WithCancel(context.Background())
	exit := make(chan int, 1)
	go func() { exit <- Run(ctx, []string{"serve", "-p", "dev"}, w.env) }()

	vars := map[string]string{}
	lines := bufio.NewScanner(stdout)
	for range 2 {
		if !lines.Scan() {
			t.Fatalf("no export line; stderr:\n%s", stderr.String())
		}
		name, value, _ := strings.Cut(strings.TrimPrefix(lines.Text(), "export "), "=")
		vars[name] = value
	}
	endpoint, header := vars["IDENTITY_ENDPOINT"], vars["IDENTITY_HEADER"]
	if !strings.HasPrefix(endpoint, "http://127.0.0.1:") || !strings.HasSuffix(endpoint, "/msi/token") || len(header) != 64 {
		t.Fatalf("exports %v", vars)
	}

	req, _ := http.NewRequest("GET", endpoint+"?api-version=2019-08-01&resource=https://management.azure.com", nil)
	req.Header.Set("X-IDENTITY-HEADER", header)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"client_id":"`+emulator.SampleApp+`"`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}

	ctrlC()
	select {
	case code := <-exit:
		if code != ExitOK {
			t.Errorf("exit %d after Ctrl+C; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on Ctrl+C")
	}
	log := stderr.String()
	for _, want := range []string{"Serving dev tokens", "GET /msi/token resource=https://management.azure.com 200", "Stopped."} {
		if !strings.Contains(log, want) {
			t.Errorf("stderr lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, header) || strings.Contains(log, "eyJ") || strings.Contains(log, emulator.SampleSecret) {
		t.Errorf("stderr holds a secret:\n%s", log)
	}
}

func TestServeRefusals(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.addProfile("wrong-secret", emulator.SampleApp, emulator.SampleSecretID)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := fmt.Sprint(busy.Addr().(*net.TCPAddr).Port)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"busy port", []string{"serve", "-p", "dev", "--port", port}, ExitFailure, "port " + port + " is in use"},
		{"wrong secret", []string{"serve", "-p", "wrong-secret"}, ExitCredential, "is a Secret ID, a GUID"},
		{"any origin", []string{"serve", "-p", "dev", "--cors-origin", "*"}, ExitFailure, "every web page"},
		{"no profile", []string{"serve"}, ExitUsage, "-p NAME"},
	}
	if code, help, _ := w.run("", "serve", "-h"); code != ExitOK || !strings.Contains(help, "Usage: aztoken serve") || !strings.Contains(help, "-cors-origin") {
		t.Errorf("help: exit %d\n%s", code, help)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := w.run("", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) || stdout != "" {
				t.Errorf("exit %d (want %d), stdout %q, stderr:\n%s", code, tt.code, stdout, stderr)
			}
		})
	}
}
