package cli

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func TestDecodeJudgesAFreshTokenAndNamesItsProfile(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	_, token, _ := w.run("", "token", "-p", "dev")

	code, out, stderr := w.run(token, "decode", "--expect-aud", "https://management.azure.com/")
	if code != ExitOK {
		t.Fatalf("exit %d: %s\n%s", code, stderr, out)
	}
	for _, want := range []string{
		"Header\n  alg              RS256\n",
		"\n  appid            " + emulator.SampleApp + "\n",
		"\nVerdict\n  ok       It is valid for another ",
		"  note     It is an app token (client credentials)",
		"  ok       Its audience matches https://management.azure.com/.",
		"  note     It came from profile dev (same client ID and tenant).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestDecodeFailsAMismatchedAudienceForScripts(t *testing.T) {
	w := newWorld(t)
	w.addProfile("dev", emulator.SampleApp, emulator.SampleSecret)
	_, header, _ := w.run("", "token", "-p", "dev", "--format", "header")
	w.clipboard.WriteAll(header)

	code, out, stderr := w.run("", "decode", "--clipboard", "--expect-aud", "https://graph.microsoft.com", "--format", "json")
	if code != ExitFailure || !strings.Contains(stderr, "the token has a problem") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var got struct {
		Claims   map[string]any
		Findings []struct{ Severity, Topic, Text string }
		Profiles []string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var problems []string
	for _, f := range got.Findings {
		if f.Severity == "problem" {
			problems = append(problems, f.Topic)
		}
	}
	if strings.Join(problems, ",") != "audience" || got.Claims["appid"] != emulator.SampleApp || len(got.Profiles) != 1 {
		t.Errorf("problems %v, claims %v, profiles %v", problems, got.Claims, got.Profiles)
	}
}

func TestDecodeExplainsWhatIsNoToken(t *testing.T) {
	w := newWorld(t)
	tests := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", []string{"decode"}, ExitFailure, "encrypted token (JWE"},
		{"eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0", []string{"decode", "-"}, ExitFailure, "probably cut off"},
		{strings.Repeat("x", 200<<10), []string{"decode"}, ExitFailure, "an access token is a few kilobytes"},
		{"", []string{"decode", "a", "b"}, ExitUsage, "give one token, not 2 arguments"},
		{"", []string{"decode", "--format", "yaml"}, ExitUsage, `unknown format "yaml"`},
	}
	for _, tt := range tests {
		code, out, stderr := w.run(tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d saying %q", tt.args, code, out, stderr, tt.code, tt.want)
		}
	}
}

func TestDecodeNeverLetsAClaimSteerTheTerminal(t *testing.T) {
	w := newWorld(t)
	token := "eyJhbGciOiJub25lIn0." + b64(`{"aud":"x\u001b[2J","name":"evil\u202etxt.exe","exp":1}`) + "."
	_, out, _ := w.run(token, "decode")
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("raw control characters reached the terminal:\n%q", out)
	}
	if !strings.Contains(out, `"evil\u202etxt.exe"`) || !strings.Contains(out, `"x\x1b[2J"`) {
		t.Errorf("the claims are not shown quoted:\n%s", out)
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
