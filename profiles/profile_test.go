package profiles

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// sample is a valid public-cloud profile, as a user would fill it in.
func sample(name string) Profile {
	return Profile{
		Name:     name,
		Tenant:   "contoso.onmicrosoft.com",
		ClientID: "66666666-7777-4888-9999-aaaaaaaaaaaa",
	}
}

func TestValidateCleansEveryField(t *testing.T) {
	t.Parallel()
	in := Profile{
		Name:          "  Contoso  ",
		Tenant:        "{" + upper + "}",
		ClientID:      " 66666666-7777-4888-9999-AAAAAAAAAAAA\n",
		Cloud:         "AzureUSGovernment",
		ARMEndpoint:   "https://management.usgovcloudapi.net/",
		Scope:         " https://management.usgovcloudapi.net/.default ",
		Subscription:  "{BBBBBBBB-CCCC-4DDD-8EEE-FFFFFFFFFFFF}",
		SecretExpires: NewDate(2026, time.December, 31),
		Notes:         "ops\r\n",
	}
	got, err := in.Validate()
	if err != nil {
		t.Fatal(err)
	}
	want := Profile{
		Name:          "Contoso",
		Tenant:        strings.ToLower(upper),
		ClientID:      "66666666-7777-4888-9999-aaaaaaaaaaaa",
		Credential:    SecretCredential,
		Cloud:         "usgov",
		ARMEndpoint:   "https://management.usgovcloudapi.net",
		Scope:         "https://management.usgovcloudapi.net/.default",
		Subscription:  "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff",
		SecretExpires: NewDate(2026, time.December, 31),
		Notes:         "ops",
	}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		p    Profile
		want map[Field]string // field → start of its message
	}{
		{"empty", Profile{}, map[Field]string{
			FieldName: "Enter a name", FieldTenant: "Enter the Directory", FieldClientID: "Enter the Application",
		}},
		{"common tenant and bad cloud", Profile{Name: "x", Tenant: "common", ClientID: guid, Cloud: "mars"}, map[Field]string{
			FieldTenant: `"common" means any tenant`, FieldCloud: "Unknown cloud",
		}},
		{"resource and scope", Profile{Name: "x", Tenant: guid, ClientID: guid,
			Resource: "https://management.azure.com/", Scope: "https://management.azure.com/.default"}, map[Field]string{
			FieldScope: "Set a resource (v1) or a scope (v2), not both",
		}},
		{"custom cloud without endpoints", Profile{Name: "x", Tenant: guid, ClientID: guid, Cloud: "custom"}, map[Field]string{
			FieldAuthorityHost: "A custom cloud needs its Entra ID authority host",
			FieldARMEndpoint:   "A custom cloud needs its Resource Manager endpoint",
			FieldResource:      "A custom cloud needs the resource",
		}},
		{"custom cloud over plain http", Profile{Name: "x", Tenant: guid, ClientID: guid, Cloud: "custom",
			AuthorityHost: "http://login.stack.example", ARMEndpoint: "https://management.stack.example",
			Resource: "https://management.stack.example/"}, map[Field]string{
			FieldAuthorityHost: "Plain http is allowed only for localhost",
		}},
		{"certificate without its file", Profile{Name: "x", Tenant: guid, ClientID: guid, Credential: CertificateCredential}, map[Field]string{
			FieldCertificateFile: "Choose the certificate file",
		}},
		{"unknown credential", Profile{Name: "x", Tenant: guid, ClientID: guid, Credential: "password"}, map[Field]string{
			FieldCredential: "Unknown credential kind",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.p.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v; want a ValidationError", err)
			}
			if got != c.p {
				t.Errorf("an invalid profile came back changed: %+v", got)
			}
			if len(ve.Problems) != len(c.want) {
				t.Errorf("got %d problems (%v); want %d", len(ve.Problems), ve, len(c.want))
			}
			for f, msg := range c.want {
				if fe := ve.For(f); fe == nil || !strings.HasPrefix(fe.Message, msg) {
					t.Errorf("%s: got %v; want %q", f, fe, msg)
				}
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Error("errors.As does not reach the FieldErrors")
			}
		})
	}
}

func TestCustomCloudIsValidWithLoopbackEmulator(t *testing.T) {
	t.Parallel()
	p := Profile{Name: "emulator", Tenant: guid, ClientID: guid, Cloud: "custom",
		AuthorityHost: "http://localhost:8400", ARMEndpoint: "http://127.0.0.1:8401",
		Resource: "https://management.emulator/"}
	p, err := p.Validate()
	if err != nil {
		t.Fatal(err)
	}
	want := tokens.Cloud{Name: "custom", AuthorityHost: "http://localhost:8400",
		ARMEndpoint: "http://127.0.0.1:8401", ARMResource: "https://management.emulator/"}
	if got := p.Endpoints(); got != want {
		t.Errorf("Endpoints() = %+v; want %+v", got, want)
	}
	url, err := p.Request(tokens.ClientSecret("s")).TokenURL()
	if err != nil || url != "http://localhost:8400/"+guid+"/oauth2/token" {
		t.Errorf("TokenURL() = %q, %v", url, err)
	}
}

