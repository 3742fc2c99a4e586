package tokens

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// authProxy is a proxy that wants credentials: it answers every request,
// CONNECT or plain, with 407 and counts them.
func authProxy(t *testing.T, scheme string) (*url.URL, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	p := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Proxy-Authenticate", scheme+` realm="corp"`)
		w.WriteHeader(http.StatusProxyAuthRequired)
	}))
	t.Cleanup(p.Close)
	u, _ := url.Parse(p.URL)
	return u, &hits
}

func viaProxy(proxy *url.URL) *Client {
	c := NewClient()
	c.HTTP = newHTTPClient(http.ProxyURL(proxy))
	c.Retry.Sleep = func(context.Context, time.Duration) error { return nil }
	return c
}

func tokenFrom(c *Client, authority string) error {
	_, err := c.Token(context.Background(), Request{AuthorityHost: authority, Tenant: tenantID, ClientID: appID, Credential: ClientSecret("x"), Target: ResourceTarget(armResource)})
	return err
}

// TestAProxyThatWantsCredentialsIsNotRetried is issue 18's proxy, once
// asked four times and answered with a generic network fix.
func TestAProxyThatWantsCredentialsIsNotRetried(t *testing.T) {
	t.Run("CONNECT for https", func(t *testing.T) {
		proxy, hits := authProxy(t, "Basic")
		err := tokenFrom(viaProxy(proxy), "https://login.microsoftonline.com")
		var pa *ProxyAuthError
		if !errors.As(err, &pa) || hits.Load() != 1 {
			t.Fatalf("err = %v (%T) after %d proxy requests; want a *ProxyAuthError after one", err, err, hits.Load())
		}
		if !strings.Contains(err.Error(), "wants credentials") || !strings.Contains(Fix(err), "https://user:pass@proxy:port") || !strings.Contains(Fix(err), "agent") {
			t.Errorf("err %q, fix %q", err, Fix(err))
		}
	})
	t.Run("plain http to a local emulator", func(t *testing.T) {
		proxy, hits := authProxy(t, "Basic")
		err := tokenFrom(viaProxy(proxy), "http://127.0.0.1:9")
		var pa *ProxyAuthError
		if !errors.As(err, &pa) || hits.Load() != 1 {
			t.Fatalf("err = %v after %d proxy requests", err, hits.Load())
		}
	})
	t.Run("refused credentials are not shown", func(t *testing.T) {
		proxy, _ := authProxy(t, "Basic")
		proxy.User = url.UserPassword("alice", "s3cret")
		err := tokenFrom(viaProxy(proxy), "https://login.microsoftonline.com")
		var pa *ProxyAuthError
		if !errors.As(err, &pa) || !pa.SentCredentials || !strings.Contains(err.Error(), "refused the user and password") {
			t.Fatalf("err = %v", err)
		}
		if strings.Contains(err.Error()+Fix(err), "s3cret") {
			t.Errorf("the proxy password is in %q", err)
		}
	})
	t.Run("Windows sign-in", func(t *testing.T) {
		proxy, _ := authProxy(t, "NTLM")
		err := tokenFrom(viaProxy(proxy), "https://login.microsoftonline.com")
		if !strings.Contains(Fix(err), "cntlm") {
			t.Errorf("fix %q", Fix(err))
		}
	})
}

// inspectingProxy tunnels every CONNECT to a TLS server of its own, whose
// certificate is for example.com but from an authority nobody trusts: what
// a TLS-inspecting corporate proxy looks like to a client without its root
// certificate.
func inspectingProxy(t *testing.T) (*url.URL, *atomic.Int32) {
	t.Helper()
	inspector := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(inspector.Close)
	var connects atomic.Int32
	p := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		connects.Add(1)
		upstream, err := net.Dial("tcp", inspector.Listener.Addr().String())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			upstream.Close()
			return
		}
		_, _ = io.WriteString(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() { _, _ = io.Copy(upstream, conn); upstream.Close() }()
		go func() { _, _ = io.Copy(conn, upstream); conn.Close() }()
	}))
	t.Cleanup(p.Close)
	u, _ := url.Parse(p.URL)
	return u, &connects
}

func TestATLSInspectingProxyIsNamedAsSuch(t *testing.T) {
	proxy, connects := inspectingProxy(t)
	err := tokenFrom(viaProxy(proxy), "https://example.com")
	var ne *NetworkError
	if !errors.As(err, &ne) || connects.Load() != 1 {
		t.Fatalf("err = %v (%T) after %d CONNECTs; want a TLS failure, not retried", err, err, connects.Load())
	}
	if !strings.Contains(err.Error(), "TLS-inspecting proxy") || !strings.Contains(err.Error(), "Acme Co") {
		t.Errorf("err %q does not name the inspection and its issuer", err)
	}
	if fix := Fix(err); !strings.Contains(fix, "root certificate") || !strings.Contains(fix, "trust store") || !strings.Contains(fix, "never turns TLS verification off") {
		t.Errorf("fix %q", fix)
	}
}
