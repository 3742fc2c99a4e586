package tokens

import (
	"net/http"
	"time"
)

// Client talks to Entra ID and Azure Resource Manager. Its fields are what
// a test replaces: the HTTP client, the retry policy (and its sleeper) and
// the clock.
type Client struct {
	HTTP  *http.Client
	Retry RetryPolicy
	Now   func() time.Time
}

// NewClient returns a Client on the shared HTTP client with the default
// retry policy and the real clock.
func NewClient() *Client {
	return &Client{HTTP: NewHTTPClient(), Retry: DefaultRetry(), Now: time.Now}
}

// UserAgent names aztoken to the services it calls.
var UserAgent = "aztoken"
