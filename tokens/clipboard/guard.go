package clipboard

import (
	"crypto/sha256"
	"sync"
	"time"
)

// DefaultClearAfter is how long a copied token stays on the clipboard.
const DefaultClearAfter = 60 * time.Second

// Guard copies text and, after a while, clears the clipboard again — but
// only if it still holds what aztoken put there, so a user's own later copy
// is never wiped. The window and the tray share one Guard; the command
// line exits right after copying and so cannot clear.
type Guard struct {
	clipboard Clipboard
	// afterFunc schedules the clearing; tests replace it to fire at will.
	afterFunc func(time.Duration, func()) stopper

	// busy serialises copies and clearings: the clipboard is one shared
	// place, and a clearing must not interleave with a copy.
	busy sync.Mutex
	// mu guards the fields below, also read by ClearAfter from any goroutine.
	mu      sync.Mutex
	after   time.Duration
	copied  [sha256.Size]byte // what we copied, as a hash: no second copy of a token
	gen     uint64            // counts copies; a clearing acts only for its own
	pending stopper
}

type stopper interface{ Stop() bool }

// NewGuard returns a Guard over c that clears after d (0 means never).
func NewGuard(c Clipboard, d time.Duration) *Guard {
	return &Guard{
		clipboard: c,
		after:     d,
		afterFunc: func(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) },
	}
}

// SetClearAfter changes the delay for later copies; 0 means never clear.
func (g *Guard) SetClearAfter(d time.Duration) {
	g.mu.Lock()
	g.after = d
	g.mu.Unlock()
}

// ClearAfter is the current delay.
func (g *Guard) ClearAfter() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.after
}

// Copy puts text on the clipboard and schedules its clearing.
func (g *Guard) Copy(text string) error {
	g.busy.Lock()
	defer g.busy.Unlock()
	if err := g.clipboard.WriteAll(text); err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.pending != nil {
		g.pending.Stop()
		g.pending = nil
	}
	g.gen++
	g.copied = sha256.Sum256([]byte(text))
	if g.after > 0 {
		gen := g.gen
		g.pending = g.afterFunc(g.after, func() { g.clear(gen) })
	}
	return nil
}

// clear empties the clipboard if copy number gen is still the latest and
// the clipboard still holds it. Errors are dropped: the copy succeeded and
// there is nobody left to tell.
func (g *Guard) clear(gen uint64) {
	g.busy.Lock()
	defer g.busy.Unlock()
	g.mu.Lock()
	want, latest := g.copied, g.gen
	if gen == latest {
		g.pending = nil
	}
	g.mu.Unlock()
	if gen != latest {
		return // a later copy has its own clearing
	}
	current, err := g.clipboard.ReadAll()
	if err != nil || sha256.Sum256([]byte(current)) != want {
		return
	}
	_ = g.clipboard.WriteAll("")
}

// ReadAll returns the clipboard's text.
func (g *Guard) ReadAll() (string, error) { return g.clipboard.ReadAll() }

// WriteAll copies text with clearing, so a Guard is a Clipboard too.
func (g *Guard) WriteAll(text string) error { return g.Copy(text) }
