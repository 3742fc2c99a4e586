package emulator

import "net/http"

// Reply answers with exactly this status, these headers and this body:
// any answer a test needs that the other faults do not make, such as a
// plain-text 429 or a 200 with an empty body.
func Reply(status int, header http.Header, body string) Fault {
	return Fault{kind: faultReply, status: status, header: header.Clone(), body: body}
}

// EntraReply answers an Entra ID error in Entra's wire form, with fresh
// trace and correlation IDs, for any AADSTS code: error is the OAuth code
// ("invalid_client"), message Entra's text after "AADSTSnnnn: ".
func EntraReply(status int, error string, aadsts int, message string) Fault {
	return Fault{kind: faultEntraReply, status: status, code: error, aadsts: aadsts, body: message}
}

// ARMReply answers a Resource Manager error in ARM's wire form, with its
// request-id headers, for any code.
func ARMReply(status int, code, message string) Fault {
	return Fault{kind: faultARMReply, status: status, code: code, body: message}
}

// WithHeader adds a header to whatever answer f makes, such as a
// Retry-After on an EntraReply.
func (f Fault) WithHeader(key, value string) Fault {
	f.header = f.header.Clone()
	if f.header == nil {
		f.header = http.Header{}
	}
	f.header.Add(key, value)
	return f
}

// writeCustom sends the answer of a Reply, EntraReply or ARMReply.
func (s *Server) writeCustom(w http.ResponseWriter, r *http.Request, f Fault) {
	switch f.kind {
	case faultEntraReply:
		s.writeEntraError(w, r, &entraError{status: f.status, code: f.code, aadsts: f.aadsts, message: f.body})
	case faultARMReply:
		s.armHeaders(w, r)
		s.writeARMError(w, &armError{status: f.status, code: f.code, message: f.body})
	default:
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(f.body))
	}
}
