package ui

import (
	"testing"
	"time"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens"
)

func TestCountdownAt(t *testing.T) {
	obtained := testStart
	tok := tokens.Token{ObtainedAt: obtained, ExpiresOn: obtained.Add(75 * time.Minute)}
	tests := []struct {
		after         time.Duration
		text          string
		fraction      float64
		soon, expired bool
	}{
		{0, "expires in 1:15:00 · at 16:15 (15:15 UTC)", 1, false, false},
		{22*time.Minute + 47*time.Second, "expires in 52:13 · at 16:15 (15:15 UTC)", 0.6963, false, false},
		{70 * time.Minute, "expires in 5:00 · at 16:15 (15:15 UTC)", 0.0667, true, false},
		{75*time.Minute - 500*time.Millisecond, "expires in 0:01 · at 16:15 (15:15 UTC)", 0.0001, true, false},
		{75 * time.Minute, "expired at 16:15 (15:15 UTC)", 0, false, true},
		{3 * time.Hour, "expired at 16:15 (15:15 UTC)", 0, false, true},
	}
	for _, tt := range tests {
		c := countdownAt(tok, obtained.Add(tt.after), tokens.DefaultMargin)
		if c.text != tt.text || c.soon != tt.soon || c.expired != tt.expired || c.fraction-tt.fraction > 0.0001 || tt.fraction-c.fraction > 0.0001 {
			t.Errorf("after %v: %+v, want %q %.4f soon=%v expired=%v", tt.after, c, tt.text, tt.fraction, tt.soon, tt.expired)
		}
	}
}

func TestCurlCommand(t *testing.T) {
	tok := tokens.Token{AccessToken: "eyJ.x.y"}
	p := profiles.Profile{Cloud: "public", Subscription: "291bba3f-e0a5-47bc-a099-3bdcb2a50a05"}
	want := `curl -H "Authorization: Bearer eyJ.x.y" "https://management.azure.com/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourcegroups?api-version=2021-04-01"`
	if got := curlCommand(p, tok); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	p.Subscription = ""
	want = `curl -H "Authorization: Bearer eyJ.x.y" "https://management.azure.com/subscriptions/<subscription-id>/resourcegroups?api-version=2021-04-01"`
	if got := curlCommand(p, tok); got != want {
		t.Errorf("without a subscription: %s", got)
	}
}
