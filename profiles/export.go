package profiles

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// exportKind marks a file as aztoken's profile export, so that an import
// can tell it from other JSON.
const exportKind = "profiles"

// exportFile is the format a team shares: profiles without IDs or
// revisions (an import gives them new ones) and, since Profile has no such field, without
// secrets.
type exportFile struct {
	Kind     string    `json:"aztoken"`
	Schema   int       `json:"schema"`
	Profiles []Profile `json:"profiles"`
}

// Export writes ps as a file to share with a team. It contains no secret:
// each person who imports it adds their own.
func Export(w io.Writer, ps []Profile) error {
	out := exportFile{Kind: exportKind, Schema: schemaVersion, Profiles: make([]Profile, len(ps))}
	for i, p := range ps {
		p.ID, p.Revision = "", 0
		out.Profiles[i] = p
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// parseExport reads an aztoken export into import candidates.
func parseExport(data []byte) (*Import, error) {
	var f exportFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, errors.New(describeJSON(data, err))
	}
	switch {
	case f.Kind != exportKind:
		return nil, fmt.Errorf(`not an aztoken profiles export: "aztoken" is %q, expected %q`, f.Kind, exportKind)
	case f.Schema > schemaVersion:
		return nil, fmt.Errorf("made by a newer aztoken (format %d; this version knows %d): update aztoken to import it", f.Schema, schemaVersion)
	case f.Schema < 1:
		return nil, errors.New(`not an aztoken profiles export: it has no format version ("schema")`)
	case len(f.Profiles) == 0:
		return nil, errors.New("the file holds no profiles")
	}
	imp := &Import{Format: FormatAztoken}
	for i, p := range f.Profiles {
		p.ID, p.Revision = "", 0
		label := p.Name
		if label == "" {
			label = fmt.Sprintf("number %d", i+1)
		}
		if err := imp.add(label, Candidate{Profile: p}); err != nil {
			return nil, err
		}
	}
	return imp, nil
}
