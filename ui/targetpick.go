package ui

import (
	"maps"

	"github.com/aztoken/aztoken/profiles"
)

// pickTarget makes the token panel and the claims show the target of
// profile id called name; "" is the default target.
func (c *controller) pickTarget(id profiles.ID, name string) {
	if name == "" {
		delete(c.picks, id)
	} else {
		c.picks[id] = name
	}
	c.changed()
}

// picked is p asking for the target the user picked for it, or for its
// default target when none is picked or the picked one was removed.
func (c *controller) picked(p profiles.Profile) profiles.Profile {
	if q, ok := p.WithTarget(c.picks[p.ID]); ok {
		return q
	}
	q, _ := p.WithTarget("")
	return q
}

// selectedTarget is the selected profile asking for its picked target:
// whose token the token panel and the claims show.
func (c *controller) selectedTarget() (profiles.Profile, bool) {
	p, ok := c.selectedProfile()
	if !ok {
		return p, false
	}
	return c.picked(p), true
}

// dropStates forgets every target's token state and the pick of a
// profile that is gone.
func (c *controller) dropStates(id profiles.ID) {
	maps.DeleteFunc(c.states, func(k tokenKey, _ *profileState) bool { return k.id == id })
	delete(c.picks, id)
}

// whose names the token of p's picked target in a message: the profile,
// and the target when it is not the default.
func whose(p profiles.Profile) string {
	if p.Picked() == "" {
		return p.Name
	}
	return p.Name + trayTargetSeparator + p.Picked()
}
