// Package server hands a profile's tokens to programs on this machine, so
// that an app under development gets short-lived tokens while the client
// secret stays in aztoken (and the keyring), the way aws-vault's --server
// serves AWS credentials.
//
// It speaks the App Service managed-identity protocol (api-version
// 2019-08-01) that every Azure SDK's ManagedIdentityCredential and
// DefaultAzureCredential already understand once IDENTITY_ENDPOINT and
// IDENTITY_HEADER are set:
//
//	GET /msi/token?api-version=2019-08-01&resource=https://management.azure.com
//	X-IDENTITY-HEADER: <the value generated at start>
//
//	200 {"access_token":"eyJ…","expires_on":"1700000000","resource":"https://management.azure.com",
//	     "token_type":"Bearer","client_id":"<the profile's client ID>"}
//
// expires_on is a string of epoch seconds, as App Service sends it; the SDKs
// accept that. Beside it, GET /token answers front-end development servers
// with {"access_token","token_type","expires_on","expires_in","resource"},
// expiry as numbers, and with CORS headers for the origins the user listed.
//
// The guards, in the order a request meets them: the server listens on
// loopback only, 127.0.0.1 and [::1] on the same port so that no other program
// answers an app asking for localhost; each address serves a limited number
// of connections at once, and closes idle ones; the Host header, or the
// host of an absolute-form request URI, must name 127.0.0.1, localhost or
// [::1] with the server's port (DNS rebinding); an Origin header must be a
// listed origin; every request but a CORS preflight must carry the random
// header value, which a web page cannot set without a preflight this server
// refuses; only resources on the allow-list get a token. Refusals are JSON
// {"error","error_description"} with 400, 401, 403, 404, 405 or 421, and a
// failed token request 502 with the same advice the window shows.
//
// Tokens come from the tokens.Cache the caller passes in, so the window and
// the server share one token per profile and resource, refreshed ahead of
// expiry by the cache's margin. No token and no header value is ever logged,
// and every field of a log line is escaped and shortened, so a request
// cannot write a fake line or send escape codes to the user's terminal.
package server
