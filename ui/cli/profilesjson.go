package cli

import (
	"context"
	"errors"
	"time"

	"github.com/aztoken/aztoken/profiles"
)

// profileSummary is one profile in `profiles list --format json`. It has
// no secret field at all, so none can slip in.
type profileSummary struct {
	Name         string `json:"name"`
	ID           string `json:"id"`
	Tenant       string `json:"tenant"`
	ClientID     string `json:"clientId"`
	Credential   string `json:"credential"`
	Cloud        string `json:"cloud"`
	Resource     string `json:"resource,omitempty"`
	Scope        string `json:"scope,omitempty"`
	Subscription string `json:"subscription,omitempty"`
}

func summarize(p profiles.Profile) profileSummary {
	s := profileSummary{
		Name: p.Name, ID: string(p.ID), Tenant: p.Tenant, ClientID: p.ClientID,
		Credential: string(p.Credential), Cloud: p.Endpoints().Name, Subscription: p.Subscription,
	}
	if s.Credential == "" {
		s.Credential = string(profiles.SecretCredential)
	}
	if t := p.Target(); t.IsScope() {
		s.Scope = t.Value()
	} else {
		s.Resource = t.Value()
	}
	return s
}

// profileDetail is `profiles show --format json`: every field, and
// whether the keyring holds the secret (or PFX password), never the
// secret itself.
type profileDetail struct {
	profileSummary
	AuthorityHost   string             `json:"authorityHost"`
	ARMEndpoint     string             `json:"armEndpoint"`
	SecretStored    bool               `json:"secretStored"`
	KeyringError    string             `json:"keyringError,omitempty"`
	SecretExpires   string             `json:"secretExpires,omitempty"`
	CertificateFile string             `json:"certificateFile,omitempty"`
	Certificate     *certificateDetail `json:"certificate,omitempty"`
	Notes           string             `json:"notes,omitempty"`
	Warning         string             `json:"warning,omitempty"`
	// Targets are every target the profile asks tokens for, the default
	// first: the names --target takes.
	Targets []targetDetail `json:"targets"`
}

// targetDetail is one target of a profile in `profiles show --format json`.
type targetDetail struct {
	Name     string `json:"name"`
	Resource string `json:"resource,omitempty"`
	Scope    string `json:"scope,omitempty"`
	Default  bool   `json:"default,omitempty"`
}

// targetDetails lists p's targets, the default first.
func targetDetails(p profiles.Profile) []targetDetail {
	var out []targetDetail
	for i, name := range p.TargetNames() {
		q, _ := p.WithTarget(name)
		d := targetDetail{Name: name, Default: i == 0}
		if t := q.Target(); t.IsScope() {
			d.Scope = t.Value()
		} else {
			d.Resource = t.Value()
		}
		out = append(out, d)
	}
	return out
}

// certificateDetail describes a certificate profile's certificate as the
// portal lists it, or why it cannot be used.
type certificateDetail struct {
	Subject    string `json:"subject,omitempty"`
	SHA1       string `json:"sha1Thumbprint,omitempty"`
	SHA256     string `json:"sha256Thumbprint,omitempty"`
	NotAfter   string `json:"notAfter,omitempty"`
	Expired    bool   `json:"expired"`
	Unreadable string `json:"error,omitempty"`
}

func detail(ctx context.Context, env *Env, p profiles.Profile) profileDetail {
	cloud := p.Endpoints()
	d := profileDetail{
		profileSummary: summarize(p),
		AuthorityHost:  cloud.AuthorityHost,
		ARMEndpoint:    cloud.ARMEndpoint,
		Notes:          p.Notes,
		Targets:        targetDetails(p),
	}
	if !p.SecretExpires.IsZero() {
		d.SecretExpires = p.SecretExpires.String()
	}
	secret, err := env.Secrets.Get(ctx, p.ID)
	switch {
	case err == nil:
		d.SecretStored = true
	case !errors.Is(err, profiles.ErrSecretNotFound):
		d.KeyringError = err.Error()
	}
	if p.Credential != profiles.CertificateCredential {
		return d
	}
	d.CertificateFile = p.CertificateFile
	now := time.Now()
	cert, warning, err := profiles.CheckCertificateFile(p.CertificateFile, secret, now)
	if err != nil {
		d.Certificate = &certificateDetail{Unreadable: err.Error()}
		return d
	}
	tp := cert.Thumbprints()
	d.Certificate = &certificateDetail{
		Subject: cert.Subject(), SHA1: tp.SHA1, SHA256: tp.SHA256,
		NotAfter: cert.NotAfter().UTC().Format(time.RFC3339), Expired: cert.Expired(now),
	}
	d.Warning = warning
	return d
}
