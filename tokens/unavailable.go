package tokens

import (
	"errors"
	"net/http"
)

// Unavailable reports whether err means that Azure could not serve the
// request now, after aztoken's retries: a 5xx, a throttle, a transient
// Entra code, or a wait longer than aztoken waits. Nothing in the request
// or the profile is wrong, so the CLI's exit code and serve's answer tell
// it apart from a refused credential.
func Unavailable(err error) bool {
	var wait *RetryAfterError
	var entra *EntraError
	// An error of another package that knows whether it means Azure
	// cannot serve now, such as Resource Manager's (tokens/arm).
	var trouble interface{ Unavailable() bool }
	var resp *ResponseError
	switch {
	case errors.As(err, &wait):
		return true
	case errors.As(err, &entra):
		return entra.serviceTrouble()
	case errors.As(err, &trouble):
		return trouble.Unavailable()
	case errors.As(err, &resp):
		// A 5xx page not in Azure's shape more likely comes from a proxy,
		// which is a network matter; a 429 is a throttle whatever its body.
		return resp.Status == http.StatusTooManyRequests
	}
	return false
}

// TimedOut reports whether err is a request that got no answer in time.
func TimedOut(err error) bool {
	var timeout *TimeoutError
	return errors.As(err, &timeout)
}
