// Package tokens fetches Entra ID (Azure AD) access tokens with the client
// credentials grant, proven by a client secret or a certificate's signed
// assertion, in the public, US Government, China or a custom cloud. It
// explains why a request failed, caches tokens in memory, decodes JWTs for
// display and calls Azure Resource Manager.
//
// It knows nothing of windows or terminals: the GUI and the CLI are thin
// layers over it. Tokens live only in memory; nothing here writes to disk.
//
// Beside it, each for its own reason to change: tokens/setupcheck walks an
// app registration's setup step by step, tokens/server hands tokens to
// local programs as a managed-identity endpoint, tokens/clipboard puts
// them on the clipboard and clears them again, tokens/sharedcache shares
// them, sealed, between aztoken's processes, and tokens/emulator plays
// Entra ID and Resource Manager for tests and the demo.
package tokens
