package tokens

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

// clockWorld is the emulator with a client whose clock moves only when it
// sleeps: every wait is recorded and none is real.
func clockWorld(t *testing.T) (*emulator.Server, *Client, *emulator.Clock, *emulatortest.Sleeps) {
	t.Helper()
	srv, c, slept := startWorld(t, nil)
	clock := emulator.NewClock(time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC))
	c.Now = clock.Now
	c.Retry.Sleep = func(ctx context.Context, d time.Duration) error {
		clock.Add(d)
		return slept.Sleep(ctx, d)
	}
	return srv, c, clock, slept
}

// throttle is Entra asking to come back after retryAfter.
func throttle(retryAfter string) emulator.Fault {
	return emulator.EntraReply(429, "temporarily_unavailable", 90024, "RequestBudgetExceededError.").WithHeader("Retry-After", retryAfter)
}

// TestALongRetryAfterEndsAtOnceSayingWhen is issue 18's sleeping CLI: a
// throttle asking for five minutes is not slept through in silence.
func TestALongRetryAfterEndsAtOnceSayingWhen(t *testing.T) {
	srv, c, clock, slept := clockWorld(t)
	srv.Inject(emulator.TokenEndpoint, throttle("300"))
	start := clock.Now()
	_, err := c.Token(context.Background(), request(srv))
	var wait *RetryAfterError
	if !errors.As(err, &wait) || wait.Wait != 5*time.Minute || !wait.At.Equal(start.Add(5*time.Minute)) || wait.Limit != DefaultMaxRetryAfter {
		t.Fatalf("err = %v, want a 5m wait beyond the 1m limit", err)
	}
	if len(slept.All()) != 0 || srv.Requests(emulator.TokenEndpoint) != 1 {
		t.Errorf("slept %v over %d requests; want no wait and one request", slept.All(), srv.Requests(emulator.TokenEndpoint))
	}
	var entra *EntraError
	if !errors.As(err, &entra) || entra.AADSTS() != 90024 || !Unavailable(err) {
		t.Errorf("the answer behind the wait is lost: %v", err)
	}
	fix := Fix(err)
	if !strings.Contains(fix, wait.At.Local().Format("15:04:05")) || !strings.Contains(fix, "in 5m0s") || !strings.Contains(err.Error(), "longer than the 1m0s aztoken waits") {
		t.Errorf("err %q, fix %q", err, fix)
	}
}

func TestRetryAfterWaitsAddUpToTheCap(t *testing.T) {
	srv, c, _, slept := clockWorld(t)
	srv.Inject(emulator.TokenEndpoint, throttle("25"), throttle("25"), throttle("25"))
	_, err := c.Token(context.Background(), request(srv))
	var wait *RetryAfterError
	if !errors.As(err, &wait) || wait.Wait != 25*time.Second {
		t.Fatalf("err = %v", err)
	}
	if got := slept.All(); len(got) != 2 || got[0]+got[1] != 50*time.Second {
		t.Errorf("slept %v, want 25s twice and not a third time (75s > 60s)", got)
	}
}

func TestTheCapIsSettable(t *testing.T) {
	srv, c, _, slept := clockWorld(t)
	c.Retry.MaxRetryAfter = 10 * time.Minute
	srv.Inject(emulator.TokenEndpoint, throttle("300"))
	if _, err := c.Token(context.Background(), request(srv)); err != nil {
		t.Fatal(err)
	}
	if got := slept.All(); len(got) != 1 || got[0] != 5*time.Minute {
		t.Errorf("slept %v, want the 5m asked for", got)
	}
}

func TestStillThrottledAfterTheLastRetrySaysWhen(t *testing.T) {
	srv, c, _, slept := clockWorld(t)
	srv.Inject(emulator.TokenEndpoint, throttle("2"), throttle("2"), throttle("2"), throttle("2"))
	_, err := c.Token(context.Background(), request(srv))
	var wait *RetryAfterError
	if !errors.As(err, &wait) || wait.Retries != 3 || wait.Limit != 0 || !strings.Contains(err.Error(), "after 3 retries") {
		t.Fatalf("err = %v", err)
	}
	if len(slept.All()) != 3 {
		t.Errorf("slept %v", slept.All())
	}
}

