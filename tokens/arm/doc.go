// Package arm calls Azure Resource Manager with a token from package
// tokens: it lists subscriptions and resource groups (following nextLink,
// never to another host), GETs any path, asks which tenant owns a
// subscription, and explains every error code it knows with the profile
// field to fix.
//
// It only reads: there is deliberately no way to send anything but GET.
// Requests go through a *tokens.Client, so they share its http.Client,
// retries and limits, and tokens.Fix finds an *Error's fix through its Fix
// method, so the window, the tray and the CLI keep one place for the words
// a user reads while package tokens never imports this one.
package arm
