package profiles

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/aztoken/aztoken/tokens"
)

// The parts of an extra target that a problem can be about.
const (
	targetNamePart  = "name"
	targetValuePart = "value"
)

// TargetNameField is the field of the name of the i-th extra target, from
// 0, so that a problem shows next to its entry.
func TargetNameField(i int) Field { return targetField(i, targetNamePart) }

// TargetValueField is the field of the resource or scope of the i-th
// extra target, from 0.
func TargetValueField(i int) Field { return targetField(i, targetValuePart) }

func targetField(i int, part string) Field {
	return Field("targets." + strconv.Itoa(i) + "." + part)
}

// targetFieldLabel words a target's field as the editor labels it, "Target
// 2 name", when f is one.
func targetFieldLabel(f Field) (string, bool) {
	rest, ok := strings.CutPrefix(string(f), "targets.")
	if !ok {
		return "", false
	}
	num, part, ok := strings.Cut(rest, ".")
	i, err := strconv.Atoi(num)
	if !ok || err != nil {
		return "", false
	}
	if part == targetNamePart {
		return fmt.Sprintf("Target %d name", i+1), true
	}
	return fmt.Sprintf("Target %d", i+1), true
}

// checkTargets cleans and checks p's extra targets against each other and
// against p's default target, which must already be clean.
func (v *validator) checkTargets(p Profile) TargetList {
	def := p.defaultTarget()
	defName := p.DefaultTargetName()
	var clean []NamedTarget
	for i, t := range p.Targets.All() {
		t, err := CheckTarget(i, t)
		if err != nil {
			v.check("", err)
		}
		nameField, valueField := TargetNameField(i), TargetValueField(i)
		if t.Name != "" && strings.EqualFold(t.Name, defName) {
			v.add(problem(nameField, "The default target is called "+defName+"; name this one differently"))
		}
		if t.Value() != "" && tokens.SameAudience(t.Target().Audience(), def.Audience()) {
			v.add(problem(valueField, "This is the profile's default target ("+defName+") already; remove it"))
		}
		for _, prev := range clean {
			if t.Name != "" && strings.EqualFold(t.Name, prev.Name) {
				v.add(problem(nameField, "Another target is called "+prev.Name+"; names must differ"))
			}
			if t.Value() != "" && tokens.SameAudience(t.Target().Audience(), prev.Target().Audience()) {
				v.add(problem(valueField, "Target "+prev.Name+" is for this API already; remove one"))
			}
		}
		clean = append(clean, t)
	}
	return NewTargetList(clean...)
}

// CheckTarget cleans and checks the i-th extra target (from 0) on its own:
// a name, and a v1 resource (an https URI, an api:// App ID URI or an app
// ID) or a v2 scope ending in /.default, never both. The error is a
// *FieldError at the target's name or value field.
func CheckTarget(i int, t NamedTarget) (NamedTarget, error) {
	var err error
	if t.Name, err = CheckTargetName(i, t.Name); err != nil {
		return t, err
	}
	if trimPasted(t.Resource) != "" && trimPasted(t.Scope) != "" {
		return t, problem(TargetValueField(i), "A target is a resource (v1) or a scope (v2), not both")
	}
	if t.Scope != "" && !strings.HasSuffix(trimPasted(t.Scope), defaultSuffix) {
		// A scope without /.default, written by hand in the file.
		_, err := checkScopeAt(TargetValueField(i), t.Scope)
		return t, err
	}
	clean, err := CheckTargetValue(i, t.Value())
	if err != nil {
		return t, err
	}
	clean.Name = t.Name
	if t.Resource != "" && clean.Scope != "" {
		// A resource ending in /.default, written by hand in the file.
		return t, problem(TargetValueField(i), "This is a v2 scope; write it as the scope")
	}
	return clean, nil
}

// CheckTargetName cleans and checks the name of the i-th extra target.
func CheckTargetName(i int, name string) (string, error) {
	name = trimPasted(name)
	return name, checkRequired(TargetNameField(i), name, maxName, "Name this target, such as Microsoft Graph")
}

// CheckTargetValue cleans and checks what the i-th extra target asks for,
// typed as one value: a scope when it ends in /.default, else a resource.
// The target it returns has no name.
func CheckTargetValue(i int, value string) (NamedTarget, error) {
	f := TargetValueField(i)
	t := NewNamedTarget("", value)
	if t.Value() == "" {
		return t, problem(f, "Type a resource such as https://graph.microsoft.com/ or a scope ending in /.default")
	}
	var err error
	if t.Scope != "" {
		t.Scope, err = checkScopeAt(f, t.Scope)
	} else {
		t.Resource, err = checkResourceAt(f, t.Resource)
	}
	if err != nil {
		return t, err
	}
	if !isAppIDURI(t.Target().Audience()) {
		return t, problem(f, "A target is an https URI, an api:// App ID URI or an app ID")
	}
	return t, nil
}

// isAppIDURI reports whether aud is what an app registration can be known
// by: an app ID, an api:// URI or an https URI.
func isAppIDURI(aud string) bool {
	if _, ok := parseGUID(aud); ok {
		return true
	}
	u, err := url.Parse(aud)
	return err == nil && (strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "api"))
}
