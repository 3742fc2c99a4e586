// Package emulator is a loopback stand-in for Entra ID and Azure Resource
// Manager, so that aztoken's tests never reach real Azure.
//
// Start serves plain http on 127.0.0.1 only; the one URL is both the
// authority host and the ARM endpoint. It answers with the real wire
// formats (bodies, statuses, AADSTS codes, headers) recorded in
// shared/azure-wire-formats.md, so a client that works against it sees
// what it would see from Azure:
//
//	POST /{tenant}/oauth2/token                       v1 token (numbers as JSON strings)
//	POST /{tenant}/oauth2/v2.0/token                  v2 token (numbers as JSON numbers)
//	GET  /{tenant}/v2.0/.well-known/openid-configuration
//	GET  /{tenant}/.well-known/openid-configuration
//	GET  /{tenant}/discovery/v2.0/keys                JWKS with the signing key
//	GET  /{tenant}/discovery/keys
//	GET  /subscriptions?api-version=…                 subscriptions the token's app can read
//	GET  /subscriptions/{id}?api-version=…            one subscription; 401 without a token names its tenant
//	GET  /subscriptions/{id}/resourcegroups?api-version=…  resource groups, paged by Config.PageSize
//
// Tokens are real RS256 JWTs signed with a key made for each server;
// (*Server).PublicKey and the JWKS verify them, and the ARM endpoints reject
// tokens this server did not sign. What the emulator knows (tenants, apps,
// secrets, role assignments, resource groups) is fixed by the Config given
// to Start.
//
// Tests provoke the failures a real network has with Inject: latency,
// throttling with Retry-After, 5xx, a proxy's HTML page, truncated and
// oversized bodies and dropped connections. Requests counts what reached
// each endpoint, so tests can check retries and single-flight.
//
// Where Azure's behaviour is not on record (which check comes first, the
// exact text of a few messages), the emulator makes a documented choice;
// comments beside those choices say so.
package emulator
