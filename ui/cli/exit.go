package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
)

// Exit codes, documented in the README, so scripts can tell a typo from a
// wrong secret from a missing role from a dead network from an outage.
const (
	ExitOK         = 0
	ExitFailure    = 1 // anything else: files, keyring, clipboard
	ExitUsage      = 2 // bad flags, unknown command or profile, invalid field
	ExitCredential = 3 // Entra ID refused the token request, or the certificate cannot sign
	ExitARM        = 4 // Resource Manager refused the call
	ExitNetwork    = 5 // no answer: DNS, refused, timeout, TLS, proxy
	ExitService    = 6 // Azure failed (5xx) or throttled (429) after the retries, or asked to wait longer
)

// usageError is a mistake in the command line itself. command is the
// command whose help shows the right way, when known.
type usageError struct{ msg, command string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// exitCode classifies err for scripts.
func exitCode(err error) int {
	var entra *tokens.EntraError
	var armErr *arm.Error
	var coded interface{ ExitCode() int }
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &coded):
		return coded.ExitCode()
	case errors.As(err, new(*usageError)), errors.As(err, new(*profiles.FieldError)), errors.As(err, new(*profiles.ValidationError)):
		return ExitUsage
	case tokens.Unavailable(err):
		// Before the services' own errors: a 503 from Entra is an
		// *EntraError, but no credential is wrong.
		return ExitService
	case tokens.TimedOut(err), errors.As(err, new(*tokens.ProxyAuthError)):
		return ExitNetwork
	case errors.As(err, &entra), errors.Is(err, tokens.ErrNoSecret), errors.Is(err, profiles.ErrSecretNotFound),
		errors.As(err, new(*tokens.CertificateError)):
		return ExitCredential
	case errors.As(err, &armErr):
		return ExitARM
	case errors.As(err, new(*tokens.NetworkError)), errors.As(err, new(*tokens.ResponseError)),
		errors.As(err, new(*tokens.BodyTooLargeError)), errors.Is(err, context.DeadlineExceeded):
		return ExitNetwork
	}
	return ExitFailure
}

// report prints err with its fix to stderr (as JSON when asked) and
// returns the exit code. The words come from tokens.Fix, the same sentence
// the window shows.
func report(env *Env, asJSON bool, err error) int {
	code := exitCode(err)
	if err == nil {
		return ExitOK
	}
	fix := fixFor(err)
	if asJSON {
		out := map[string]any{"message": err.Error(), "exitCode": code}
		if fix != "" {
			out["fix"] = fix
		}
		var entra *tokens.EntraError
		if errors.As(err, &entra) {
			out["error"], out["aadsts"], out["traceId"], out["correlationId"] = entra.Code, entra.AADSTS(), entra.TraceID, entra.CorrelationID
		}
		var armErr *arm.Error
		if errors.As(err, &armErr) {
			out["error"], out["status"], out["requestId"] = armErr.Code, armErr.Status, armErr.RequestID
		}
		var wait *tokens.RetryAfterError
		if errors.As(err, &wait) {
			out["retryAfterSeconds"], out["retryAt"] = int(wait.Wait.Seconds()), wait.At.UTC().Format(time.RFC3339)
		}
		b, _ := json.MarshalIndent(map[string]any{"error": out}, "", "  ")
		fmt.Fprintln(env.Stderr, string(b))
		return code
	}
	fmt.Fprintln(env.Stderr, "aztoken:", err)
	if fix != "" {
		fmt.Fprintln(env.Stderr, "fix:", fix)
	}
	var usage *usageError
	if errors.As(err, &usage) {
		help := "aztoken help"
		if usage.command != "" {
			help = usage.command + " -h"
		}
		fmt.Fprintf(env.Stderr, "Run '%s' for usage.\n", help)
	}
	var entra *tokens.EntraError
	if errors.As(err, &entra) && entra.TraceID != "" {
		fmt.Fprintf(env.Stderr, "trace ID %s, correlation ID %s\n", entra.TraceID, entra.CorrelationID)
	}
	return code
}

func fixFor(err error) string {
	if fix := tokens.Fix(err); fix != "" {
		return fix
	}
	var field *profiles.FieldError
	if errors.As(err, &field) && field.Suggestion != "" {
		return "did you mean " + field.Suggestion + "?"
	}
	return ""
}

// wantsJSON spots --format json before flags are parsed, so that even a
// usage error comes out as JSON.
func wantsJSON(args []string) bool {
	for i, a := range args {
		switch {
		case strings.EqualFold(a, "--format=json"):
			return true
		case a == "--format" && i+1 < len(args) && strings.EqualFold(args[i+1], "json"):
			return true
		}
	}
	return false
}
