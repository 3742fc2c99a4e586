package tokens

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ProxyAuthError is a proxy's 407: it wants credentials before it lets
// the request through. Asking again without them gets the same answer, so
// it is never retried.
type ProxyAuthError struct {
	// Proxy is the proxy's address without its password; empty when
	// unknown.
	Proxy string
	// Scheme is the authentication the proxy offers in
	// Proxy-Authenticate, such as Basic, NTLM or Negotiate.
	Scheme string
	// SentCredentials is true when HTTPS_PROXY carried a user and password
	// and the proxy refused them.
	SentCredentials bool
}

// newProxyAuthError reads a 407 answer; proxy is nil when unknown.
func newProxyAuthError(proxy *url.URL, h http.Header) *ProxyAuthError {
	e := &ProxyAuthError{}
	if proxy != nil {
		e.Proxy = proxy.Redacted()
		e.SentCredentials = proxy.User != nil
	}
	if scheme, _, _ := strings.Cut(h.Get("Proxy-Authenticate"), " "); scheme != "" {
		e.Scheme = scheme
	}
	return e
}

// proxyConnectResponse turns a refused CONNECT into a *ProxyAuthError;
// http.Transport would report only the status text.
func proxyConnectResponse(_ context.Context, proxy *url.URL, _ *http.Request, resp *http.Response) error {
	if resp.StatusCode == http.StatusProxyAuthRequired {
		return newProxyAuthError(proxy, resp.Header)
	}
	return nil
}

func (e *ProxyAuthError) Error() string {
	proxy := "the proxy"
	if e.Proxy != "" {
		proxy += " " + e.Proxy
	}
	if e.SentCredentials {
		return proxy + " refused the user and password in HTTPS_PROXY (HTTP 407 Proxy Authentication Required)"
	}
	return proxy + " wants credentials (HTTP 407 Proxy Authentication Required)"
}

// Fix says how to give the proxy what it wants; aztoken does not prompt
// for proxy passwords.
func (e *ProxyAuthError) Fix() string {
	switch {
	case strings.EqualFold(e.Scheme, "NTLM") || strings.EqualFold(e.Scheme, "Negotiate"):
		return fmt.Sprintf("The proxy wants Windows sign-in (%s), which aztoken cannot do: run the proxy's own agent or a local one such as cntlm or px, and point HTTPS_PROXY at it.", e.Scheme)
	case e.SentCredentials:
		return "Check the user and password in HTTPS_PROXY (percent-encode characters such as @ and :), or run the proxy's own agent and point HTTPS_PROXY at it."
	}
	return "Give the proxy its user and password in HTTPS_PROXY, such as https://user:pass@proxy:port (percent-encode characters such as @ and :), or run the proxy's own agent and point HTTPS_PROXY at it."
}
