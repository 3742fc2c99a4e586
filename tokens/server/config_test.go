package server

import (
	"errors"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
)

func validConfig() Config {
	return Config{
		Profile: "dev",
		Request: tokens.Request{ClientID: "app", Target: tokens.ResourceTarget(armResource)},
		Cache:   tokens.NewCache(tokens.NewClient(), nil),
	}
}

func TestListenAddressMustBeLoopback(t *testing.T) {
	t.Parallel()
	for _, host := range []string{"0.0.0.0", "::", "192.168.1.10", "::1", "localhost", "127.0.0.2", "example.com"} {
		cfg := validConfig()
		cfg.Host = host
		srv, err := New(cfg)
		if !errors.Is(err, ErrNotLoopback) || !strings.Contains(err.Error(), "127.0.0.1 only") {
			t.Errorf("Host %q: %v", host, err)
		}
		if srv != nil {
			srv.Close()
		}
	}
	for _, host := range []string{"", Loopback} {
		cfg := validConfig()
		cfg.Host = host
		srv, err := New(cfg)
		if err != nil {
			t.Fatalf("Host %q: %v", host, err)
		}
		if !strings.HasPrefix(srv.Addr(), "127.0.0.1:") {
			t.Errorf("Host %q listens on %s", host, srv.Addr())
		}
		srv.Close()
	}
}

func TestConfigRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*Config)
		says   string
	}{
		{"negative port", func(c *Config) { c.Port = -1 }, "not a TCP port"},
		{"port too big", func(c *Config) { c.Port = 65536 }, "not a TCP port"},
		{"no cache", func(c *Config) { c.Cache = nil }, "no token cache"},
		{"no target", func(c *Config) { c.Request.Target = tokens.Target{} }, "no target"},
		{"no client ID", func(c *Config) { c.Request.ClientID = "" }, "client ID"},
		{"empty resource", func(c *Config) { c.AllowResources = []string{" "} }, "not a resource"},
		{"resource with a space", func(c *Config) { c.AllowResources = []string{"https://a b"} }, "not a resource"},
		{"wildcard origin", func(c *Config) { c.CORSOrigins = []string{"*"} }, "every web page"},
		{"origin with a path", func(c *Config) { c.CORSOrigins = []string{"http://localhost:3000/app"} }, "scheme, host and port only"},
		{"origin without scheme", func(c *Config) { c.CORSOrigins = []string{"localhost:3000"} }, "not an origin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := validConfig()
			tt.change(&cfg)
			srv, err := New(cfg)
			if err == nil {
				srv.Close()
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q lacks %q", err, tt.says)
			}
		})
	}
}

func TestResourceSpellings(t *testing.T) {
	t.Parallel()
	allowed, err := allowList(tokens.ResourceTarget(armResource), []string{"https://vault.azure.net/.default", "https://VAULT.azure.net"})
	if err != nil || len(allowed) != 2 {
		t.Fatalf("allow-list %v, %v", allowed, err)
	}
	tests := []struct {
		resource string
		want     string // the target asked for; "" means refused
	}{
		{"https://management.azure.com", armResource},
		{"https://management.azure.com/", armResource},
		{"https://management.azure.com/.default", armResource},
		{"HTTPS://Management.Azure.com", armResource},
		{"https://vault.azure.net/", "https://vault.azure.net"},
		{"https://management.azure.com.evil", ""},
		{"https://graph.microsoft.com", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if target := find(allowed, tt.resource); target != nil {
			got = target.Value()
		}
		if got != tt.want {
			t.Errorf("find(%q) = %q, want %q", tt.resource, got, tt.want)
		}
	}
}
