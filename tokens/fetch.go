package tokens

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Token asks Entra ID for an access token. Errors are *EntraError when
// Entra answered with a reason, *ResponseError when something else answered,
// *NetworkError when nothing did, or the context's error.
func (c *Client) Token(ctx context.Context, r Request) (Token, error) {
	tokenURL, err := r.TokenURL()
	if err != nil {
		return Token{}, err
	}
	form, err := r.form(tokenURL, c.Now())
	if err != nil {
		return Token{}, err
	}
	return c.exchange(ctx, tokenURL, form, r.Target)
}

// exchange posts a token request form and reads the answer.
func (c *Client) exchange(ctx context.Context, tokenURL string, form url.Values, target Target) (Token, error) {
	body := form.Encode()
	resp, err := c.send(ctx, func(ctx context.Context) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		return req, nil
	})
	if err != nil {
		return Token{}, err
	}
	if resp.status != http.StatusOK {
		if e, ok := parseEntraError(resp.status, resp.body); ok {
			e.Host = resp.host
			return Token{}, e
		}
		return Token{}, &ResponseError{Status: resp.status, Host: resp.host, Excerpt: excerpt(resp.body)}
	}
	tok, err := ParseTokenResponse(resp.body, target, c.Now())
	if err != nil {
		// No excerpt: a damaged success body may still hold a token.
		return Token{}, &ResponseError{Status: resp.status, Host: resp.host, Reason: err}
	}
	return tok, nil
}
