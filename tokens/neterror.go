package tokens

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// NetworkError is a failure to get any HTTP answer: DNS, a refused or
// dropped connection, a timeout, TLS.
type NetworkError struct {
	Host string
	Err  error
}

func (e *NetworkError) Unwrap() error { return e.Err }

func (e *NetworkError) Error() string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var badHost x509.HostnameError
	var badCert x509.CertificateInvalidError
	var tlsRecord tls.RecordHeaderError
	var timeout interface{ Timeout() bool }
	switch {
	case errors.As(e.Err, &dns):
		return fmt.Sprintf("cannot find the host %s (DNS lookup failed)", dns.Name)
	case errors.Is(e.Err, syscall.ECONNREFUSED):
		return fmt.Sprintf("%s refused the connection", e.Host)
	case errors.As(e.Err, &unknownCA):
		return fmt.Sprintf("the TLS certificate %s presented was issued by an unknown authority, %s: a TLS-inspecting proxy or firewall is probably in the way",
			e.Host, issuerName(unknownCA.Cert))
	case errors.As(e.Err, &badHost), errors.As(e.Err, &badCert), errors.As(e.Err, &tlsRecord):
		return fmt.Sprintf("the TLS connection to %s failed: %v", e.Host, e.Err)
	case errors.As(e.Err, &timeout) && timeout.Timeout():
		return fmt.Sprintf("%s did not answer in time", e.Host)
	case errors.Is(e.Err, io.EOF), errors.Is(e.Err, io.ErrUnexpectedEOF), errors.Is(e.Err, syscall.ECONNRESET):
		return fmt.Sprintf("%s closed the connection before answering", e.Host)
	}
	return fmt.Sprintf("cannot reach %s: %v", e.Host, e.Err)
}

// permanent reports failures that asking again seconds later cannot cure:
// a host name that does not exist, a certificate that does not verify.
func (e *NetworkError) permanent() bool {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var badHost x509.HostnameError
	var badCert x509.CertificateInvalidError
	return (errors.As(e.Err, &dns) && dns.IsNotFound) ||
		errors.As(e.Err, &unknownCA) || errors.As(e.Err, &badHost) || errors.As(e.Err, &badCert)
}

// Fix says what to check for each kind of network failure.
func (e *NetworkError) Fix() string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	switch {
	case errors.As(e.Err, &dns):
		return "Check the host name in the profile, your network connection and HTTPS_PROXY."
	case errors.As(e.Err, &unknownCA):
		return fmt.Sprintf("Ask for the inspecting proxy's root certificate (%s) and add it to the system's trust store (on Linux /usr/local/share/ca-certificates and update-ca-certificates, or SSL_CERT_FILE); aztoken never turns TLS verification off.",
			issuerName(unknownCA.Cert))
	case errors.Is(e.Err, syscall.ECONNREFUSED):
		return "Check the address and port, and that HTTPS_PROXY points at a running proxy."
	}
	return "Check your network connection and proxy settings, then try again."
}

// issuerName is how a certificate's issuer calls itself, which names the
// product that inspects TLS ("Zscaler Root CA", "Fortinet CA").
func issuerName(cert *x509.Certificate) string {
	switch {
	case cert == nil:
		return "issuer unknown"
	case cert.Issuer.CommonName != "":
		return fmt.Sprintf("%q", cert.Issuer.CommonName)
	case len(cert.Issuer.Organization) > 0:
		return fmt.Sprintf("%q", cert.Issuer.Organization[0])
	}
	return fmt.Sprintf("%q", cert.Issuer.String())
}

// BodyTooLargeError refuses an answer bigger than MaxBodyBytes.
type BodyTooLargeError struct{ Host string }

func (e *BodyTooLargeError) Error() string {
	return fmt.Sprintf("%s sent more than %d KiB; that is not a token or ARM answer", e.Host, MaxBodyBytes>>10)
}

// ResponseError is an answer that is neither success nor a service's own
// error body: a proxy's HTML page, a truncated body, a gateway's 502.
type ResponseError struct {
	Status  int
	Host    string
	Excerpt string
	// Reason says why the body could not be read, when it was a 2xx.
	Reason error
}

func (e *ResponseError) Unwrap() error { return e.Reason }

func (e *ResponseError) Error() string {
	what := fmt.Sprintf("%s answered HTTP %d with a body aztoken cannot read", e.Host, e.Status)
	if e.Status == http.StatusTooManyRequests {
		what = fmt.Sprintf("%s is throttling requests (HTTP 429, a body that is not JSON)", e.Host)
	}
	switch {
	case e.Excerpt != "":
		return what + ": " + e.Excerpt
	case e.Reason != nil:
		return what + " (" + e.Reason.Error() + ")"
	}
	return what
}

// Fix points at what usually sits between the user and Azure, except
// for a throttle, which is Azure's own answer whatever its body.
func (e *ResponseError) Fix() string {
	if e.Status == http.StatusTooManyRequests {
		return "Azure is throttling these requests, nothing in the profile is wrong: wait a minute and try again."
	}
	return "Something other than Azure answered (often a proxy or captive portal): check HTTPS_PROXY and the endpoints, then try again."
}

// Excerpt keeps the start of a body safe to show: printable text only,
// whitespace folded, at most 160 characters.
func Excerpt(body []byte) string {
	const limit = 160
	out := make([]rune, 0, limit)
	space := false
	for len(body) > 0 && len(out) < limit {
		r, size := utf8.DecodeRune(body)
		body = body[size:]
		switch {
		case unicode.IsSpace(r):
			space = len(out) > 0
			continue
		case r == utf8.RuneError || !unicode.IsPrint(r):
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
	}
	s := string(out)
	if len(body) > 0 {
		s += "…"
	}
	return s
}
