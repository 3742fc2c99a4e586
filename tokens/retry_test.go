package tokens

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryAfterReadsSecondsAndDates(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"7":                             7 * time.Second,
		"0":                             0,
		"-3":                            0,
		"soon":                          0,
		"":                              0,
		"Tue, 24 Nov 2026 12:00:20 GMT": 20 * time.Second,
		"Tue, 24 Nov 2026 11:00:00 GMT": 0,
	}
	for v, want := range tests {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		if got := RetryAfter(h, now); got != want {
			t.Errorf("Retry-After %q = %v, want %v", v, got, want)
		}
	}
}

func TestBackoffDoublesWithJitterUpToItsCap(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{BaseDelay: time.Second, MaxDelay: 10 * time.Second}
	for attempt := range 6 {
		full := time.Second << attempt
		for range 50 {
			d := p.backoff(attempt)
			if d < min(full/2, 10*time.Second) || d > min(full, 10*time.Second) {
				t.Fatalf("attempt %d: backoff %v outside [%v, %v]", attempt, d, full/2, min(full, 10*time.Second))
			}
		}
	}
}

func TestExcerptIsShortAndPrintable(t *testing.T) {
	t.Parallel()
	body := []byte("<html>\r\n  <head><title>502 Bad\x00 Gateway</title></head>\n")
	if got := Excerpt(body); got != "<html> <head><title>502 Bad Gateway</title></head>" {
		t.Errorf("excerpt = %q", got)
	}
	long := Excerpt([]byte(strings.Repeat("é", 400)))
	if n := len([]rune(long)); n != 161 || !strings.HasSuffix(long, "…") {
		t.Errorf("long excerpt has %d runes: %q", n, long)
	}
}
