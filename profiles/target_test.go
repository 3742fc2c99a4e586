package profiles

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
)

// withTargets is sample(name) calling Graph and the team's own API too.
func withTargets(name string) Profile {
	p := sample(name)
	p.Targets = NewTargetList(
		NamedTarget{Name: "Microsoft Graph", Resource: "https://graph.microsoft.com/"},
		NamedTarget{Name: "My API", Scope: "api://66666666-7777-4888-9999-aaaaaaaaaaaa/.default"},
	)
	return p
}

func TestAProfileAsksForThePickedTargetAndFilesItsTokensApart(t *testing.T) {
	t.Parallel()
	p, err := withTargets("dev").Validate()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.TargetNames(); strings.Join(got, ",") != "Resource Manager,Microsoft Graph,My API" {
		t.Errorf("targets %q", got)
	}
	graph, ok := p.WithTarget("microsoft graph")
	if !ok || graph.Request(nil).Target != tokens.ResourceTarget("https://graph.microsoft.com/") || graph.TargetName() != "Microsoft Graph" {
		t.Errorf("picking Graph asks for %v as %q", graph.Request(nil).Target, graph.TargetName())
	}
	api, _ := p.WithTarget("My API")
	if !api.Target().IsScope() {
		t.Errorf("My API asks for %v; want its v2 scope", api.Target())
	}
	if graph.CacheKey() == p.CacheKey() || api.CacheKey() == graph.CacheKey() || graph.CacheKey().Profile != p.CacheKey().Profile {
		t.Error("two targets of one profile share a cache entry, or the entries are not filed under the profile")
	}
	if back, ok := graph.WithTarget("Resource Manager"); !ok || back.CacheKey() != p.CacheKey() {
		t.Error("picking the default's name again does not ask for the default")
	}
	if _, ok := p.WithTarget("Key Vault"); ok {
		t.Error("a target the profile does not have was picked")
	}
	if graph.SetupCheck(nil, nil, "").Request.Target != p.Target() {
		t.Error("the setup check of a profile with Graph picked does not ask for Resource Manager")
	}
	saved, err := graph.Validate()
	if err != nil || saved.Picked() != "" || saved.Target() != p.Target() {
		t.Errorf("a pick was kept by Validate: %q, %v", saved.Picked(), err)
	}
}

func TestExtraTargetsAreCheckedAtTheirField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		targets []NamedTarget
		field   Field
		message string
	}{
		{"no name", []NamedTarget{{Resource: "https://graph.microsoft.com/"}}, TargetNameField(0), "Name this target"},
		{"no value", []NamedTarget{{Name: "Graph"}}, TargetValueField(0), "Type a resource"},
		{"both", []NamedTarget{{Name: "Graph", Resource: "https://graph.microsoft.com/", Scope: "https://graph.microsoft.com/.default"}}, TargetValueField(0), "not both"},
		{"http", []NamedTarget{{Name: "Mine", Resource: "http://example.com/"}}, TargetValueField(0), "https URI"},
		{"scope without .default", []NamedTarget{{Name: "Mine", Scope: "api://mine"}}, TargetValueField(0), "/.default"},
		{"not a URI", []NamedTarget{{Name: "Mine", Resource: "graph"}}, TargetValueField(0), "Expected a URI"},
		{"same name", []NamedTarget{{Name: "Graph", Resource: "https://graph.microsoft.com/"}, {Name: "graph", Resource: "https://vault.azure.net"}}, TargetNameField(1), "Another target is called Graph"},
		{"same API", []NamedTarget{{Name: "Graph", Resource: "https://graph.microsoft.com/"}, {Name: "Graph v2", Scope: "https://graph.microsoft.com/.default"}}, TargetValueField(1), "Target Graph is for this API already"},
		{"the default again", []NamedTarget{{Name: "ARM", Resource: "https://management.core.windows.net/"}}, TargetValueField(0), "default target (Resource Manager) already"},
		{"the default's name", []NamedTarget{{Name: "resource manager", Resource: "https://vault.azure.net"}}, TargetNameField(0), "The default target is called Resource Manager"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sample("dev")
			p.Targets = NewTargetList(tt.targets...)
			_, err := p.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v; want a *ValidationError", err)
			}
			for _, fe := range ve.Problems {
				if fe.Field == tt.field && strings.Contains(fe.Message, tt.message) {
					return
				}
			}
			t.Errorf("problems %v; want one at %s (%q) saying %q", ve, tt.field, tt.field.Label(), tt.message)
		})
	}
}

func TestATypedValueIsAScopeOnlyWhenItEndsInDefault(t *testing.T) {
	t.Parallel()
	if got := NewNamedTarget("Graph", " https://graph.microsoft.com/.default "); got.Scope != "https://graph.microsoft.com/.default" || got.Resource != "" {
		t.Errorf("got %+v", got)
	}
	if got := NewNamedTarget("Vault", "https://vault.azure.net"); got.Resource != "https://vault.azure.net" || got.Scope != "" {
		t.Errorf("got %+v", got)
	}
	if got := TargetValueField(1).Label(); got != "Target 2" {
		t.Errorf("label %q", got)
	}
}

func TestTargetsAreSavedInTheFileAndAnOldFileLoadsWithout(t *testing.T) {
	t.Parallel()
	path := writeFile(t, `{"schema": 1, "profiles": [{"id": "0123456789abcdef", "revision": 3, "name": "old", "tenant": "`+guid+`", "clientId": "`+guid+`"}]}`)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	old, ok := s.Get("0123456789abcdef")
	if !ok || !old.Targets.IsZero() || old.Revision != 3 || strings.Join(old.TargetNames(), ",") != "Resource Manager" {
		t.Fatalf("an old file loads as %+v", old)
	}
	edit := old
	edit.Targets = withTargets("x").Targets
	saved := mustSave(t, s, edit)
	data, _ := os.ReadFile(path)
	var f struct {
		Profiles []struct {
			Targets []map[string]string `json:"targets"`
		} `json:"profiles"`
	}
	if err := json.Unmarshal(data, &f); err != nil || len(f.Profiles[0].Targets) != 2 ||
		f.Profiles[0].Targets[0]["name"] != "Microsoft Graph" || f.Profiles[0].Targets[1]["scope"] == "" {
		t.Errorf("file %s (%v)", data, err)
	}
	again, _ := Open(path)
	if got, _ := again.Get(old.ID); got != saved {
		t.Errorf("read back %+v; want %+v", got, saved)
	}
	// The stale read of the old profile must still lose to this edit.
	old.Targets = NewTargetList(NamedTarget{Name: "Vault", Resource: "https://vault.azure.net"})
	var ce *ConflictError
	if _, err := again.Save(old); !errors.As(err, &ce) {
		t.Errorf("a save from an older read got %v; want a conflict", err)
	}
}
