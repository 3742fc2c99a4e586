package tokens

import (
	"net/http"
	"sync"
	"time"
)

// Client talks to Entra ID and Azure Resource Manager. Its fields are what
// a test replaces: the HTTP client, the retry policy (and its sleeper) and
// the clock. Set them before the first request; while requests run, change
// the wait Azure may ask for only with SetMaxRetryAfter.
type Client struct {
	HTTP  *http.Client
	Retry RetryPolicy
	Now   func() time.Time

	// mu guards Retry against SetMaxRetryAfter, which the window's
	// Settings call while fetches run.
	mu sync.RWMutex
}

// SetMaxRetryAfter changes the most aztoken waits because Azure asked to,
// for the requests that start from now on.
func (c *Client) SetMaxRetryAfter(d time.Duration) {
	c.mu.Lock()
	c.Retry.MaxRetryAfter = d
	c.mu.Unlock()
}

// policy is the retry policy a request starts with.
func (c *Client) policy() RetryPolicy {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.Retry
}

// NewClient returns a Client on the shared HTTP client with the default
// retry policy and the real clock.
func NewClient() *Client {
	return &Client{HTTP: NewHTTPClient(), Retry: DefaultRetry(), Now: time.Now}
}

// UserAgent names aztoken to the services it calls.
var UserAgent = "aztoken"
