package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// certResult is what checking one path and typed password came to.
type certResult struct {
	path, password string
	cert           *tokens.Certificate
	warning        string
	err            error
	opened         opener
}

// opener is the password that opened the file.
type opener int

const (
	openedWithout opener = iota // none: a PEM file, or a PFX without one
	openedTyped
	openedStored
)

// checkCertificate loads the file as the CLI does: without a password
// first (a PEM file needs none), then with the typed one, or else the one
// stored for profile stored. It runs off the main goroutine.
func checkCertificate(ctx context.Context, secrets profiles.SecretStore, stored profiles.ID, path, typed string, now time.Time) certResult {
	r := certResult{path: path, password: typed}
	r.cert, r.warning, r.err = profiles.CheckCertificateFile(path, "", now)
	if !errors.Is(r.err, tokens.ErrWrongPassword) {
		return r
	}
	password, opened := typed, openedTyped
	if typed == "" && stored != "" {
		if s, err := secrets.Get(ctx, stored); err == nil && s != "" {
			password, opened = s, openedStored
		}
	}
	if password != "" {
		r.cert, r.warning, r.err = profiles.CheckCertificateFile(path, password, now)
		r.opened = opened
	}
	return r
}

// item is what saving does to the password kept beside the profile,
// once the file loads.
func (r *certResult) item() profiles.SecretChange {
	switch r.opened {
	case openedStored:
		return profiles.KeepSecret()
	case openedTyped:
		return profiles.SetSecret(r.password)
	}
	// No password opens the file: any item stored is a client secret or an
	// old password, and must not stay.
	return profiles.RemoveSecret()
}

// expiryText is the day a certificate expires, and how far off that is.
func expiryText(notAfter, now time.Time) string {
	day := notAfter.UTC().Format(time.DateOnly)
	if !notAfter.After(now) {
		return day + " (expired)"
	}
	return fmt.Sprintf("%s (in %d days)", day, int(notAfter.Sub(now).Hours()/24))
}
