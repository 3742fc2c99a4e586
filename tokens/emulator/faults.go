package emulator

import (
	"net/http"
	"sync"
	"time"
)

type faultKind int

const (
	faultLatency faultKind = iota + 1
	faultThrottled
	faultServerError
	faultHTMLPage
	faultTruncated
	faultOversized
	faultDropped
	faultReply
	faultEntraReply
	faultARMReply
)

// Fault is one failure for one request, queued with Inject. Make one with
// the functions below; the zero Fault is not valid.
type Fault struct {
	kind   faultKind
	delay  time.Duration
	status int
	// header is added to the answer, whatever the kind.
	header http.Header
	// body, code and aadsts make the answer of Reply, EntraReply and
	// ARMReply.
	body   string
	code   string
	aadsts int
}

// Latency delays the request by d, then serves it normally. If the client
// gives up first (its context ends), nothing is sent.
func Latency(d time.Duration) Fault { return Fault{kind: faultLatency, delay: d} }

// Throttled answers 429 with a Retry-After header of retryAfter rounded up
// to whole seconds. ARM paths get ARM's SubscriptionRequestsThrottled body
// (TenantRequestsThrottled outside a subscription); Entra paths get a
// temporarily_unavailable error (AADSTS90024).
func Throttled(retryAfter time.Duration) Fault {
	return Fault{kind: faultThrottled, delay: retryAfter, status: 429}
}

// ServerError answers a 5xx status such as 500, 503 or 504 with the JSON
// error the service would send: on Entra paths an error with a transient
// AADSTS code (50033 for 500, 90006 otherwise), on ARM paths a CloudError
// (InternalServerError, ServiceUnavailable, GatewayTimeout…).
func ServerError(status int) Fault { return Fault{kind: faultServerError, status: status} }

// HTMLPage answers status with a web proxy's text/html error page, as a
// corporate proxy or load balancer does when it, not Azure, fails: a
// client must not try to parse it as JSON.
func HTMLPage(status int) Fault { return Fault{kind: faultHTMLPage, status: status} }

// TruncatedBody serves the request but sends only the first half of the
// body, cutting the JSON in the middle, with the status the request earned
// (200 for a good request).
func TruncatedBody() Fault { return Fault{kind: faultTruncated} }

// OversizedBody serves the request with 2 MiB of JSON whitespace inserted
// after the opening brace, so the body stays valid JSON but exceeds any
// sane 1 MiB read limit.
func OversizedBody() Fault { return Fault{kind: faultOversized} }

// DroppedConnection closes the connection without sending a response.
// Note that Go's http.Transport silently retries an idempotent request
// (GET) that fails this way on a reused connection, so such a request may
// reach the server twice; a POST is never retried by the transport.
func DroppedConnection() Fault { return Fault{kind: faultDropped} }

// Inject queues faults for the next requests to ep, one fault per request
// in the order given. Faults queued for a specific endpoint are used before
// those queued for AnyEndpoint.
func (s *Server) Inject(ep Endpoint, faults ...Fault) {
	q := &s.faults
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.queued == nil {
		q.queued = map[Endpoint][]Fault{}
	}
	q.queued[ep] = append(q.queued[ep], faults...)
}

// Requests is how many requests have reached ep so far, including those a
// fault answered; AnyEndpoint counts all requests.
func (s *Server) Requests(ep Endpoint) int {
	q := &s.faults
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.counts[ep]
}

// faultQueue holds the injected faults and the request counts; handlers on
// many connections consume it at once, hence the mutex.
type faultQueue struct {
	mu     sync.Mutex
	queued map[Endpoint][]Fault
	counts map[Endpoint]int
}

func (q *faultQueue) count(ep Endpoint) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.counts == nil {
		q.counts = map[Endpoint]int{}
	}
	q.counts[ep]++
	q.counts[AnyEndpoint]++
}

// next takes the fault for a request to ep, if one is queued.
func (q *faultQueue) next(ep Endpoint) (Fault, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, from := range []Endpoint{ep, AnyEndpoint} {
		if faults := q.queued[from]; len(faults) > 0 {
			q.queued[from] = faults[1:]
			return faults[0], true
		}
	}
	return Fault{}, false
}
