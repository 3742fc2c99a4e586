package tokens

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryAfterReadsSecondsAndDates(t *testing.T) {
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
		if got := retryAfter(h, now); got != want {
			t.Errorf("Retry-After %q = %v, want %v", v, got, want)
		}
	}
}

func TestRetryDelayBacksOffWithJitterAndCaps(t *testing.T) {
	p := RetryPolicy{BaseDelay: time.Second, MaxDelay: 10 * time.Second}
	for attempt := range 6 {
		full := min(time.Second<<attempt, 10*time.Second)
		for range 50 {
			d := p.delay(attempt, 0)
			if d < full/2 || d > full {
				t.Fatalf("attempt %d: delay %v outside [%v, %v]", attempt, d, full/2, full)
			}
		}
	}
	if d := p.delay(0, 4*time.Second); d != 4*time.Second {
		t.Errorf("Retry-After 4s gave %v", d)
	}
	if d := p.delay(0, time.Hour); d != 10*time.Second {
		t.Errorf("Retry-After 1h not capped: %v", d)
	}
}

func TestExcerptIsShortAndPrintable(t *testing.T) {
	body := []byte("<html>\r\n  <head><title>502 Bad\x00 Gateway</title></head>\n")
	if got := excerpt(body); got != "<html> <head><title>502 Bad Gateway</title></head>" {
		t.Errorf("excerpt = %q", got)
	}
	long := excerpt([]byte(strings.Repeat("é", 400)))
	if n := len([]rune(long)); n != 161 || !strings.HasSuffix(long, "…") {
		t.Errorf("long excerpt has %d runes: %q", n, long)
	}
}
