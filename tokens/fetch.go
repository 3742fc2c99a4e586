package tokens

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// Token asks Entra ID for an access token. Errors are *EntraError when
// Entra answered with a reason, *ResponseError when something else answered,
// *NetworkError when nothing did, *ProxyAuthError when a proxy wants
// credentials, *TimeoutError when no answer came within Retry.Timeout,
// *RetryAfterError when Entra asked to wait longer than Retry.MaxRetryAfter
// allows, or the context's error.
func (c *Client) Token(ctx context.Context, r Request) (Token, error) {
	tokenURL, err := r.TokenURL()
	if err != nil {
		return Token{}, err
	}
	tok, err := c.exchange(ctx, tokenURL, func() (url.Values, error) { return r.form(tokenURL, c.Now()) }, r.Target)
	var entra *EntraError
	if secret, ok := r.Credential.(ClientSecret); ok && errors.As(err, &entra) {
		entra.Sent = SentSecretValue
		if IsGUID(strings.TrimSpace(string(secret))) {
			entra.Sent = SentSecretID
		}
	}
	return tok, err
}

// exchange posts a token request form and reads the answer. The form is
// built anew for every attempt: a certificate's signed assertion must be
// fresh each time, with its own jti and time window.
func (c *Client) exchange(ctx context.Context, tokenURL string, form func() (url.Values, error), target Target) (Token, error) {
	resp, err := c.Send(ctx, func(ctx context.Context) (*http.Request, error) {
		values, err := form()
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(values.Encode()))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		return req, nil
	}, entraFailure)
	if err != nil {
		return Token{}, err
	}
	if resp.Status != http.StatusOK {
		return Token{}, entraFailure(resp)
	}
	tok, err := ParseTokenResponse(resp.Body, target, c.Now())
	if err != nil {
		// No excerpt: a damaged success body may still hold a token.
		return Token{}, &ResponseError{Status: resp.Status, Host: resp.Host, Reason: err}
	}
	return tok, nil
}
