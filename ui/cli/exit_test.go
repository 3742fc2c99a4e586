package cli

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// TestScriptsTellAnOutageFromAWrongSecret is issue 18's story: a 503
// after every retry exited 3, "credentials", so a script could not tell it
// from a wrong secret.
func TestScriptsTellAnOutageFromAWrongSecret(t *testing.T) {
	outage := emulator.ServerError(503)
	busy := emulator.Throttled(0)
	text429 := emulator.Reply(429, http.Header{"Content-Type": {"text/plain"}}, "Too Many Requests")
	tests := []struct {
		name   string
		faults []emulator.Fault
		args   []string
		code   int
		stderr string
	}{
		{"503 after every retry", []emulator.Fault{outage, outage, outage, outage}, nil, ExitService, "nothing in the profile is wrong"},
		{"429 after every retry", []emulator.Fault{busy, busy, busy, busy}, nil, ExitService, "AADSTS90024"},
		{"plain-text 429", []emulator.Fault{text429, text429, text429, text429}, nil, ExitService, "throttling"},
		{"a wait longer than allowed", []emulator.Fault{longWait()}, []string{"--max-retry-after", "5m"}, ExitService, "try again after"},
		{"a wrong secret is still credentials", []emulator.Fault{emulator.EntraReply(401, "invalid_client", 7000215, "Invalid client secret provided.")}, nil, ExitCredential, "Entra did not accept the secret's Value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
			w.srv.Inject(emulator.TokenEndpoint, tt.faults...)
			code, _, stderr := w.run("", append([]string{"token", "-p", "dev"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d), stderr:\n%s", code, tt.code, stderr)
			}
		})
	}
}

// longWait is Entra asking for ten minutes' rest.
func longWait() emulator.Fault {
	return emulator.EntraReply(429, "temporarily_unavailable", 90024, "RequestBudgetExceededError.").WithHeader("Retry-After", "600")
}

func TestAWaitTooLongSaysWhenAsJSON(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.srv.Inject(emulator.TokenEndpoint, longWait())
	code, _, stderr := w.run("", "token", "-p", "dev", "--format", "json")
	var got struct {
		Error struct {
			RetryAfterSeconds int
			RetryAt, Fix      string
		}
	}
	if err := json.Unmarshal([]byte(stderr), &got); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if code != ExitService || got.Error.RetryAfterSeconds != 600 || got.Error.RetryAt == "" || !strings.Contains(got.Error.Fix, "in 10m0s") {
		t.Errorf("exit %d, %+v", code, got.Error)
	}
}

func TestAWaitAzureAskedForIsNotSilent(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	wait := emulator.EntraReply(429, "temporarily_unavailable", 90024, "RequestBudgetExceededError.").WithHeader("Retry-After", "20")
	w.srv.Inject(emulator.TokenEndpoint, wait)
	code, stdout, stderr := w.run("", "token", "-p", "dev")
	if code != ExitOK || stdout == "" || !strings.Contains(stderr, "asked to wait 20s before trying again") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	w.srv.Inject(emulator.TokenEndpoint, wait)
	if code, _, stderr := w.run("", "token", "-p", "dev", "--format", "json"); code != ExitOK || stderr != "" {
		t.Errorf("JSON: exit %d, stderr %q", code, stderr)
	}
}

func TestLimitsMustBePositive(t *testing.T) {
	w := newWorld(t)
	for _, flag := range []string{"--max-retry-after", "--timeout"} {
		if code, _, stderr := w.run("", "token", "-p", "dev", flag, "0s"); code != ExitUsage || !strings.Contains(stderr, flag) {
			t.Errorf("%s 0s: exit %d: %s", flag, code, stderr)
		}
	}
}

func TestNoAnswerWithinTheTimeoutExitsNetwork(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	w.srv.Inject(emulator.TokenEndpoint, emulator.Latency(time.Minute))
	code, _, stderr := w.run("", "token", "-p", "dev", "--timeout", "200ms")
	if code != ExitNetwork || !strings.Contains(stderr, "did not answer within 200ms") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
