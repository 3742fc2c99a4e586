package profiles

import (
	"errors"
	"strings"
	"testing"
)

func TestNamesRefuseDirectionAndZeroWidthMarks(t *testing.T) {
	for _, r := range []rune{'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
		'\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'} {
		// "prod" with a mark inside looks like "prod" or, reversed, like
		// another name in a list.
		name := "pr" + string(r) + "od"
		_, err := CheckName(name)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldName || !strings.Contains(fe.Message, "invisible direction or zero-width mark") {
			t.Errorf("CheckName(%+q) = %v", name, err)
		}
	}
	// Pasted with a mark at either end, a name is only trimmed, as every
	// field is.
	if got, err := CheckName("\u200bprod\u200f"); err != nil || got != "prod" {
		t.Errorf("got %q, %v", got, err)
	}
	// Other scripts are names like any other.
	for _, name := range []string{"生产", "производство", "إنتاج", "prod (2)"} {
		if _, err := CheckName(name); err != nil {
			t.Errorf("CheckName(%q) = %v", name, err)
		}
	}
}

func TestPrintableDefusesWhatATerminalWouldObey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dev", "dev"},
		{"生产 – prod", "生产 – prod"},
		{"x\x1b[2Jy", `x\u001b[2Jy`},
		{"evil\nforged line", `evil\u000aforged line`},
		{"abc\u202edef", `abc\u202edef`},
		{"zero\u200bwidth", `zero\u200bwidth`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"tab\there", `tab\u0009here`},
	}
	for _, tt := range tests {
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%+q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
