package tokens

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// Limits of the default retry policy, named in the README. A token or an
// ARM page comes back in well under a second; these bound a throttle, an
// outage and a black-holed address.
const (
	// DefaultMaxRetries is how many times a request is repeated after the
	// first.
	DefaultMaxRetries = 3
	// DefaultTimeout bounds a request that gets no answer: every attempt
	// and every backoff between them, together.
	DefaultTimeout = 45 * time.Second
	// DefaultMaxRetryAfter bounds the waits Azure asks for with
	// Retry-After, over all of a request's retries together.
	DefaultMaxRetryAfter = 60 * time.Second
)

// RetryPolicy says how often and how patiently a request is retried after
// a throttle (429), a server error (5xx), an unreadable success or a
// network failure. Answers that will not change by asking again, such as a
// wrong secret or a proxy that wants a password, are never retried.
type RetryPolicy struct {
	// MaxRetries is how many times a request is repeated after the first.
	MaxRetries int
	// BaseDelay is the first backoff; each retry doubles it.
	BaseDelay time.Duration
	// MaxDelay caps aztoken's own backoff (not a server's Retry-After).
	MaxDelay time.Duration
	// Timeout is the total time a request may take waiting for answers,
	// over all attempts and backoffs; waits Azure asked for do not count.
	// Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxRetryAfter is the most aztoken waits, over all retries of one
	// request, because Azure asked to with Retry-After. An answer asking
	// for more ends the request with a *RetryAfterError saying when to try
	// again. Zero means DefaultMaxRetryAfter.
	MaxRetryAfter time.Duration
	// Sleep waits d or until ctx ends; tests count calls instead of waiting.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnRetryAfter, when set, hears of every wait Azure asked for before
	// aztoken waits it, so that a terminal is not silent meanwhile.
	OnRetryAfter func(host string, wait time.Duration)
}

// DefaultRetry is three retries from half a second, with the default
// limits.
func DefaultRetry() RetryPolicy {
	return RetryPolicy{
		MaxRetries:    DefaultMaxRetries,
		BaseDelay:     500 * time.Millisecond,
		MaxDelay:      10 * time.Second,
		Timeout:       DefaultTimeout,
		MaxRetryAfter: DefaultMaxRetryAfter,
		Sleep:         SleepContext,
	}
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

func (p RetryPolicy) timeout() time.Duration {
	if p.Timeout > 0 {
		return p.Timeout
	}
	return DefaultTimeout
}

func (p RetryPolicy) maxRetryAfter() time.Duration {
	if p.MaxRetryAfter > 0 {
		return p.MaxRetryAfter
	}
	return DefaultMaxRetryAfter
}

// backoff is aztoken's own wait before retry number attempt (0-based):
// exponential with jitter, so that many clients do not retry in step.
func (p RetryPolicy) backoff(attempt int) time.Duration {
	full := p.BaseDelay << min(attempt, 20) // no overflow, whatever MaxRetries says
	return min(full/2+rand.N(full/2+1), p.MaxDelay)
}

// retryableStatus reports whether asking again may get another answer.
// A proxy's 407 is deliberately not one: the same request gets the same
// refusal.
func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// RetryAfter reads a Retry-After header in either of its forms: seconds or
// an HTTP date.
func RetryAfter(h http.Header, now time.Time) time.Duration {
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
