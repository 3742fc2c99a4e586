package tokens

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxTokenText is the most text ReadTokenText accepts. Entra's access
// tokens are a few kilobytes; one carrying hundreds of roles stays well
// under this, and anything larger is the wrong thing pasted.
const MaxTokenText = 64 << 10

// MalformedTokenError says why text is not a token aztoken can read, in
// words for the person who pasted it. It wraps ErrNotJWT.
type MalformedTokenError struct{ Reason string }

func (e *MalformedTokenError) Error() string { return e.Reason }

// Unwrap makes errors.Is(err, ErrNotJWT) hold.
func (e *MalformedTokenError) Unwrap() error { return ErrNotJWT }

func malformed(format string, a ...any) error {
	return &MalformedTokenError{Reason: fmt.Sprintf(format, a...)}
}

// ReadTokenText decodes a token as people paste it: the bare token,
// "Bearer <token>", or a whole "Authorization: Bearer <token>" header,
// with any surrounding white space or quotes. Input that is no readable
// JWT gets a *MalformedTokenError saying what it is instead: empty, far
// too long, an encrypted JWE, cut off, or not base64url JSON.
func ReadTokenText(text string) (JWT, error) {
	if len(text) > MaxTokenText {
		return JWT{}, malformed("this is %d KiB of text; an access token is a few kilobytes, so this is not one", len(text)>>10)
	}
	token := bareToken(text)
	if token == "" {
		return JWT{}, malformed("no token given")
	}
	parts := strings.Split(token, ".")
	switch {
	case len(parts) == 5:
		return JWT{}, malformed("this is an encrypted token (JWE, five parts): only the service it was made for can read it")
	case len(parts) < 3:
		return JWT{}, malformed("a JWT has three parts separated by dots and this has %d: it was probably cut off when it was copied", len(parts))
	case len(parts) > 3:
		return JWT{}, malformed("a JWT has three parts separated by dots and this has %d", len(parts))
	}
	names := [...]string{"header", "claims", "signature"}
	for i, p := range parts {
		if _, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "=")); err != nil {
			return JWT{}, malformed("the %s (part %d) is not base64url: %s", names[i], i+1, base64Problem(p, err))
		}
	}
	j, err := DecodeJWT(token)
	if err != nil {
		return JWT{}, jsonProblem(parts)
	}
	if short := truncatedSignature(j.Header, parts[2]); short != "" {
		return JWT{}, malformed("%s", short)
	}
	return j, nil
}

// bareToken strips what surrounds a token when it is copied from a
// header, a shell line or JSON, and joins a token broken over lines.
func bareToken(text string) string {
	t := strings.TrimSpace(text)
	t = strings.Trim(t, `"'`)
	if name, value, ok := strings.Cut(t, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "authorization") {
		t = strings.TrimSpace(value)
	}
	if scheme, rest, _ := strings.Cut(t, " "); strings.EqualFold(scheme, "bearer") {
		t = rest
	}
	// A token wrapped by a terminal or an editor keeps its line breaks.
	return strings.Join(strings.Fields(t), "")
}

// base64Problem names the first character base64url cannot hold, which is
// usually a line break or a character a chat tool changed.
func base64Problem(part string, err error) string {
	if ce, ok := err.(base64.CorruptInputError); ok && int(ce) < len(part) {
		r, _ := utf8.DecodeRuneInString(part[ce:])
		return fmt.Sprintf("character %q at position %d does not belong", r, int(ce)+1)
	}
	return err.Error()
}

// jsonProblem says which part decoded to something other than a JSON
// object; an object cut short means the token itself was cut.
func jsonProblem(parts []string) error {
	for i, name := range []string{"header", "claims"} {
		b, _ := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[i], "="))
		var v map[string]any
		err := json.Unmarshal(b, &v)
		if err == nil {
			continue
		}
		if strings.Contains(err.Error(), "unexpected end of JSON input") {
			return malformed("the %s ends early: the token was probably cut off when it was copied", name)
		}
		return malformed("the %s is not a JSON object, so this is not a JWT", name)
	}
	return malformed("the claims have a well-known claim of the wrong type, so this is not an Entra token")
}

// truncatedSignature reports an RS256 signature of a length no RSA key
// makes: the tail of the token was lost.
func truncatedSignature(header map[string]any, signature string) string {
	if header["alg"] != "RS256" {
		return ""
	}
	n := base64.RawURLEncoding.DecodedLen(len(strings.TrimRight(signature, "=")))
	switch n {
	case 256, 384, 512: // RSA keys of 2048, 3072 and 4096 bits
		return ""
	case 0:
		return "the token has no signature: it was probably cut off when it was copied"
	}
	return fmt.Sprintf("the signature is %d bytes, which no RSA key makes: the token was probably cut off when it was copied", n)
}
