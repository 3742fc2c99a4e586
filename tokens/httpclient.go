package tokens

import (
	"net"
	"net/http"
	"net/url"
	"time"
)

// Timeouts of one attempt on the shared client. A token or an ARM page
// comes back in well under a second; these bound a hung proxy or a
// black-holed address, so that a retry still fits in RetryPolicy.Timeout.
const (
	dialTimeout    = 10 * time.Second
	tlsTimeout     = 10 * time.Second
	headerTimeout  = 20 * time.Second
	attemptTimeout = 30 * time.Second
)

// NewHTTPClient returns the client aztoken shares between Entra ID and ARM:
// bounded timeouts, the proxy from HTTPS_PROXY/HTTP_PROXY/NO_PROXY, TLS
// verification always on, and plain http refused except to loopback hosts
// (also after a redirect).
func NewHTTPClient() *http.Client { return newHTTPClient(http.ProxyFromEnvironment) }

// newHTTPClient is NewHTTPClient with another proxy, for tests.
func newHTTPClient(proxy func(*http.Request) (*url.URL, error)) *http.Client {
	transport := &http.Transport{
		Proxy:                  proxy,
		OnProxyConnectResponse: proxyConnectResponse,
		DialContext:            (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:    tlsTimeout,
		ResponseHeaderTimeout:  headerTimeout,
		IdleConnTimeout:        90 * time.Second,
		MaxIdleConnsPerHost:    4,
		ForceAttemptHTTP2:      true,
	}
	return &http.Client{Transport: loopbackGuard{transport}, Timeout: attemptTimeout}
}

// loopbackGuard refuses plain http to remote hosts at the last moment, so
// no caller and no redirect can get round it.
type loopbackGuard struct{ next http.RoundTripper }

func (g loopbackGuard) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme == "http" && !IsLoopback(req.URL.Hostname()) {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, ErrInsecureURL
	}
	return g.next.RoundTrip(req)
}
