package profiles

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Save validates p and stores it, adding it when its ID is new or empty (a
// fresh ID is assigned) and replacing the stored profile otherwise. It
// returns the profile as stored, with its new Revision. Problems are a
// *ValidationError, including a name another profile already has
// (ignoring case), or a *ConflictError when the profile was changed or
// removed since p was read. Use SaveWithSecret when the secret changes too.
func (s *Store) Save(p Profile) (Profile, error) {
	return s.SaveWithSecret(context.Background(), p, KeepSecret(), nil)
}

// place puts p into ps, as the next revision of the profile with its ID
// or as a new profile, and returns the result and whether p was there
// already. p must carry the revision stored now, or 0 for a new profile: a
// profile read before another process saved or deleted it is refused with
// a *ConflictError, never written over the newer one or added back.
func place(ps []Profile, p *Profile) (next []Profile, existed bool, err error) {
	i := indexID(ps, p.ID)
	switch {
	case i < 0 && p.Revision > 0:
		return nil, false, &ConflictError{Name: p.Name, Removed: true}
	case i >= 0 && ps[i].Revision != p.Revision:
		return nil, false, &ConflictError{Name: ps[i].Name}
	case indexName(ps, p.Name, p.ID) >= 0:
		return nil, false, nameTaken(p.Name, ps)
	}
	p.Revision++
	if i >= 0 {
		ps[i] = *p
		return ps, true, nil
	}
	return append(ps, *p), false, nil
}

// nameTaken is the problem of a name already in use, with a free one to
// offer instead.
func nameTaken(name string, ps []Profile) error {
	fe := problem(FieldName, "Another profile is already called "+strconv.Quote(name))
	fe.Suggestion = freeName(name, ps)
	return &ValidationError{Problems: []*FieldError{fe}}
}

// Delete removes the profile and then its secret from secrets (the store
// its secret was kept in; not nil), so that no secret outlives its
// profile. It deletes whatever revision is stored: removing is what the
// user asked for, even of a profile changed meanwhile. Deleting a profile
// that is already gone is not an error. If the secret cannot be removed, the profile stays
// deleted and the error says the secret remains.
func (s *Store) Delete(ctx context.Context, id ID, secrets SecretStore) error {
	err := s.mutate(func(ps []Profile) ([]Profile, error) {
		return slices.DeleteFunc(ps, func(p Profile) bool { return p.ID == id }), nil
	}, nil)
	if err != nil {
		return err
	}
	if err := secrets.Delete(ctx, id); err != nil {
		return fmt.Errorf("the profile was deleted but its secret is still stored: %w", err)
	}
	return nil
}

// Duplicate stores a copy of profile id under name (a free name derived
// from the original's when name is empty) with a new ID, and returns it.
// The secret is not copied: ask the user, then call CopySecret.
func (s *Store) Duplicate(id ID, name string) (Profile, error) {
	var dup Profile
	err := s.mutate(func(ps []Profile) ([]Profile, error) {
		i := indexID(ps, id)
		if i < 0 {
			return nil, fmt.Errorf("the profile to duplicate no longer exists")
		}
		dup = ps[i]
		dup.ID, dup.Revision = NewID(), 1
		dup.Name = name
		if dup.Name == "" {
			const copySuffix = " (copy)"
			dup.Name = freeName(truncate(ps[i].Name, maxName-len(copySuffix))+copySuffix, ps)
		}
		var err error
		if dup, err = dup.Validate(); err != nil {
			return nil, err
		}
		if indexName(ps, dup.Name, "") >= 0 {
			return nil, nameTaken(dup.Name, ps)
		}
		return append(ps, dup), nil
	}, nil)
	return dup, err
}

// SuggestName returns name if no profile has it, else the first free
// "name (2)", "name (3)", …, kept within the length limit.
func (s *Store) SuggestName(name string) string {
	s.snap.RLock()
	defer s.snap.RUnlock()
	return freeName(name, s.profiles)
}

// freeName is SuggestName over ps.
func freeName(name string, ps []Profile) string {
	if indexName(ps, name, "") < 0 {
		return name
	}
	for n := 2; ; n++ {
		suffix := " (" + strconv.Itoa(n) + ")"
		candidate := truncate(name, maxName-utf8.RuneCountInString(suffix)) + suffix
		if indexName(ps, candidate, "") < 0 {
			return candidate
		}
	}
}

// truncate keeps the first max characters of s.
func truncate(s string, max int) string {
	for i := range s {
		if max == 0 {
			return s[:i]
		}
		max--
	}
	return s
}

func indexID(ps []Profile, id ID) int {
	return slices.IndexFunc(ps, func(p Profile) bool { return p.ID == id })
}
