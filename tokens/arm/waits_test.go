package arm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// hangingClient's requests get no answer until their context ends.
func hangingClient() *tokens.Client {
	c := tokens.NewClient()
	c.HTTP = &http.Client{Timeout: c.HTTP.Timeout, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		<-r.Context().Done()
		return nil, r.Context().Err()
	})}
	return c
}

// TestNoAnswerEndsWithinTheTotalTimeout is issue 18's two minutes of
// silence, for a Resource Manager call.
func TestNoAnswerEndsWithinTheTotalTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err := Client{Client: hangingClient(), Endpoint: "https://management.azure.com"}.Get(context.Background(), "/subscriptions?api-version="+SubscriptionsAPIVersion)
		took := time.Since(start)
		var timeout *tokens.TimeoutError
		if !errors.As(err, &timeout) || timeout.Limit != tokens.DefaultTimeout || timeout.Attempts != 2 || !tokens.TimedOut(err) {
			t.Fatalf("err = %v, want a timeout after two attempts", err)
		}
		if took != tokens.DefaultTimeout {
			t.Errorf("took %v, want exactly the %v limit", took, tokens.DefaultTimeout)
		}
		if !strings.Contains(err.Error(), "did not answer within 45s") || !strings.Contains(tokens.Fix(err), "HTTPS_PROXY") {
			t.Errorf("err %q, fix %q", err, tokens.Fix(err))
		}
	})
}

func TestTheTotalTimeoutIsSettable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := hangingClient()
		c.Retry.Timeout = 5 * time.Second
		start := time.Now()
		_, err := Client{Client: c, Endpoint: "https://management.azure.com"}.Get(context.Background(), "/subscriptions?api-version="+SubscriptionsAPIVersion)
		if took := time.Since(start); !tokens.TimedOut(err) || took != 5*time.Second {
			t.Errorf("err = %v after %v", err, took)
		}
	})
}

// TestAnEmptySuccessIsRetried: a 200 without a body is a failing front
// end, not a page.
func TestAnEmptySuccessIsRetried(t *testing.T) {
	srv, c, _ := startWorld(t, nil)
	arm := armFor(t, srv, c, appID, tenantID, tokens.Target{})
	empty := emulator.Reply(200, nil, "")
	srv.Inject(emulator.ARMEndpoint, empty, empty, empty, empty)
	_, _, err := arm.ResourceGroups(context.Background(), readableSub, ResourceGroupsAPIVersion)
	var re *tokens.ResponseError
	if !errors.As(err, &re) || re.Status != 200 {
		t.Errorf("err = %v, want an unreadable 200 after the retries", err)
	}
}
