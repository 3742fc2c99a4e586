package emulator

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestListensOnLoopbackOnly(t *testing.T) {
	t.Parallel()
	s := start(t, nil)
	u, err := url.Parse(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	if u.Scheme != "http" || u.Hostname() != "127.0.0.1" || u.Port() == "" || strings.HasSuffix(s.URL(), "/") {
		t.Errorf("URL %q, want http://127.0.0.1:PORT", s.URL())
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		t.Errorf("%s is not a loopback address", u.Hostname())
	}
}

func TestStartRejectsBadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(*Config)
	}{
		{"tenant ID not a GUID", func(c *Config) { c.Tenants[0].ID = "contoso" }},
		{"tenant twice", func(c *Config) { c.Tenants[1].Domains = []string{"CONTOSO.onmicrosoft.com"} }},
		{"subscription ID not a GUID", func(c *Config) { c.Tenants[0].Subscriptions[0].ID = "prod" }},
		{"subscription twice", func(c *Config) { c.Tenants[1].Subscriptions[0].ID = readableSub }},
		{"app without client ID", func(c *Config) { c.Tenants[0].Apps[0].ClientID = "" }},
		{"negative page size", func(c *Config) { c.PageSize = -1 }},
		{"token version 3", func(c *Config) { c.AccessTokenVersion = 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := fixture()
			tt.edit(&cfg)
			if s, err := Start(cfg); err == nil {
				s.Close()
				t.Error("Start accepted the config")
			}
		})
	}
}

func TestConfigIsCopiedAtStart(t *testing.T) {
	t.Parallel()
	cfg := fixture()
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cfg.Tenants[0].Apps[0].Secrets[0].Value = "changed"
	cfg.Tenants[0].Subscriptions[0].Readers[0] = "nobody"
	auth := "Bearer " + armToken(t, s)
	if r := get(t, s.URL()+"/subscriptions/"+readableSub+apiVersion, auth); r.status != http.StatusOK {
		t.Errorf("changing the Config after Start changed the server: %d %s", r.status, r.body)
	}
}

func TestCloseStopsServing(t *testing.T) {
	t.Parallel()
	s, err := Start(fixture())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := client.Get(s.URL() + "/subscriptions" + apiVersion); err == nil {
		resp.Body.Close()
		t.Error("server still answers after Close")
	}
}
