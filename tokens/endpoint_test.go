package tokens

import (
	"errors"
	"testing"
)

func TestCheckEndpoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw      string
		ok       bool
		insecure bool
	}{
		{"https://login.microsoftonline.com", true, false},
		{"https://login.microsoftonline.com/", true, false},
		{"http://127.0.0.1:8080", true, false},
		{"http://localhost:9000", true, false},
		{"http://[::1]:9000", true, false},
		{"http://login.microsoftonline.com", false, true},
		{"http://10.0.0.5", false, true},
		{"ftp://example.com", false, false},
		{"login.microsoftonline.com", false, false},
		{"https://", false, false},
		{"https://user:pw@example.com", false, false},
		{"https://example.com/?x=1", false, false},
	}
	for _, tt := range tests {
		_, err := CheckEndpoint(tt.raw)
		if (err == nil) != tt.ok {
			t.Errorf("CheckEndpoint(%q) err = %v, want ok=%v", tt.raw, err, tt.ok)
		}
		if errors.Is(err, ErrInsecureURL) != tt.insecure {
			t.Errorf("CheckEndpoint(%q) err = %v, insecure want %v", tt.raw, err, tt.insecure)
		}
	}
}

func TestRequestTokenURLFollowsTheTarget(t *testing.T) {
	t.Parallel()
	r := Request{AuthorityHost: "https://login.microsoftonline.com/", Tenant: "contoso.onmicrosoft.com", Target: ResourceTarget("https://management.azure.com/")}
	if got, _ := r.TokenURL(); got != "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token" {
		t.Errorf("v1 url = %s", got)
	}
	r.Target = ScopeTarget("https://management.azure.com/.default")
	if got, _ := r.TokenURL(); got != "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token" {
		t.Errorf("v2 url = %s", got)
	}
	r.AuthorityHost = "http://login.microsoftonline.com"
	if _, err := r.TokenURL(); !errors.Is(err, ErrInsecureURL) {
		t.Errorf("plain http to a remote host: err = %v", err)
	}
}
