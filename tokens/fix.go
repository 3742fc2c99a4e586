package tokens

import (
	"context"
	"errors"
)

// Fix is the one sentence that tells a user how to get past err, for any
// error this package returns; "" when there is nothing better to say than
// the error itself. The GUI, the tray and the CLI all show these words.
func Fix(err error) string {
	var fixer interface{ Fix() string }
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fixer):
		return fixer.Fix()
	case errors.Is(err, ErrNoSecret):
		return "Enter the client secret's Value in the profile."
	case errors.Is(err, ErrInsecureURL):
		return "Use an https:// address; plain http is only for an emulator on this machine."
	case errors.Is(err, context.DeadlineExceeded):
		return "The request took too long: check your network and proxy, then try again."
	}
	return ""
}

// Fix says what to check when an answer is far too big.
func (e *BodyTooLargeError) Fix() string {
	return "Check the endpoint address: what answered does not look like Entra ID or Resource Manager."
}
