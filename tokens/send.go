package tokens

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// MaxBodyBytes caps what aztoken reads of any answer. A token response is a
// few KiB and an ARM page rarely 100 KiB; anything bigger is not what we
// asked for.
const MaxBodyBytes = 1 << 20

// response is an answer read in full, within MaxBodyBytes.
type response struct {
	status int
	header http.Header
	body   []byte
	host   string
}

// send performs a request, retrying as c.Retry allows. newRequest builds a
// fresh request for every attempt, since a body can be read only once. A
// non-2xx answer is returned as a response, not an error: the caller knows
// how to read its body.
func (c *Client) send(ctx context.Context, newRequest func(context.Context) (*http.Request, error)) (*response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.attempt(ctx, newRequest)
		if !c.shouldRetry(ctx, resp, err, attempt) {
			return resp, err
		}
		var wait time.Duration
		if resp != nil {
			wait = retryAfter(resp.header, c.Now())
		}
		if err := c.Retry.Sleep(ctx, c.Retry.delay(attempt, wait)); err != nil {
			return nil, err
		}
	}
}

// shouldRetry retries throttles, server errors and network failures, never
// an answer about the request itself.
func (c *Client) shouldRetry(ctx context.Context, resp *response, err error, attempt int) bool {
	if attempt >= c.Retry.MaxRetries || ctx.Err() != nil {
		return false
	}
	var netErr *NetworkError
	if err != nil {
		return errors.As(err, &netErr) && !netErr.permanent()
	}
	return retryableStatus(resp.status)
}

// attempt sends one request and reads its whole answer.
func (c *Client) attempt(ctx context.Context, newRequest func(context.Context) (*http.Request, error)) (*response, error) {
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
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes+1))
	if err != nil {
		return nil, transportError(ctx, req, err)
	}
	if len(body) > MaxBodyBytes {
		return nil, &BodyTooLargeError{Host: req.URL.Host}
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: body, host: req.URL.Host}, nil
}

// transportError turns a failure below HTTP into the error a user reads,
// keeping a cancellation recognisable as one.
func transportError(ctx context.Context, req *http.Request, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, ErrInsecureURL) {
		return ErrInsecureURL
	}
	return &NetworkError{Host: req.URL.Host, Err: err}
}
