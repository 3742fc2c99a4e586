package emulator

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// oversizedPadding is how much an OversizedBody fault adds: twice the
// 1 MiB a careful client accepts.
const oversizedPadding = 2 << 20

// withFault wraps the endpoint's handler so that f decides the answer.
func (s *Server) withFault(f Fault, ep Endpoint, handle http.HandlerFunc) http.HandlerFunc {
	entra := ep == TokenEndpoint || ep == DiscoveryEndpoint
	return func(w http.ResponseWriter, r *http.Request) {
		for k, v := range f.header {
			w.Header()[k] = v
		}
		switch f.kind {
		case faultLatency:
			if sleep(r, f.delay) {
				handle(w, r)
			}
		case faultThrottled:
			seconds := int(math.Ceil(f.delay.Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(seconds))
			if entra {
				s.writeEntraError(w, r, errThrottled())
			} else {
				s.armHeaders(w, r)
				w.Header().Set(readsHeader, "0")
				s.writeARMError(w, s.throttledError(r, seconds))
			}
		case faultServerError:
			if entra {
				s.writeEntraError(w, r, errTransient(f.status))
			} else {
				s.armHeaders(w, r)
				s.writeARMError(w, s.serverError(w, r, f.status))
			}
		case faultHTMLPage:
			writeHTMLPage(w, f.status)
		case faultTruncated, faultOversized:
			replay(w, r, handle, f.kind)
		case faultDropped:
			dropConnection(w)
		case faultReply, faultEntraReply, faultARMReply:
			s.writeCustom(w, r, f)
		}
	}
}

// sleep waits d unless the request is abandoned first; it reports whether
// the request is still wanted.
func sleep(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// writeHTMLPage imitates nginx's error page, the kind of body a proxy in
// front of Azure sends.
func writeHTMLPage(w http.ResponseWriter, status int) {
	title := fmt.Sprintf("%d %s", status, http.StatusText(status))
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", title, title)
}

// replay serves the request into a buffer, then sends the body cut in half
// or padded past the size limit.
func replay(w http.ResponseWriter, r *http.Request, handle http.HandlerFunc, kind faultKind) {
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	handle(rec, r)
	body := rec.body.Bytes()
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if kind == faultTruncated {
		body = body[:len(body)/2]
	} else if len(body) > 0 {
		padded := make([]byte, 0, len(body)+oversizedPadding)
		padded = append(padded, body[0])
		padded = append(padded, bytes.Repeat([]byte(" "), oversizedPadding)...)
		body = append(padded, body[1:]...)
	}
	// An honest length: the truncated body ends cleanly, so the client's
	// JSON decoder, not its transport, meets the cut.
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.status)
	_, _ = w.Write(body)
}

// dropConnection closes the TCP connection before any byte of a response.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Not hijackable: aborting the handler also closes the connection.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// recorder is a ResponseWriter that keeps the response for replay.
type recorder struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}
