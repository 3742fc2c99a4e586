package tokens

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"
)

// MaxBodyBytes caps what aztoken reads of any answer. A token response is a
// few KiB and an ARM page rarely 100 KiB; anything bigger is not what we
// asked for.
const MaxBodyBytes = 1 << 20

// Response is an answer read in full, within MaxBodyBytes.
type Response struct {
	// Status is the HTTP status code.
	Status int
	// Header is the answer's header.
	Header http.Header
	// Body is the whole body.
	Body []byte
	// Host is the host that answered, for error messages.
	Host string
}

// Send performs a request, retrying as c.Retry allows, and never takes
// longer than its limits: Retry.Timeout waiting for answers, plus at most
// Retry.MaxRetryAfter of waits Azure asked for. newRequest builds a fresh
// request for every attempt, since a body can be read only once. A non-2xx
// answer is returned as a response, not an error: the caller knows how to
// read its body. failure is how the caller reads one; Send uses it only to
// wrap the answer in the *RetryAfterError that says when to try again.
func (c *Client) Send(ctx context.Context, newRequest func(context.Context) (*http.Request, error), failure func(*Response) error) (*Response, error) {
	p := c.policy()
	var host string
	build := func(ctx context.Context) (*http.Request, error) {
		req, err := newRequest(ctx)
		if req != nil {
			host = req.URL.Host
		}
		return req, err
	}
	deadline := c.Now().Add(p.timeout())
	var waited time.Duration // what Retry-After has cost so far
	for attempt := 0; ; attempt++ {
		resp, err := c.attemptUntil(ctx, deadline, build)
		if errors.Is(err, errOutOfTime) {
			return nil, &TimeoutError{Host: host, Limit: p.timeout(), Attempts: attempt + 1}
		}
		if ctx.Err() != nil || !retryable(resp, err) {
			return resp, err
		}
		now := c.Now()
		var asked time.Duration // only an answer with an error can ask
		if resp != nil && retryableStatus(resp.Status) {
			asked = RetryAfter(resp.Header, now)
		}
		switch {
		case attempt >= p.MaxRetries && asked > 0:
			return nil, &RetryAfterError{Host: host, Wait: asked, At: now.Add(asked), Retries: attempt, Err: failure(resp)}
		case attempt >= p.MaxRetries:
			return resp, err
		case asked > 0 && waited+asked > p.maxRetryAfter():
			return nil, &RetryAfterError{Host: host, Wait: asked, At: now.Add(asked), Limit: p.maxRetryAfter(), Err: failure(resp)}
		}
		wait := asked
		if asked > 0 {
			// Azure answered and named its wait: that is not time spent
			// waiting for an answer.
			waited += asked
			deadline = deadline.Add(asked)
			if p.OnRetryAfter != nil {
				p.OnRetryAfter(host, asked)
			}
		} else {
			wait = p.backoff(attempt)
			if now.Add(wait).After(deadline) {
				if err != nil {
					return nil, &TimeoutError{Host: host, Limit: p.timeout(), Attempts: attempt + 1, Err: err}
				}
				return resp, nil
			}
		}
		if err := p.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// errOutOfTime marks an attempt cut short by the request's total deadline.
var errOutOfTime = errors.New("out of time")

// attemptUntil runs one attempt that must end by deadline.
func (c *Client) attemptUntil(ctx context.Context, deadline time.Time, newRequest func(context.Context) (*http.Request, error)) (*Response, error) {
	actx, cancel := context.WithTimeout(ctx, deadline.Sub(c.Now()))
	defer cancel()
	resp, err := c.attempt(actx, newRequest)
	if err != nil && ctx.Err() == nil && actx.Err() != nil {
		return nil, errOutOfTime
	}
	return resp, err
}

// retryable reports what asking again may cure: throttles, server errors,
// a success whose body is empty or not JSON (a proxy's or a failing
// front end's), and network failures other than a host that does not
// exist or a certificate that does not verify.
func retryable(resp *Response, err error) bool {
	var netErr *NetworkError
	if err != nil {
		return errors.As(err, &netErr) && !netErr.permanent()
	}
	return retryableStatus(resp.Status) || (resp.Status == http.StatusOK && !json.Valid(resp.Body))
}

// attempt sends one request and reads its whole answer.
func (c *Client) attempt(ctx context.Context, newRequest func(context.Context) (*http.Request, error)) (*Response, error) {
	req, err := newRequest(ctx)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, transportError(ctx, req, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusProxyAuthRequired {
		// A plain-http request through the proxy: the 407 comes as an
		// answer rather than as a refused CONNECT.
		return nil, newProxyAuthError(nil, resp.Header)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes+1))
	if err != nil {
		return nil, transportError(ctx, req, err)
	}
	if len(body) > MaxBodyBytes {
		return nil, &BodyTooLargeError{Host: req.URL.Host}
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body, Host: req.URL.Host}, nil
}

// transportError turns a failure below HTTP into the error a user reads,
// keeping a cancellation recognisable as one.
func transportError(ctx context.Context, req *http.Request, err error) error {
	var proxyAuth *ProxyAuthError
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, ErrInsecureURL):
		return ErrInsecureURL
	case errors.As(err, &proxyAuth):
		return proxyAuth
	}
	return &NetworkError{Host: req.URL.Host, Err: err}
}
