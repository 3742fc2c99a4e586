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
// to Start. Apps prove themselves with a client secret or, like a real
// app registration with uploaded certificates (App.Certificates), with a
// signed client assertion that the emulator verifies: thumbprint header,
// signature, audience, issuer and time window, each failure with Entra's
// code.
//
// A test starts one with the world it needs and points the client's
// authority host and ARM endpoint at URL:
//
//	s, err := emulator.Start(emulator.Config{Tenants: []emulator.Tenant{{
//		ID:   tenantID,
//		Apps: []emulator.App{{ClientID: clientID, Secrets: []emulator.Secret{{Value: "s3cret"}}}},
//		Subscriptions: []emulator.Subscription{{ID: subscriptionID, Readers: []string{clientID}}},
//	}}})
//	if err != nil {
//		t.Fatal(err)
//	}
//	defer s.Close()
//	s.Inject(emulator.TokenEndpoint, emulator.Throttled(time.Second)) // the first token request gets a 429
//	… run the client against s.URL() …
//	if n := s.Requests(emulator.TokenEndpoint); n != 2 { … } // it retried once
//
// Tests provoke the failures a real network has with Inject: latency,
// throttling with Retry-After, 5xx, a proxy's HTML page, truncated and
// oversized bodies and dropped connections; Reply, EntraReply and ARMReply
// answer any status and body (any AADSTS or ARM code in the services' own
// shape), and WithHeader adds any header to any fault. Requests counts what reached
// each endpoint, so tests can check retries and single-flight.
//
// Where Azure's behaviour is not on record (which check comes first, the
// exact text of a few messages), the emulator makes a documented choice;
// comments beside those choices say so.
package emulator
