package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"sync"
)

// writeJSON sends v as Azure does: compact, without HTML escaping (a tag
// value "R&D" stays "R&D") and without a trailing newline.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only a programming error in this package can get here.
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// safeID is the shape of a client-supplied request ID worth echoing back;
// anything else is replaced, as a header value must not carry junk.
// Compiled on first use, like the patterns in ids.go.
var safeID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9-]{1,64}$`) })

// requestID returns the caller's ID from header, or a fresh GUID.
func requestID(r *http.Request, header string) string {
	if id := r.Header.Get(header); safeID().MatchString(id) {
		return id
	}
	return newGUID()
}
