// Package sharedcache keeps access tokens between aztoken processes (the
// window, the tray, serve and every command-line call), so that a token
// one of them fetched is reused by all until it nears expiry, instead of
// each asking Entra ID again.
//
// Tokens at rest are never plain text. Each entry is a file of its own,
// sealed with AES-256-GCM under a key that lives in the OS keyring; the
// files hold nothing readable without it, and the keyring item is 44
// bytes, far below Windows Credential Manager's 2,560-byte limit that a
// token itself could pass. One file per entry means two processes never
// rewrite each other's entries: each replaces its own file atomically.
//
// The cache is an optimisation and never the user's problem: an entry
// that cannot be read, was tampered with, was sealed under another key or
// for another entry, is ignored (and removed), and a keyring that cannot
// be reached turns the cache off rather than failing a fetch.
package sharedcache
