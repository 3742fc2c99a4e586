package server

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// reply is one answer before it is written: what the client gets and what
// the log says about it.
type reply struct {
	status int
	// body is encoded as JSON; nil sends no body.
	body any
	// resource is the resource asked for, for the log.
	resource string
	// problem says why a request was refused, for the log.
	problem string
	// retryAfter, when set, tells the app when to ask again, as Entra
	// told aztoken: SDKs honour a Retry-After on 503.
	retryAfter time.Duration
}

// errorBody is the shape of every refusal, the one OAuth clients and the
// SDKs already print: {"error":"…","error_description":"…"}.
type errorBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// refuse is an error answer whose description also goes to the log.
func refuse(status int, code, description string) reply {
	return reply{status: status, body: errorBody{code, description}, problem: description}
}

// tokenFailed answers a token the cache could not get. The description is
// the error and the fix the window shows; neither ever holds the secret.
// The error code tells an app's operator whose move it is: a refused
// credential (fix the profile), Azure being down or throttling (wait), no
// answer in time, or no way through the network.
func tokenFailed(err error) reply {
	desc := err.Error()
	if fix := tokens.Fix(err); fix != "" {
		desc = strings.TrimSuffix(desc, ".") + ". " + fix
	}
	var entra *tokens.EntraError
	switch {
	case errors.Is(err, context.Canceled):
		// The app hung up, or Close cancelled the request; either way no
		// one is likely to read this.
		return refuse(http.StatusServiceUnavailable, "cancelled", "the token request was cancelled: the app went away or the server is stopping")
	case tokens.Unavailable(err):
		r := refuse(http.StatusServiceUnavailable, "entra_unavailable", "Entra ID could not issue a token now: "+desc)
		var wait *tokens.RetryAfterError
		if errors.As(err, &wait) {
			r.retryAfter = wait.Wait
		}
		return r
	case tokens.TimedOut(err), errors.Is(err, context.DeadlineExceeded):
		return refuse(http.StatusGatewayTimeout, "entra_timeout", "Entra ID did not answer in time: "+desc)
	case errors.As(err, &entra):
		return refuse(http.StatusBadGateway, "entra_refused", desc)
	case errors.As(err, new(*tokens.NetworkError)), errors.As(err, new(*tokens.ResponseError)),
		errors.As(err, new(*tokens.BodyTooLargeError)), errors.As(err, new(*tokens.ProxyAuthError)):
		return refuse(http.StatusBadGateway, "entra_unreachable", "aztoken could not reach Entra ID: "+desc)
	}
	return refuse(http.StatusInternalServerError, "token_failed", desc)
}

// write sends r. Token answers must not be stored by anything between the
// server and the app.
func write(w http.ResponseWriter, r reply) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(r.retryAfter.Seconds()))))
	}
	if r.body == nil {
		w.WriteHeader(r.status)
		return
	}
	h.Set("Content-Type", "application/json")
	w.WriteHeader(r.status)
	// An error here means the client went away; there is no one to tell.
	_ = json.NewEncoder(w).Encode(r.body)
}
