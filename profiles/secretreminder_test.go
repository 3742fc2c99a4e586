package profiles

import (
	"testing"
	"time"
)

func TestSecretReminderSaysWhenTheSecretEnds(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 4, 23, 30, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		expires Date
		text    string
		warning SecretWarning
	}{
		{Date{}, "", SecretFine},
		{NewDate(2027, 1, 4), "", SecretFine}, // 31 days
		{NewDate(2027, 1, 3), "secret expires in 30 days", SecretExpiresSoon},
		{NewDate(2026, 12, 16), "secret expires in 12 days", SecretExpiresSoon},
		{NewDate(2026, 12, 5), "secret expires tomorrow", SecretExpiresSoon},
		{NewDate(2026, 12, 4), "secret expires today", SecretExpiresSoon},
		{NewDate(2026, 12, 3), "secret expired yesterday", SecretExpired},
		{NewDate(2026, 11, 1), "secret expired 33 days ago", SecretExpired},
	}
	for _, tt := range tests {
		text, warning := Profile{SecretExpires: tt.expires}.SecretReminder(now)
		if text != tt.text || warning != tt.warning {
			t.Errorf("expires %s: %q, %d; want %q, %d", tt.expires, text, warning, tt.text, tt.warning)
		}
	}
}
