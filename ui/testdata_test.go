package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// TestNoSecretInTestdata reads every master the markup tests compare with:
// none may hold a client secret, a Secret ID or a whole token.
func TestNoSecretInTestdata(t *testing.T) {
	masters, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil || len(masters) == 0 {
		t.Fatalf("no masters found: %v", err)
	}
	jwt := regexp.MustCompile(`eyJ[\w-]+\.eyJ[\w-]+\.`)
	for _, m := range masters {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, secret := range []string{emulator.SampleSecret, emulator.SampleSecretID} {
			if strings.Contains(text, secret) {
				t.Errorf("%s holds a secret", m)
			}
		}
		if jwt.MatchString(text) {
			t.Errorf("%s holds a whole token", m)
		}
	}
}
