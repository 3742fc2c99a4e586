package profiles

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// Postman files as Postman exports them. Only what aztoken reads is
// declared; everything else (requests, scripts, auth) is ignored.
type (
	postmanEnv struct {
		Name   string       `json:"name"`
		Values []postmanVar `json:"values"`
	}
	postmanCollection struct {
		Info struct {
			PostmanID string `json:"_postman_id"`
			Name      string `json:"name"`
			Schema    string `json:"schema"`
		} `json:"info"`
		Variable []postmanVar `json:"variable"`
	}
	// postmanVar is an environment value or a collection variable.
	// Environments mark switched-off values "enabled": false, collections
	// "disabled": true.
	postmanVar struct {
		Key      string          `json:"key"`
		Value    json.RawMessage `json:"value"`
		Type     string          `json:"type,omitempty"`
		Enabled  *bool           `json:"enabled,omitempty"`
		Disabled bool            `json:"disabled,omitempty"`
	}
)

func parsePostmanEnv(data []byte) (*Import, error) {
	var env postmanEnv
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, fmt.Errorf("%s: %s", FormatPostmanEnv, describeJSON(data, err))
	}
	return postmanImport(FormatPostmanEnv, env.Name, env.Values)
}

func parsePostmanCollection(data []byte) (*Import, error) {
	var col postmanCollection
	if err := json.Unmarshal(data, &col); err != nil {
		return nil, fmt.Errorf("%s: %s", FormatPostmanCollection, describeJSON(data, err))
	}
	if !strings.Contains(col.Info.Schema, "schema.getpostman.com") && col.Info.PostmanID == "" {
		return nil, errors.New("not an import file: " + expected)
	}
	return postmanImport(FormatPostmanCollection, col.Info.Name, col.Variable)
}

// postmanImport builds one profile from the variables of Microsoft's
// Postman recipe for Azure REST calls: tenantId, clientId, clientSecret,
// resource and subscriptionId (and scope, for a v2 variant). Keys are
// matched ignoring case; switched-off values are skipped.
func postmanImport(format ImportFormat, name string, vars []postmanVar) (*Import, error) {
	v, err := postmanValues(vars)
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", format, name, err)
	}
	if name = trimPasted(name); name == "" {
		name = "Imported from Postman"
	}
	fail := func(err error) (*Import, error) {
		return nil, fmt.Errorf("%s %q: %w", format, name, err)
	}
	p := Profile{Name: truncate(name, maxName), Credential: SecretCredential}
	fields := []struct { // tenantId and clientId first: both are required
		key   string
		field Field
		dst   *string
	}{
		{"tenantid", FieldTenant, &p.Tenant},
		{"clientid", FieldClientID, &p.ClientID},
		{"resource", FieldResource, &p.Resource},
		{"scope", FieldScope, &p.Scope},
		{"subscriptionid", FieldSubscription, &p.Subscription},
		{"clientsecret", FieldSecret, nil},
	}
	for _, f := range fields {
		if isPlaceholder(v[f.key]) {
			return fail(problem(f.field, "Holds a Postman variable reference, not a value; fill it in"))
		}
		if f.dst != nil {
			*f.dst = v[f.key]
		}
	}
	for _, f := range fields[:2] {
		if v[f.key] == "" {
			return fail(problem(f.field, "The file has no "+postmanName[f.key]+" variable with a value"))
		}
	}
	p.Cloud, p.Resource = cloudOfResource(p.Resource)
	c := Candidate{Profile: p}
	if raw := v["clientsecret"]; raw != "" {
		secret, warning, err := CheckSecret(raw)
		if err != nil {
			return fail(err)
		}
		c.Secret, c.Warning = tokens.ClientSecret(secret), warning
	}
	imp := &Import{Format: format}
	if err := imp.add(p.Name, c); err != nil {
		return nil, err
	}
	return imp, nil
}

// postmanName spells the recipe's variables as Postman shows them.
var postmanName = map[string]string{"tenantid": "tenantId", "clientid": "clientId"}

// postmanValues maps lower-cased keys to the first switched-on string
// value. The recipe's own outputs (bearerToken…) are read and ignored.
func postmanValues(vars []postmanVar) (map[string]string, error) {
	v := make(map[string]string)
	for _, pv := range vars {
		key := strings.ToLower(strings.TrimSpace(pv.Key))
		if (pv.Enabled != nil && !*pv.Enabled) || pv.Disabled || v[key] != "" {
			continue
		}
		if len(pv.Value) == 0 || string(pv.Value) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(pv.Value, &s); err != nil {
			return nil, fmt.Errorf("the value of %q should be text", pv.Key)
		}
		v[key] = s
	}
	return v, nil
}

// isPlaceholder reports whether s refers to another Postman variable, as
// in "{{tenant}}": it names a value Postman fills in, not the value.
func isPlaceholder(s string) bool {
	return strings.Contains(s, "{{") && strings.Contains(s, "}}")
}

// cloudOfResource recognises a built-in cloud's Resource Manager resource,
// which the recipe sets, so that the profile uses that cloud and its
// default rather than an override. Anything else stays an override on the
// public cloud.
func cloudOfResource(resource string) (cloud, rest string) {
	r := strings.TrimRight(trimPasted(resource), "/")
	for _, c := range tokens.BuiltinClouds() {
		if strings.EqualFold(r, strings.TrimRight(c.ARMResource, "/")) {
			return c.Name, ""
		}
	}
	return tokens.AzurePublic.Name, resource
}
