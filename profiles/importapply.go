package profiles

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Clash is an imported profile whose name another profile already has.
// Imports never overwrite: the user renames the import or skips it.
type Clash struct {
	// Index is the candidate's place in Import.Candidates.
	Index int
	// Name is the name that is taken.
	Name string
	// Suggestion is a free name to offer for a rename.
	Suggestion string
}

// Decision is the user's answer to a Clash: Rename or Skip. The zero
// Decision is no answer, and there is no way to say "overwrite".
type Decision struct {
	rename string
	skip   bool
}

// Rename imports the candidate under name instead.
func Rename(name string) Decision { return Decision{rename: name} }

// Skip leaves the candidate out of the import.
func Skip() Decision { return Decision{skip: true} }

// ClashError lists the clashes that still need a Decision. ApplyImport
// returns it, having stored nothing, when another process added a
// clashing profile since ImportPlan or when a rename clashes too.
type ClashError struct {
	Clashes []Clash
}

// Error names the clashing profiles.
func (e *ClashError) Error() string {
	names := make([]string, len(e.Clashes))
	for i, c := range e.Clashes {
		names[i] = strconv.Quote(c.Name)
	}
	return "choose a new name or skip: already in use: " + strings.Join(names, ", ")
}

// ImportPlan lists the candidates whose names are taken, to ask the user
// about before ApplyImport.
func (s *Store) ImportPlan(imp *Import) []Clash {
	_, clashes, _ := resolveImport(s.List(), imp, nil)
	return clashes
}

// ApplyImport adds the import's candidates with new IDs, following
// decisions (by candidate index) for the names that clash, and puts the
// secrets a Postman file held into secrets. It is all or nothing: on any
// error no profile is added and no secret is left behind. It returns the
// profiles added. secrets may be nil only if no candidate has a secret.
func (s *Store) ApplyImport(ctx context.Context, imp *Import, decisions map[int]Decision, secrets SecretStore) ([]Profile, error) {
	if secrets != nil && slices.ContainsFunc(imp.Candidates, func(c Candidate) bool { return c.Secret != "" }) {
		// The file store's passphrase, asked before the profiles lock.
		if err := UnlockSecrets(ctx, secrets); err != nil {
			return nil, err
		}
	}
	var added []Profile
	var stored []ID
	err := s.mutate(func(ps []Profile) ([]Profile, error) {
		plan, clashes, err := resolveImport(ps, imp, decisions)
		if err != nil {
			return nil, err
		}
		if len(clashes) > 0 {
			return nil, &ClashError{Clashes: clashes}
		}
		added = make([]Profile, len(plan))
		for i, c := range plan {
			added[i] = c.Profile
			added[i].ID, added[i].Revision = NewID(), 1
			if c.Secret == "" {
				continue
			}
			if secrets == nil {
				return nil, errors.New("the import holds secrets but no secret store was given")
			}
			if err := secrets.Set(ctx, added[i].ID, string(c.Secret)); err != nil {
				return nil, fmt.Errorf("profile %s: %w", strconv.Quote(added[i].Name), err)
			}
			stored = append(stored, added[i].ID)
		}
		return append(ps, added...), nil
	}, nil)
	if err != nil {
		// Even if ctx has ended: no secret may outlive a failed import.
		for _, id := range stored {
			_ = secrets.Delete(context.WithoutCancel(ctx), id)
		}
		return nil, err
	}
	return added, nil
}

// resolveImport applies decisions to the candidates: it returns those to
// add, under their final names, and the clashes still unanswered. Names
// are checked against ps and against the candidates added before.
func resolveImport(ps []Profile, imp *Import, decisions map[int]Decision) ([]Candidate, []Clash, error) {
	var plan []Candidate
	var clashes []Clash
	taken := slices.Clone(ps)
	for i, c := range imp.Candidates {
		d := decisions[i]
		if d.skip {
			continue
		}
		if d.rename != "" {
			name, err := CheckName(d.rename)
			if err != nil {
				return nil, nil, fmt.Errorf("new name for %s: %w", strconv.Quote(c.Profile.Name), err)
			}
			c.Profile.Name = name
		}
		if indexName(taken, c.Profile.Name, "") >= 0 {
			clashes = append(clashes, Clash{Index: i, Name: c.Profile.Name, Suggestion: freeName(c.Profile.Name, taken)})
			continue
		}
		taken = append(taken, c.Profile)
		plan = append(plan, c)
	}
	return plan, clashes, nil
}
