package profiles

import (
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// NamedTarget is an extra API a profile asks tokens for, beside its
// default target: a v1 resource or a v2 scope, never both, under a name
// unique in the profile.
type NamedTarget struct {
	// Name is what the target picker, the tray and --target call it.
	Name string `json:"name"`
	// Resource is a v1 resource: an https URI, an api:// App ID URI or an
	// app ID.
	Resource string `json:"resource,omitempty"`
	// Scope is a v2 scope ending in /.default.
	Scope string `json:"scope,omitempty"`
}

// Target is what the named target asks tokens for.
func (t NamedTarget) Target() tokens.Target {
	if t.Scope != "" {
		return tokens.ScopeTarget(t.Scope)
	}
	return tokens.ResourceTarget(t.Resource)
}

// NewNamedTarget files value under name as a scope when it ends in
// /.default, else as a resource: how the editor and the command line take
// one typed value.
func NewNamedTarget(name, value string) NamedTarget {
	value = trimPasted(value)
	if strings.HasSuffix(value, defaultSuffix) {
		return NamedTarget{Name: name, Scope: value}
	}
	return NamedTarget{Name: name, Resource: value}
}

// Value is the resource or the scope, as typed.
func (t NamedTarget) Value() string { return t.Resource + t.Scope }

// DefaultTargetFallbackName names a default target that is no preset of
// the profile's cloud, such as an api:// URI.
const DefaultTargetFallbackName = "Default"

// DefaultTargetName names the profile's default target: the preset's name
// when it is one (usually "Resource Manager"), else "Default".
func (p Profile) DefaultTargetName() string {
	if pre, ok := tokens.PresetFor(p.Endpoints(), p.defaultTarget()); ok {
		return pre.Name
	}
	return DefaultTargetFallbackName
}

// TargetNames lists the default target's name, then the extra targets'.
func (p Profile) TargetNames() []string {
	names := []string{p.DefaultTargetName()}
	for _, t := range p.Targets.All() {
		names = append(names, t.Name)
	}
	return names
}

// WithTarget is the profile asking for the target called name (ignoring
// case) instead of its default: its Target, Request and CacheKey are that
// target's. "" or the default's name is the default target. The pick is
// never saved; ok is false when the profile has no such target.
func (p Profile) WithTarget(name string) (picked Profile, ok bool) {
	p.picked = ""
	if name == "" || strings.EqualFold(name, p.DefaultTargetName()) {
		return p, true
	}
	for _, t := range p.Targets.All() {
		if strings.EqualFold(t.Name, name) {
			p.picked = t.Name
			return p, true
		}
	}
	return p, false
}

// TargetName is the name of the target the profile asks for now: the one
// WithTarget picked, or the default's.
func (p Profile) TargetName() string {
	if p.picked != "" {
		return p.picked
	}
	return p.DefaultTargetName()
}

// Picked is the extra target WithTarget chose, or "" for the default.
func (p Profile) Picked() string { return p.picked }

// pickedTarget is the extra target WithTarget chose.
func (p Profile) pickedTarget() (tokens.Target, bool) {
	if p.picked == "" {
		return tokens.Target{}, false // the default: no need to read the list
	}
	for _, t := range p.Targets.All() {
		if t.Name == p.picked {
			return t.Target(), true
		}
	}
	return tokens.Target{}, false
}
