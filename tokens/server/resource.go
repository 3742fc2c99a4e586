package server

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/aztoken/aztoken/tokens"
)

// resourceKey is what two spellings of one resource have in common. The
// SDKs send "https://management.azure.com" (a scope without "/.default")
// for the resource a profile spells "https://management.azure.com/", and
// Entra compares App ID URIs without regard to case.
func resourceKey(resource string) string {
	r := strings.TrimSpace(resource)
	r = strings.TrimSuffix(r, "/.default")
	return strings.ToLower(strings.TrimRight(r, "/"))
}

// allowList is the profile's own target followed by the extra resources,
// each once.
func allowList(own tokens.Target, extra []string) ([]tokens.Target, error) {
	list := []tokens.Target{own}
	for _, r := range extra {
		r = strings.TrimSpace(r)
		if r == "" || strings.IndexFunc(r, unicode.IsSpace) >= 0 || resourceKey(r) == "" {
			return nil, fmt.Errorf("allowed resource %q is not a resource such as https://vault.azure.net", r)
		}
		if find(list, r) == nil {
			list = append(list, tokens.ResourceTarget(strings.TrimSuffix(r, "/.default")))
		}
	}
	return list, nil
}

// find returns the allowed target that resource names, or nil. The target
// found, not the spelling asked for, is what Entra is asked for, so every
// spelling shares one cached token with the window.
func find(allowed []tokens.Target, resource string) *tokens.Target {
	key := resourceKey(resource)
	for i, t := range allowed {
		if resourceKey(t.Audience()) == key {
			return &allowed[i]
		}
	}
	return nil
}
