// Package tokens fetches Entra ID (Azure AD) access tokens with the client
// credentials grant, proven by a client secret or a certificate's signed
// assertion, in the public, US Government, China or a custom cloud. It
// explains why a request failed, caches tokens in memory and decodes JWTs
// for display. Its Client sends every request aztoken makes, with one
// http.Client, the retries and the limits, and Fix makes the words a user
// reads of any error that has a Fix method, Resource Manager's included.
//
// It knows nothing of windows or terminals: the GUI and the CLI are thin
// layers over it. Tokens live only in memory; nothing here writes to disk.
//
// Beside it, each for its own reason to change: tokens/arm calls Azure
// Resource Manager with a token and explains its error codes,
// tokens/setupcheck walks an
// app registration's setup step by step, tokens/server hands tokens to
// local programs as a managed-identity endpoint, tokens/clipboard puts
// them on the clipboard and clears them again, tokens/sharedcache shares
// them, sealed, between aztoken's processes, and tokens/emulator plays
// Entra ID and Resource Manager for tests and the demo.
package tokens
