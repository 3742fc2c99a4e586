package ui

import (
	"context"
	"slices"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

// controller is the window's state without widgets: the profiles store,
// the selected profile, what each profile's token is doing, and the
// background work in flight. Views read it and ask it to act, never each
// other. It is changed only on the main goroutine: background work hands
// its result back through post, the window's one bridge to the main
// goroutine: fyne.Do in the app, a queue the test drains in tests.
type controller struct {
	open    func() (*profiles.Store, error)
	store   *profiles.Store // nil while the profiles file cannot be used
	openErr error           // why store is nil, usually a *profiles.CorruptError

	secrets *sessionSecrets
	client  *tokens.Client
	cache   *tokens.Cache
	servers tokenServers
	clock   func() time.Time
	post    poster
	// changed redraws every view; the window sets it.
	changed func()
	// fetched hears how each fetch of a token ended, with its origin; the
	// window sets it.
	fetched func(fetchEnd)

	// selected is the profile the right-hand side shows; creating is set
	// instead while the user writes a new one.
	selected profiles.ID
	creating bool
	states   map[tokenKey]*profileState
	// picks is the target the token panel shows for each profile, by
	// name; a profile missing here shows its default target.
	picks map[profiles.ID]string
	tasks []*task
}

// selection is what most views read of the controller: the selected
// profile, its token and the clock. Each view asks through an interface
// of its own for what else it needs, and never reads the controller's
// fields.
type selection interface {
	selectedProfile() (profiles.Profile, bool)
	token(profiles.Profile) (tokens.Token, bool)
	now() time.Time
}

// profileState is what the window knows about one profile's token beyond
// the token itself, which the cache holds.
type profileState struct {
	fetching bool
	// auto fetches a new token shortly before the current one expires.
	auto bool
	// err is why the last fetch failed; it stays until the next attempt.
	err error
}

// task is background work the user can see and cancel.
type task struct {
	what   string
	cancel context.CancelFunc
}

func newController(d Deps, post poster) *controller {
	c := &controller{
		open:    d.OpenStore,
		secrets: newSessionSecrets(d.Secrets),
		client:  d.Fetcher,
		cache:   tokens.NewCache(d.Fetcher, d.Now),
		clock:   d.Now,
		post:    post,
		changed: func() {},
		fetched: func(fetchEnd) {},
		states:  map[tokenKey]*profileState{},
		picks:   map[profiles.ID]string{},
	}
	if d.Tokens != nil {
		c.cache.WithShelf(d.Tokens)
	}
	c.reopen()
	return c
}

// now is the time on the window's clock.
func (c *controller) now() time.Time { return c.clock() }

// reopen reads the profiles file again, after the user moved a corrupt
// one aside.
func (c *controller) reopen() {
	c.store, c.openErr = c.open()
}

// hasStore is false while the profiles file cannot be opened at all.
func (c *controller) hasStore() bool { return c.store != nil }

// readOnly is why profiles cannot be changed now, or nil.
func (c *controller) readOnly() error {
	if c.store == nil {
		return c.openErr
	}
	return c.store.ReadOnly()
}

// profiles lists the stored profiles by name.
func (c *controller) profiles() []profiles.Profile {
	if c.store == nil {
		return nil
	}
	return c.store.List()
}

// profile finds a stored profile.
func (c *controller) profile(id profiles.ID) (profiles.Profile, bool) {
	if c.store == nil || id == "" {
		return profiles.Profile{}, false
	}
	return c.store.Get(id)
}

// selectedProfile is the profile the right-hand side shows.
func (c *controller) selectedProfile() (profiles.Profile, bool) {
	return c.profile(c.selected)
}

// choose shows profile id on the right-hand side; "" shows none.
func (c *controller) choose(id profiles.ID) { c.selected, c.creating = id, false }

// startNew empties the right-hand side for a profile to add.
func (c *controller) startNew() { c.selected, c.creating = "", true }

// showing reports whether the right-hand side shows profile id, stored:
// showing("") is the empty state, with no profile and none being added.
func (c *controller) showing(id profiles.ID) bool { return c.selected == id && !c.creating }

// importPlan is what importing imp would clash with.
func (c *controller) importPlan(imp *profiles.Import) []profiles.Clash {
	if c.store == nil {
		return nil
	}
	return c.store.ImportPlan(imp)
}

// tokenKey is whose token a state is about: a profile, and the name of
// the target it asks for ("" for its default), since each target has its
// own token, countdown and auto-refresh.
type tokenKey struct {
	id     profiles.ID
	target string
}

// keyOf is the key of p's token for the target p asks for.
func keyOf(p profiles.Profile) tokenKey { return tokenKey{id: p.ID, target: p.Picked()} }

// state is the token state of p's target, created on first use.
func (c *controller) state(p profiles.Profile) *profileState {
	k := keyOf(p)
	st, ok := c.states[k]
	if !ok {
		st = &profileState{}
		c.states[k] = st
	}
	return st
}

// run does work off the main goroutine with a context that Cancel ends,
// then applies the function work returns on the main goroutine and
// redraws. The task counts as running (busy) until apply has run. It
// returns the task's own cancel, for a view's Cancel button; apply must
// not use it.
func (c *controller) run(what string, work func(ctx context.Context) (apply func())) context.CancelFunc {
	ctx, cancel := context.WithCancel(context.Background())
	t := &task{what: what, cancel: cancel}
	c.tasks = append(c.tasks, t)
	c.changed()
	go func() {
		apply := work(ctx)
		c.post(func() {
			c.tasks = slices.DeleteFunc(c.tasks, func(x *task) bool { return x == t })
			cancel()
			apply()
			c.changed()
		})
	}()
	return cancel
}

// cancelAll ends every running task; each still reports, as cancelled.
func (c *controller) cancelAll() {
	for _, t := range c.tasks {
		t.cancel()
	}
}

// busy says what is running, the latest first, or "" when nothing is.
func (c *controller) busy() string {
	if len(c.tasks) == 0 {
		return ""
	}
	return c.tasks[len(c.tasks)-1].what
}
