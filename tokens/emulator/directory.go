package emulator

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// directory is the validated, private copy of a Config with the lookups the
// handlers need. It is never written after Start, so handlers share it
// without locking.
type directory struct {
	tenants map[string]*Tenant       // by lower-case ID and domain
	subs    map[string]*subscription // by lower-case ID
}

// subscription is a Subscription with the tenant that owns it.
type subscription struct {
	Subscription
	tenantID string
}

func newDirectory(tenants []Tenant) (*directory, error) {
	d := &directory{tenants: map[string]*Tenant{}, subs: map[string]*subscription{}}
	for _, src := range tenants {
		t, err := cloneTenant(src)
		if err != nil {
			return nil, err
		}
		for _, key := range append([]string{t.ID}, t.Domains...) {
			key = strings.ToLower(key)
			if d.tenants[key] != nil {
				return nil, fmt.Errorf("emulator: tenant %q is configured twice", key)
			}
			d.tenants[key] = t
		}
		for _, s := range t.Subscriptions {
			if d.subs[s.ID] != nil {
				return nil, fmt.Errorf("emulator: subscription %s is configured twice", s.ID)
			}
			d.subs[s.ID] = &subscription{Subscription: s, tenantID: t.ID}
		}
	}
	return d, nil
}

// tenant finds a tenant by ID or domain, as Entra accepts either in the URL.
func (d *directory) tenant(idOrDomain string) *Tenant {
	return d.tenants[strings.ToLower(idOrDomain)]
}

func (d *directory) subscription(id string) *subscription {
	return d.subs[strings.ToLower(id)]
}

// app finds an app by client ID in a tenant; Entra compares GUIDs without
// regard to case.
func app(t *Tenant, clientID string) *App {
	for i := range t.Apps {
		if strings.EqualFold(t.Apps[i].ClientID, clientID) {
			return &t.Apps[i]
		}
	}
	return nil
}

// canRead reports whether the service principal holds a role on the
// subscription.
func (s *subscription) canRead(objectID string) bool {
	return slices.ContainsFunc(s.Readers, func(r string) bool { return strings.EqualFold(r, objectID) })
}

// cloneTenant deep-copies a tenant, so that a test changing its Config
// after Start cannot race with the handlers, and fills in the defaults.
func cloneTenant(src Tenant) (*Tenant, error) {
	if !isGUID(src.ID) {
		return nil, fmt.Errorf("emulator: tenant ID %q is not a GUID", src.ID)
	}
	t := src
	t.ID = strings.ToLower(src.ID)
	t.Domains = slices.Clone(src.Domains)
	t.Apps = make([]App, len(src.Apps))
	for i, a := range src.Apps {
		if a.ClientID == "" {
			return nil, errors.New("emulator: an app has no ClientID")
		}
		a.Secrets = slices.Clone(a.Secrets)
		a.Certificates = slices.Clone(a.Certificates)
		a.Roles = slices.Clone(a.Roles)
		if a.ObjectID == "" {
			a.ObjectID = a.ClientID
		}
		if a.TokenLifetime <= 0 {
			a.TokenLifetime = time.Hour
		}
		t.Apps[i] = a
	}
	t.Subscriptions = make([]Subscription, len(src.Subscriptions))
	for i, s := range src.Subscriptions {
		if !isGUID(s.ID) {
			return nil, fmt.Errorf("emulator: subscription ID %q is not a GUID", s.ID)
		}
		s.ID = strings.ToLower(s.ID)
		if s.State == "" {
			s.State = "Enabled"
		}
		s.Tags = maps.Clone(s.Tags)
		s.Readers = slices.Clone(s.Readers)
		s.ResourceGroups = slices.Clone(s.ResourceGroups)
		for j := range s.ResourceGroups {
			rg := &s.ResourceGroups[j]
			rg.Tags = maps.Clone(rg.Tags)
			if rg.ProvisioningState == "" {
				rg.ProvisioningState = "Succeeded"
			}
		}
		t.Subscriptions[i] = s
	}
	return &t, nil
}