// hangingClient never gets an answer: its transport waits until the
// request is given up. Inside a synctest bubble the waiting is on a fake
// clock.
func hangingClient() *Client {
	c := NewClient()
	c.HTTP = &http.Client{Timeout: attemptTimeout, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		<-r.Context().Done()
		return nil, r.Context().Err()
	})}
	return c
}

// TestNoAnswerEndsWithinTheTotalTimeout is issue 18's two minutes of
// silence: 60 s per attempt times the retries.
func TestNoAnswerEndsWithinTheTotalTimeout(t *testing.T) {
	calls := map[string]func(c *Client) error{
		"token": func(c *Client) error {
			_, err := c.Token(context.Background(), Request{AuthorityHost: "https://login.microsoftonline.com", Tenant: tenantID, ClientID: appID, Credential: ClientSecret("x"), Target: ResourceTarget(armResource)})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				err := call(hangingClient())
				took := time.Since(start)
				var timeout *TimeoutError
				if !errors.As(err, &timeout) || timeout.Limit != DefaultTimeout || timeout.Attempts != 2 || !TimedOut(err) {
					t.Fatalf("err = %v, want a timeout after two attempts", err)
				}
				if took != DefaultTimeout {
					t.Errorf("took %v, want exactly the %v limit", took, DefaultTimeout)
				}
				if !strings.Contains(err.Error(), "did not answer within 45s") || !strings.Contains(Fix(err), "HTTPS_PROXY") {
					t.Errorf("err %q, fix %q", err, Fix(err))
				}
			})
		})
	}
}

func TestTheTotalTimeoutIsSettable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := hangingClient()
		c.Retry.Timeout = 5 * time.Second
		start := time.Now()
		_, err := c.Token(context.Background(), Request{AuthorityHost: "https://login.microsoftonline.com", Tenant: tenantID, ClientID: appID, Credential: ClientSecret("x"), Target: ResourceTarget(armResource)})
		if took := time.Since(start); !TimedOut(err) || took != 5*time.Second {
			t.Errorf("err = %v after %v", err, took)
		}
	})
}

// TestAnEmptyOrUnreadableSuccessIsRetried: a 200 without a body is a
// failing front end, not an answer.
func TestAnEmptyOrUnreadableSuccessIsRetried(t *testing.T) {
	srv, c, _, _ := clockWorld(t)
	srv.Inject(emulator.TokenEndpoint, emulator.Reply(200, nil, ""), emulator.Reply(200, http.Header{"Content-Type": {"text/plain"}}, "OK"))
	if _, err := c.Token(context.Background(), request(srv)); err != nil {
		t.Fatalf("after an empty and a text 200: %v", err)
	}
	if n := srv.Requests(emulator.TokenEndpoint); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

// TestPlainTextThrottleIsNotCalledAProxy is issue 18's misnamed 429.
func TestPlainTextThrottleIsNotCalledAProxy(t *testing.T) {
	srv, c, _, _ := clockWorld(t)
	text429 := emulator.Reply(429, http.Header{"Content-Type": {"text/plain"}}, "Too Many Requests")
	srv.Inject(emulator.TokenEndpoint, text429, text429, text429, text429)
	_, err := c.Token(context.Background(), request(srv))
	var re *ResponseError
	if !errors.As(err, &re) || re.Status != 429 || !Unavailable(err) {
		t.Fatalf("err = %v", err)
	}
	for _, msg := range []string{err.Error(), Fix(err)} {
		if strings.Contains(msg, "proxy") || !strings.Contains(msg, "throttling") {
			t.Errorf("%q", msg)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
