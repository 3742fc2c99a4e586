package locale_test

import (
	"testing"

	"github.com/aztoken/aztoken/ui/locale"
)

func TestUnparsableLocales(t *testing.T) {
	t.Parallel()
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, false},
		{map[string]string{"LANG": "C"}, false},
		{map[string]string{"LANG": "POSIX"}, false},
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "C.utf8"}, true},
		{map[string]string{"LC_ALL": "POSIX.UTF-8", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"LANG": "de_DE.UTF-8"}, false},
		{map[string]string{"LANG": "sr_RS@latin"}, false},
		{map[string]string{"LANG": "es_419.UTF-8"}, false},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "C.UTF-8"}, true},
		// LANGUAGE wins over LANG unless LANG is exactly C or POSIX.
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}, false},
		{map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:en"}, false},
		{map[string]string{"LANG": "C", "LANGUAGE": "C.UTF-8"}, false},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "C.UTF-8"}, true},
		{map[string]string{"LANG": "english"}, true},
	}
	for _, c := range cases {
		got := locale.Unparsable(func(k string) string { return c.env[k] })
		if got != c.want {
			t.Errorf("Unparsable(%v) = %v, want %v", c.env, got, c.want)
		}
	}
}
