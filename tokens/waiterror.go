package tokens

import (
	"fmt"
	"time"
)

// RetryAfterError ends a request Azure asked to repeat later: either it
// asked for a longer wait than RetryPolicy.MaxRetryAfter allows, or it
// still asked after the last retry. It says how long and until when, so
// that a script or the window can wait, instead of aztoken sleeping with
// nothing to show.
type RetryAfterError struct {
	// Host is the service that asked.
	Host string
	// Wait is what its Retry-After asked for.
	Wait time.Duration
	// At is when to try again.
	At time.Time
	// Limit is the policy's MaxRetryAfter when Wait went beyond it; zero
	// when the retries ran out instead.
	Limit time.Duration
	// Retries is how many retries were made before giving up.
	Retries int
	// Err is the answer that asked: an *EntraError, an *arm.Error or a
	// *ResponseError.
	Err error
}

func (e *RetryAfterError) Unwrap() error { return e.Err }

func (e *RetryAfterError) Error() string {
	why := fmt.Sprintf("still asked to wait %s after %d retries", e.Wait, e.Retries)
	if e.Limit > 0 {
		why = fmt.Sprintf("asked to wait %s, longer than the %s aztoken waits", e.Wait, e.Limit)
	}
	return fmt.Sprintf("%s %s: %v", e.Host, why, e.Err)
}

// Fix says when to come back; nothing in the profile is wrong.
func (e *RetryAfterError) Fix() string {
	return fmt.Sprintf("Azure is throttling or busy, nothing in the profile is wrong: try again after %s (in %s).",
		e.At.Local().Format("15:04:05 MST"), e.Wait.Round(time.Second))
}

// TimeoutError is a request that got no usable answer within
// RetryPolicy.Timeout, over all its attempts.
type TimeoutError struct {
	// Host is the service that did not answer.
	Host string
	// Limit is the policy's Timeout.
	Limit time.Duration
	// Attempts is how many requests were sent.
	Attempts int
	// Err is the last attempt's failure, nil when the deadline cut it
	// short.
	Err error
}

func (e *TimeoutError) Unwrap() error { return e.Err }

func (e *TimeoutError) Error() string {
	msg := fmt.Sprintf("%s did not answer within %s (%d attempts)", e.Host, e.Limit, e.Attempts)
	if e.Err != nil {
		msg += "; the last one: " + e.Err.Error()
	}
	return msg
}

// Fix points at the network first: Azure answers in well under a second.
func (e *TimeoutError) Fix() string {
	return "Nothing in the profile is wrong: check your network connection and HTTPS_PROXY, then try again; Azure normally answers in under a second."
}
