package profiles

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// PostmanToken is a token to hand to Postman with an environment, in the
// variables the recipe's pre-request script reads, so that Postman can call
// ARM at once without fetching a token itself.
type PostmanToken struct {
	AccessToken string
	ExpiresOn   time.Time
}

// String describes the token without revealing it.
func (t PostmanToken) String() string {
	return "bearer token expiring " + t.ExpiresOn.UTC().Format(time.RFC3339)
}

// GoString describes the token without revealing it, for %#v.
func (t PostmanToken) GoString() string { return t.String() }

// postmanEnvOut is an environment as Postman writes one.
type postmanEnvOut struct {
	ID         string       `json:"id"`
	Name       string       `json:"name"`
	Values     []postmanVar `json:"values"`
	Scope      string       `json:"_postman_variable_scope"`
	ExportedAt string       `json:"_postman_exported_at"`
	ExportedBy string       `json:"_postman_exported_using"`
}

// ExportPostman writes p as a Postman environment with the variables of
// Microsoft's Postman recipe: tenantId, clientId, resource (and
// subscriptionId when set), bearerToken and bearerTokenExpiresOn (epoch
// seconds, as the recipe sets them; empty without tok, so the recipe
// fetches a token). The client secret is included only when secret is not
// empty, which callers allow only when the user explicitly asked for it.
func ExportPostman(w io.Writer, p Profile, tok *PostmanToken, secret tokens.ClientSecret) error {
	vals := []postmanVar{
		postmanValue("tenantId", p.Tenant, "default"),
		postmanValue("clientId", p.ClientID, "default"),
	}
	if secret != "" {
		vals = append(vals, postmanValue("clientSecret", string(secret), "secret"))
	}
	// The recipe asks the v1 endpoint, which takes a scope's resource too.
	vals = append(vals, postmanValue("resource", p.Target().Audience(), "default"))
	if p.Subscription != "" {
		vals = append(vals, postmanValue("subscriptionId", p.Subscription, "default"))
	}
	var bearer, expires string
	if tok != nil {
		bearer, expires = tok.AccessToken, strconv.FormatInt(tok.ExpiresOn.Unix(), 10)
	}
	vals = append(vals,
		postmanValue("bearerToken", bearer, "secret"),
		postmanValue("bearerTokenExpiresOn", expires, "default"))
	env := postmanEnvOut{
		ID:         uuid4(),
		Name:       p.Name,
		Values:     vals,
		Scope:      "environment",
		ExportedAt: time.Now().UTC().Format("2006-01-02T15:04:05.000Z"),
		ExportedBy: "aztoken",
	}
	data, err := json.MarshalIndent(env, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func postmanValue(key, value, typ string) postmanVar {
	enabled := true
	v, _ := json.Marshal(value) // a string always marshals
	return postmanVar{Key: key, Value: v, Type: typ, Enabled: &enabled}
}

// uuid4 is a random UUID, the shape of the ids Postman gives environments.
func uuid4() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
