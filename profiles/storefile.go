package profiles

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// schemaVersion is the format of profiles.json this version writes.
//
// Version 0 was a bare JSON array of profiles without IDs; it is read,
// given IDs and written back as version 1 on the next save. A file with a
// higher version is read as well as possible and kept read-only.
//
// Each profile's "revision" was added within version 1, without a new
// version number: older aztokens ignore the field and keep reading and
// writing the file, and a profile without one reads as revision 1.
const schemaVersion = 1

// fileFormat is profiles.json.
type fileFormat struct {
	Schema   int       `json:"schema"`
	Profiles []Profile `json:"profiles"`
}

// contents is what reading profiles.json found.
type contents struct {
	profiles []Profile
	// newer is set when the file is from a newer aztoken.
	newer *NewerSchemaError
}

// decodeFile reads profiles.json's bytes. Problems are *CorruptError,
// naming path.
func decodeFile(path string, data []byte) (contents, error) {
	corrupt := func(format string, args ...any) (contents, error) {
		return contents{}, &CorruptError{Path: path, Err: fmt.Errorf(format, args...)}
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return corrupt("the file is empty")
	}
	var c contents
	switch trimmed[0] {
	case '[':
		if err := json.Unmarshal(data, &c.profiles); err != nil {
			return corrupt("%s", describeJSON(data, err))
		}
	case '{':
		var head struct {
			Schema *int `json:"schema"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return corrupt("%s", describeJSON(data, err))
		}
		if head.Schema == nil || *head.Schema < 1 {
			return corrupt("it has no format version (\"schema\")")
		}
		var f fileFormat
		err := json.Unmarshal(data, &f)
		if *head.Schema > schemaVersion {
			// Best effort: show what can be read, change nothing.
			_ = fillIn(f.Profiles)
			return contents{profiles: f.Profiles, newer: &NewerSchemaError{Path: path, Schema: *head.Schema}}, nil
		}
		if err != nil {
			return corrupt("%s", describeJSON(data, err))
		}
		c.profiles = f.Profiles
	default:
		return corrupt("not JSON: it should start with { (line 1)")
	}
	if err := fillIn(c.profiles); err != nil {
		return corrupt("%v", err)
	}
	return c, nil
}

// fillIn gives every profile an ID, a revision and the defaults older files
// left out, and refuses two profiles with one ID, which would share a
// secret.
func fillIn(ps []Profile) error {
	seen := make(map[ID]bool, len(ps))
	for i := range ps {
		p := &ps[i]
		if p.ID == "" {
			p.ID = derivedID(i, p.Name)
		}
		if seen[p.ID] {
			return errors.New("two profiles have the id " + string(p.ID))
		}
		seen[p.ID] = true
		if p.Revision == 0 {
			// Saved before revisions, or by an older aztoken: it exists,
			// so it is not new (revision 0), and its next save makes it 2.
			p.Revision = 1
		}
		if p.Credential == "" {
			p.Credential = SecretCredential
		}
		if p.Cloud == "" {
			p.Cloud = "public"
		}
	}
	return nil
}

// derivedID is the ID of a profile stored without one. It must be the same
// every time the file is read, by any process, until a save writes it: a
// random one would change under a window that has not saved yet, and its
// next save would no longer find the profile.
func derivedID(index int, name string) ID {
	sum := sha256.Sum256([]byte(strconv.Itoa(index) + "\x00" + strings.ToLower(name)))
	return ID(hex.EncodeToString(sum[:8]))
}

// encodeFile writes profiles.json's bytes in the current format.
func encodeFile(ps []Profile) ([]byte, error) {
	if ps == nil {
		ps = []Profile{}
	}
	data, err := json.MarshalIndent(fileFormat{Schema: schemaVersion, Profiles: ps}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
