package tokens

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

// ErrInsecureURL refuses plain http to anything but this machine: tokens
// and secrets must never cross a network unencrypted.
var ErrInsecureURL = errors.New("plain http is allowed only for localhost; use https")

// CheckEndpoint parses an authority host or ARM endpoint and refuses what
// aztoken must never send credentials to: no scheme or host, plain http to
// a remote host, credentials in the URL, a query or fragment.
func CheckEndpoint(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		// Not url.Parse's message: it quotes the input, which may hold a
		// password typed into the wrong field.
		return nil, errors.New("not a valid URL")
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, errors.New("must start with https://")
	case u.Host == "" || u.Hostname() == "":
		return nil, errors.New("has no host name")
	case u.User != nil:
		return nil, errors.New("must not contain a user name or password")
	case u.RawQuery != "" || u.Fragment != "":
		return nil, errors.New("must not contain a query (?) or fragment (#)")
	case u.Scheme == "http" && !IsLoopback(u.Hostname()):
		return nil, ErrInsecureURL
	}
	return u, nil
}

// IsLoopback reports whether host names this machine: localhost or a
// loopback address.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// JoinPath appends path (starting with "/") to an endpoint, whether or
// not the endpoint ends in a slash.
func JoinPath(base *url.URL, path string) string {
	return strings.TrimSuffix(base.String(), "/") + path
}
