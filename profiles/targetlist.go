package profiles

import "encoding/json"

// TargetList is a profile's extra targets, in order. It is a value, held
// in canonical JSON: copies of a Profile never share it (the Store hands
// out copies), and two lists of the same targets are ==, so a Profile
// stays comparable the way the editor and the import compare them.
type TargetList struct {
	encoded string
}

// NewTargetList holds ts, in this order.
func NewTargetList(ts ...NamedTarget) TargetList {
	if len(ts) == 0 {
		return TargetList{}
	}
	b, err := json.Marshal(ts)
	if err != nil {
		panic("profiles: a NamedTarget of strings failed to marshal: " + err.Error())
	}
	return TargetList{encoded: string(b)}
}

// All is the targets, a new slice each time.
func (l TargetList) All() []NamedTarget {
	if l.encoded == "" {
		return nil
	}
	var ts []NamedTarget
	if err := json.Unmarshal([]byte(l.encoded), &ts); err != nil {
		panic("profiles: a TargetList holds what it never wrote: " + err.Error())
	}
	return ts
}

// IsZero reports an empty list, which profiles.json leaves out.
func (l TargetList) IsZero() bool { return l.encoded == "" }

// MarshalJSON writes the list as an array.
func (l TargetList) MarshalJSON() ([]byte, error) {
	if l.encoded == "" {
		return []byte("[]"), nil
	}
	return []byte(l.encoded), nil
}

// UnmarshalJSON reads an array of targets; null is an empty list.
func (l *TargetList) UnmarshalJSON(b []byte) error {
	var ts []NamedTarget
	if err := json.Unmarshal(b, &ts); err != nil {
		return err
	}
	*l = NewTargetList(ts...)
	return nil
}
