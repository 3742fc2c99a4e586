package ui

import (
	"fmt"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// countdown is a token's remaining life as the token panel shows it.
type countdown struct {
	// text reads "expires in 52:13 · at 15:04 (14:04 UTC)".
	text string
	// fraction is the part of the token's life still left, for the bar.
	fraction float64
	// soon is set in the last minutes, when the cache no longer hands the
	// token out; expired at zero.
	soon, expired bool
}

// countdownAt describes tok at now. Local times are shown in now's zone:
// time.Now's is the user's, and a test clock brings its own.
func countdownAt(tok tokens.Token, now time.Time, soonWithin time.Duration) countdown {
	at := clockTimes(tok.ExpiresOn, now.Location(), "15:04")
	left := tok.Remaining(now)
	if left <= 0 {
		return countdown{text: "expired at " + at, expired: true}
	}
	c := countdown{
		text: "expires in " + clockDuration(left) + " · at " + at,
		soon: left <= soonWithin,
	}
	if life := tok.Lifetime(); life > 0 {
		c.fraction = min(float64(left)/float64(life), 1)
	}
	return c
}

// clockTimes writes t in loc and in UTC, as "15:04 (14:04 UTC)".
func clockTimes(t time.Time, loc *time.Location, layout string) string {
	return t.In(loc).Format(layout) + " (" + t.UTC().Format(layout) + " UTC)"
}

// clockDuration writes d as a clock would count it down: 52:13, or
// 1:14:05 from an hour up. Seconds are rounded up, so the countdown shows
// 0:01 rather than 0:00 in its last second.
func clockDuration(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
