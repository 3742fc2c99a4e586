package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
	"github.com/aztoken/aztoken/tokens/clipboard"
)

// copier puts text on the clipboard for the copy buttons and confirms it
// on the button itself: its label turns to "Copied" with a tick for a
// moment, as in rymdport.
type copier struct {
	clip clipboard.Clipboard
	post poster
	// flashFor is how long "Copied" stays.
	flashFor time.Duration
	// fail shows a clipboard error to the user.
	fail func(error)

	flashing map[*widget.Button]*flash
}

// flash is a button's look before it said "Copied", and the timer that
// brings it back.
type flash struct {
	text  string
	icon  fyne.Resource
	timer *time.Timer
}

// copiedText is a copy button's label for a moment after it copied.
const copiedText = "Copied"

func newCopier(clip clipboard.Clipboard, post poster) *copier {
	return &copier{clip: clip, post: post, flashFor: 1500 * time.Millisecond, fail: func(error) {}, flashing: map[*widget.Button]*flash{}}
}

// copy puts text on the clipboard and confirms it on b.
func (c *copier) copy(b *widget.Button, text string) {
	if err := c.clip.WriteAll(text); err != nil {
		c.fail(err)
		return
	}
	f, ok := c.flashing[b]
	if ok {
		f.timer.Stop()
	} else {
		f = &flash{text: b.Text, icon: b.Icon}
		c.flashing[b] = f
	}
	b.SetText(copiedText)
	b.SetIcon(theme.ConfirmIcon())
	f.timer = time.AfterFunc(c.flashFor, func() { c.post(func() { c.restore(b) }) })
}

// restore gives b back its own label.
func (c *copier) restore(b *widget.Button) {
	f, ok := c.flashing[b]
	if !ok {
		return
	}
	delete(c.flashing, b)
	b.SetText(f.text)
	b.SetIcon(f.icon)
}

// stop cancels pending restores when the window closes.
func (c *copier) stop() {
	for _, f := range c.flashing {
		f.timer.Stop()
	}
}

// curlCommand is a ready-to-run call listing the profile's resource
// groups with the token, the quickest check that it works. Without a
// subscription in the profile it leaves a placeholder to fill in.
func curlCommand(p profiles.Profile, tok tokens.Token) string {
	sub := p.Subscription
	if sub == "" {
		sub = "<subscription-id>"
	}
	return curlGet(p, tok, resourceGroupsPath(sub, arm.ResourceGroupsAPIVersion))
}

// curlGet is a ready-to-run GET of path (relative to the profile's
// Resource Manager) with the token: what the test call just did.
func curlGet(p profiles.Profile, tok tokens.Token, path string) string {
	arm := strings.TrimSuffix(p.Endpoints().ARMEndpoint, "/")
	return `curl -H "` + tok.AuthorizationHeader() + `" "` + arm + path + `"`
}

// resourceGroupsPath is the resource group list's path, as
// arm.Client.ResourceGroups asks for it.
func resourceGroupsPath(subscription, apiVersion string) string {
	return "/subscriptions/" + subscription + "/resourcegroups?api-version=" + apiVersion
}
