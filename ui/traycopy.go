package ui

import (
	"context"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/clipboard"
)

// copy copies the Authorization header for the target of profile id
// called target ("" for the default) and tells copied how it went.
func (t *trayView) copy(id profiles.ID, target string) {
	p, ok := t.ctrl.profile(id)
	if ok {
		p, ok = p.WithTarget(target)
	}
	if !ok {
		return // gone since the menu was built
	}
	t.ctrl.copyHeader(p, t.clip, func(tok tokens.Token, err error) { t.copied(p, tok, err) })
}

// copyHeader puts p's header on clip in the background: the cached token
// while more than the margin of it remains, else a new one, the cache's
// own rule. A failed fetch is recorded like the window's, so the window
// shows it too; done gets the token or why there is none on the clipboard.
func (c *controller) copyHeader(p profiles.Profile, clip clipboard.Clipboard, done func(tokens.Token, error)) {
	st := c.state(p)
	cache, secrets := c.cache, c.secrets
	c.run("Copying the header for "+p.Name, func(ctx context.Context) func() {
		tok, fetchErr := fetchToken(ctx, cache, secrets, p, false)
		err := fetchErr
		if err == nil {
			// Off the main goroutine: the clipboard tool is a process.
			err = clip.WriteAll(tok.AuthorizationHeader())
		}
		return func() {
			c.ended(st, p, fetchTray, fetchErr)
			done(tok, err)
		}
	})
}
