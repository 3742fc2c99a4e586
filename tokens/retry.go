package tokens

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy says how often and how patiently a request is retried after
// a throttle (429), a server error (5xx) or a network failure. Answers that
// will not change by asking again, such as a wrong secret, are never
// retried.
type RetryPolicy struct {
	// MaxRetries is how many times a request is repeated after the first.
	MaxRetries int
	// BaseDelay is the first backoff; each retry doubles it.
	BaseDelay time.Duration
	// MaxDelay caps every wait, including a server's Retry-After.
	MaxDelay time.Duration
	// Sleep waits d or until ctx ends; tests count calls instead of waiting.
	Sleep func(ctx context.Context, d time.Duration) error
}

// DefaultRetry is three retries from half a second, waiting at most 30 s.
func DefaultRetry() RetryPolicy {
	return RetryPolicy{MaxRetries: 3, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second, Sleep: SleepContext}
}

// SleepContext waits d, returning early with ctx's error when it ends.
func SleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// delay is the wait before retry number attempt (0-based): the server's
// Retry-After when it sent one, otherwise exponential backoff with jitter
// so that many clients do not retry in step.
func (p RetryPolicy) delay(attempt int, retryAfter time.Duration) time.Duration {
	d := retryAfter
	if d <= 0 {
		backoff := p.BaseDelay << min(attempt, 20) // no overflow, whatever MaxRetries says
		d = backoff/2 + rand.N(backoff/2+1)
	}
	return min(d, p.MaxDelay)
}

// retryableStatus reports whether asking again may get another answer.
func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// retryAfter reads a Retry-After header in either of its forms: seconds or
// an HTTP date.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(secs, 0)) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(now), 0)
	}
	return 0
}
