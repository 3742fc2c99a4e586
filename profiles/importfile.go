package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// MaxImportSize is the largest file ParseImport reads. Real exports are a
// few kilobytes; anything this big is the wrong file.
const MaxImportSize = 1 << 20

// ImportFormat names the kind of file an import came from.
type ImportFormat string

// The formats ParseImport recognises.
const (
	FormatAztoken           ImportFormat = "aztoken profiles export"
	FormatPostmanEnv        ImportFormat = "Postman environment"
	FormatPostmanCollection ImportFormat = "Postman collection"
)

// Import is a parsed import file: profiles checked and ready to add,
// nothing stored yet. Secrets found in a Postman file are held here, in
// memory only, until ApplyImport puts them in a SecretStore.
type Import struct {
	Format     ImportFormat
	Candidates []Candidate
}

// Candidate is one profile an import would add.
type Candidate struct {
	// Profile is validated and has no ID yet.
	Profile Profile
	// Secret is the client secret a Postman file held, or empty. Its type
	// masks it when printed.
	Secret tokens.ClientSecret `json:"-"`
	// Warning is set when something looks wrong but may be right, such as
	// a secret that looks like a Secret ID.
	Warning string
}

// add validates c and appends it; label names the profile in errors.
func (imp *Import) add(label string, c Candidate) error {
	p, err := c.Profile.Validate()
	if err != nil {
		return fmt.Errorf("profile %s: %w", strconv.Quote(label), err)
	}
	for _, other := range imp.Candidates {
		if strings.EqualFold(other.Profile.Name, p.Name) {
			return fmt.Errorf("two profiles in the file are called %s", strconv.Quote(p.Name))
		}
	}
	c.Profile = p
	imp.Candidates = append(imp.Candidates, c)
	return nil
}

// ParseImport reads an aztoken profiles export, a Postman environment or a
// Postman collection, recognised by content. Every profile is validated
// before any is returned: the result is all of them or an error saying
// what is wrong, naming the profile and field when it is about one. Errors
// never quote a secret.
func ParseImport(data []byte) (*Import, error) {
	if len(data) > MaxImportSize {
		return nil, tooLarge(int64(len(data)))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return nil, errors.New("wrong shape: " + expected + ", not a JSON " + te.Value)
		}
		return nil, errors.New(describeJSON(data, err))
	}
	switch {
	case top["aztoken"] != nil:
		return parseExport(data)
	case top["values"] != nil || top["_postman_variable_scope"] != nil:
		return parsePostmanEnv(data)
	case top["info"] != nil:
		return parsePostmanCollection(data)
	}
	return nil, errors.New("not an import file: " + expected)
}

// expected says what ParseImport reads.
const expected = `expected an aztoken profiles export (with an "aztoken" key), a Postman environment (with "values") or a Postman collection (with "info" and "variable")`
