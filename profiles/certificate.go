package profiles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

const (
	// maxPath is generous for any file system's paths.
	maxPath = 4096
	// maxCertificateFile bounds what is read: a PFX with its chain is a
	// few KiB, and choosing a disk image by mistake must not fill memory.
	maxCertificateFile = 1 << 20
	// CertificateWarningWindow is how long before its expiry a certificate
	// is flagged: time to make a new one and have it uploaded to the app.
	CertificateWarningWindow = 30 * 24 * time.Hour
)

// CheckCertificatePath cleans the path of a certificate file as typed or
// pasted; Windows' "Copy as path" adds quotes, which are dropped. It does
// not look at the disk (CheckCertificateFile does). Empty is allowed;
// Validate decides whether the profile needs one.
func CheckCertificatePath(s string) (string, error) {
	s = trimPasted(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = trimPasted(s[1 : len(s)-1])
	}
	if err := checkText(FieldCertificateFile, s, maxPath, false); err != nil {
		return "", err
	}
	return s, nil
}

// CheckCertificateFile reads and loads the certificate at path, opening a
// PFX with password, and says what is wrong at the field to fix: the file
// or the password. It reads the disk, so run it when the path or the
// password changes, not on every keystroke. warning is set when the
// certificate has expired or expires within CertificateWarningWindow of
// now: it still loads, so that the user can see which one to replace.
func CheckCertificateFile(path, password string, now time.Time) (cert *tokens.Certificate, warning string, err error) {
	cert, err = loadCertificateFile(path, password)
	if err != nil {
		return nil, "", err
	}
	return cert, CertificateWarning(cert, now), nil
}

// CertificateWarning is the sentence that warns of a certificate's expiry,
// or "" while more than CertificateWarningWindow of it remains.
func CertificateWarning(c *tokens.Certificate, now time.Time) string {
	date := c.NotAfter().UTC().Format(time.DateOnly)
	switch days := int(c.NotAfter().Sub(now).Hours() / 24); {
	case c.Expired(now):
		return "This certificate expired on " + date + " and Entra no longer accepts it: create a new one and upload its .cer to the app"
	case !c.ExpiresWithin(now, CertificateWarningWindow):
		return ""
	case days == 0:
		return "This certificate expires today (" + date + "): upload a new one to the app now"
	default:
		return fmt.Sprintf("This certificate expires in %d days, on %s: upload a new one to the app before then", days, date)
	}
}

// loadCertificateFile is CheckCertificateFile without the warning: every
// error is a *FieldError.
func loadCertificateFile(path, password string) (*tokens.Certificate, error) {
	path, err := CheckCertificatePath(path)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return nil, problem(FieldCertificateFile, "Choose the certificate file: a .pfx, .p12 or .pem with the private key")
	}
	data, err := readCertificateFile(path)
	if err != nil {
		return nil, err
	}
	cert, err := tokens.LoadCertificate(data, password)
	var ce *tokens.CertificateError
	if errors.As(err, &ce) {
		field := FieldCertificateFile
		if errors.Is(err, tokens.ErrWrongPassword) {
			field = FieldCertificatePassword
		}
		return nil, &FieldError{Field: field, Message: sentence(ce.Error()), Err: ce}
	}
	return cert, err
}

// readCertificateFile reads at most maxCertificateFile bytes, with a
// message for each way a chosen path can fail.
func readCertificateFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileProblem(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, problem(FieldCertificateFile, "This is a folder: choose the certificate file in it")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCertificateFile+1))
	switch {
	case err != nil:
		return nil, fileProblem(err)
	case len(data) > maxCertificateFile:
		return nil, problem(FieldCertificateFile, "This file is far too big to be a certificate: choose the .pfx or .pem")
	}
	return data, nil
}

func fileProblem(err error) *FieldError {
	msg := "Cannot read the file: " + err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "No file at this path: check it, or choose the file again"
	case errors.Is(err, fs.ErrPermission):
		msg = "aztoken may not read this file: check its permissions"
	}
	return &FieldError{Field: FieldCertificateFile, Message: msg, Err: err}
}

// LoadCredential is what proves the profile's app in a token request: its
// client secret from secrets, or its certificate file loaded with the PFX
// password kept in secrets (none for a PEM file). A secret profile without
// a secret returns ErrSecretNotFound; a certificate that cannot be used
// returns a *FieldError at FieldCertificateFile or FieldCertificatePassword
// that wraps the *tokens.CertificateError.
func (p Profile) LoadCredential(ctx context.Context, secrets SecretStore) (tokens.Credential, error) {
	stored, err := secrets.Get(ctx, p.ID)
	if err != nil && (p.Credential != CertificateCredential || !errors.Is(err, ErrSecretNotFound)) {
		return nil, err
	}
	if p.Credential != CertificateCredential {
		return tokens.ClientSecret(stored), nil
	}
	cert, err := loadCertificateFile(p.CertificateFile, stored)
	if err != nil {
		return nil, err
	}
	return tokens.CertificateCredential{Certificate: cert}, nil
}
