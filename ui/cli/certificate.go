package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// certificateChange checks that a certificate profile's file loads, and
// returns the password that opened it for the keyring (none for a PEM
// file). The password comes from stdin with --cert-password-stdin;
// otherwise no password is tried first, then the one already stored, then
// a prompt when there is a terminal to ask on.
func certificateChange(ctx context.Context, env *Env, p profiles.Profile, fromStdin bool) (profiles.SecretChange, error) {
	tries := []string{""}
	if fromStdin {
		pw, err := readCertPassword(env)
		if err != nil {
			return profiles.KeepSecret(), err
		}
		tries = []string{pw}
	} else if p.ID != "" {
		if stored, err := env.Secrets.Get(ctx, p.ID); err == nil && stored != "" {
			tries = append(tries, stored)
		}
	}
	var err error
	for _, pw := range tries {
		if err = checkCertificate(env, p.CertificateFile, pw); err == nil {
			return profiles.SetSecret(pw), nil
		}
		if !errors.Is(err, tokens.ErrWrongPassword) {
			return profiles.KeepSecret(), err
		}
	}
	if fromStdin {
		return profiles.KeepSecret(), err
	}
	if env.ReadPassword == nil {
		return profiles.KeepSecret(), fmt.Errorf("%w (pipe the password in with --cert-password-stdin)", err)
	}
	pw, err := env.ReadPassword("Password of " + filepath.Base(p.CertificateFile) + " (input hidden): ")
	if err != nil {
		return profiles.KeepSecret(), err
	}
	if err := checkCertificate(env, p.CertificateFile, pw); err != nil {
		return profiles.KeepSecret(), err
	}
	return profiles.SetSecret(pw), nil
}

// checkCertificate loads the file and tells the user which certificate it
// is, so they can compare it with the app's Certificates & secrets.
func checkCertificate(env *Env, path, password string) error {
	cert, warning, err := profiles.CheckCertificateFile(path, password, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Certificate %s, SHA-1 thumbprint %s, expires %s.\n",
		cert.Subject(), cert.Thumbprints().SHA1, cert.NotAfter().UTC().Format(time.DateOnly))
	if warning != "" {
		fmt.Fprintln(env.Stderr, "warning:", warning)
	}
	return nil
}

// readCertPassword reads one line from stdin; an empty line means none.
func readCertPassword(env *Env) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(env.Stdin, 64<<10)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the certificate password from stdin: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// absPath makes a --cert-file path absolute: the window and other working
// folders must find the same file.
func absPath(path string) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", &profiles.FieldError{Field: profiles.FieldCertificateFile, Message: "Cannot resolve the path: " + err.Error(), Err: err}
	}
	return abs, nil
}

// certificateRows describe a certificate profile's credential for
// `profiles show`: where the file is, which certificate it holds (as the
// portal lists it) and when it expires, with a warning to print when that
// is near.
func certificateRows(ctx context.Context, env *Env, p profiles.Profile, now time.Time) (rows [][2]string, warning string) {
	password, err := env.Secrets.Get(ctx, p.ID)
	stored := "(in the OS keyring)"
	switch {
	case errors.Is(err, profiles.ErrSecretNotFound):
		stored = "(none stored)"
	case err != nil:
		stored = "(keyring: " + err.Error() + ")"
	}
	rows = [][2]string{{"Certificate file", p.CertificateFile}, {"PFX password", stored}}
	cert, warning, err := profiles.CheckCertificateFile(p.CertificateFile, password, now)
	if err != nil {
		return append(rows, [2]string{"Certificate", "cannot be used: " + err.Error()}), ""
	}
	expires := cert.NotAfter().UTC().Format(time.DateOnly)
	if cert.Expired(now) {
		expires += " (expired)"
	} else {
		expires += fmt.Sprintf(" (in %d days)", int(cert.NotAfter().Sub(now).Hours()/24))
	}
	tp := cert.Thumbprints()
	return append(rows,
		[2]string{"Subject", cert.Subject()},
		[2]string{"SHA-1 thumbprint", tp.SHA1},
		[2]string{"SHA-256 thumbprint", tp.SHA256},
		[2]string{"Certificate expires", expires},
	), warning
}