func TestEndpointsAndTarget(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		p         Profile
		authority string
		arm       string
		target    tokens.Target
	}{
		{"public by default", Profile{}, "https://login.microsoftonline.com", "https://management.azure.com",
			tokens.ResourceTarget("https://management.azure.com/")},
		{"china", Profile{Cloud: "china"}, "https://login.partner.microsoftonline.cn", "https://management.chinacloudapi.cn",
			tokens.ResourceTarget("https://management.chinacloudapi.cn/")},
		{"usgov with overrides", Profile{Cloud: "usgov", AuthorityHost: "https://login.usgovcloudapi.net",
			ARMEndpoint: "https://arm.example"}, "https://login.usgovcloudapi.net", "https://arm.example",
			tokens.ResourceTarget("https://management.usgovcloudapi.net/")},
		{"resource override", Profile{Resource: "https://vault.azure.net"}, "https://login.microsoftonline.com",
			"https://management.azure.com", tokens.ResourceTarget("https://vault.azure.net")},
		{"scope", Profile{Scope: "https://graph.microsoft.com/.default"}, "https://login.microsoftonline.com",
			"https://management.azure.com", tokens.ScopeTarget("https://graph.microsoft.com/.default")},
		{"custom with scope", Profile{Cloud: "custom", AuthorityHost: "https://login.stack", ARMEndpoint: "https://arm.stack",
			Scope: "https://arm.stack/.default"}, "https://login.stack", "https://arm.stack",
			tokens.ScopeTarget("https://arm.stack/.default")},
	}
	for _, c := range cases {
		e := c.p.Endpoints()
		if e.AuthorityHost != c.authority || e.ARMEndpoint != c.arm || c.p.Target() != c.target {
			t.Errorf("%s: got %s %s %v; want %s %s %v", c.name, e.AuthorityHost, e.ARMEndpoint, c.p.Target(),
				c.authority, c.arm, c.target)
		}
	}
	p := sample("x")
	p.Scope = "https://management.azure.com/.default"
	r := p.Request(tokens.ClientSecret("s"))
	url, err := r.TokenURL()
	if err != nil || url != "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token" ||
		r.ClientID != p.ClientID || r.Credential != tokens.ClientSecret("s") {
		t.Errorf("Request() = %+v, TokenURL %q, %v", r, url, err)
	}
}

func TestDate(t *testing.T) {
	t.Parallel()
	d := NewDate(2026, time.March, 1)
	if d.String() != "2026-03-01" || d.IsZero() || (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Errorf("String/IsZero wrong: %q", d)
	}
	// Evening in a zone east of UTC still counts from that zone's own day.
	now := time.Date(2026, time.February, 27, 23, 30, 0, 0, time.FixedZone("UTC+10", 10*3600))
	if got := d.DaysFrom(now); got != 2 {
		t.Errorf("DaysFrom = %d; want 2", got)
	}
	if got := d.DaysFrom(time.Date(2026, time.March, 3, 8, 0, 0, 0, time.UTC)); got != -2 {
		t.Errorf("DaysFrom after = %d; want -2", got)
	}
	var back Date
	if err := back.UnmarshalText([]byte("2026-03-01")); err != nil || back != d {
		t.Errorf("UnmarshalText: %v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("tomorrow")); err == nil {
		t.Error("UnmarshalText accepted tomorrow")
	}
}

func TestNewIDIsRandomAndReadable(t *testing.T) {
	t.Parallel()
	seen := map[ID]bool{}
	for range 1000 {
		id := NewID()
		if len(id) != 16 || strings.Trim(string(id), "0123456789abcdef") != "" || seen[id] {
			t.Fatalf("bad or repeated ID %q", id)
		}
		seen[id] = true
	}
}

func TestEveryCloudOnBothEndpoints(t *testing.T) {
	t.Parallel()
	const tenant = "contoso.onmicrosoft.com"
	custom := Profile{Cloud: "custom", AuthorityHost: "https://login.stack.example", ARMEndpoint: "https://management.stack.example",
		Resource: "https://management.stack.example/"}
	tests := []struct {
		p             Profile
		login, target string
	}{
		{Profile{Cloud: "public"}, "https://login.microsoftonline.com", "https://management.azure.com/"},
		{Profile{Cloud: "usgov"}, "https://login.microsoftonline.us", "https://management.usgovcloudapi.net/"},
		{Profile{Cloud: "china"}, "https://login.partner.microsoftonline.cn", "https://management.chinacloudapi.cn/"},
		{custom, "https://login.stack.example", "https://management.stack.example/"},
	}
	for _, tt := range tests {
		t.Run(tt.p.Cloud, func(t *testing.T) {
			p := tt.p
			p.Name, p.Tenant, p.ClientID = "x", tenant, guid
			v1 := p.Request(tokens.ClientSecret("s"))
			if url, err := v1.TokenURL(); err != nil || url != tt.login+"/"+tenant+"/oauth2/token" || v1.Target != tokens.ResourceTarget(tt.target) {
				t.Errorf("v1: %q, %v, target %v", url, err, v1.Target)
			}
			p.Resource, p.Scope = "", tt.target+"/.default"
			v2 := p.Request(tokens.ClientSecret("s"))
			if url, err := v2.TokenURL(); err != nil || url != tt.login+"/"+tenant+"/oauth2/v2.0/token" || v2.Target.Audience() != tt.target {
				t.Errorf("v2: %q, %v, target %v", url, err, v2.Target)
			}
			if _, err := p.Validate(); err != nil {
				t.Errorf("the v2 profile is not valid: %v", err)
			}
		})
	}
}
