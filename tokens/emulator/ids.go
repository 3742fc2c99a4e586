package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"regexp"
	"sync"
)

// The patterns are compiled on first use, not when the package
// initialises: the emulator is linked into every aztoken binary for the
// demo, and dnsPattern's {0,61} alone took most of a millisecond of each
// command's start-up.
var (
	guidPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	})
	// A DNS name needs at least two labels: Entra answers a bare word such
	// as "token" (from an authority with a path pasted in) with AADSTS900023.
	dnsPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
	})
)

func isGUID(s string) bool { return guidPattern().MatchString(s) }

func isDNSName(s string) bool { return dnsPattern().MatchString(s) }

// newGUID returns a random version 4 UUID, the shape of every Azure request,
// trace and correlation ID.
func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// randomText returns n random bytes in the given encoding, for the opaque
// aio and uti claims.
func randomText(n int, enc *base64.Encoding) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return enc.EncodeToString(b)
}
