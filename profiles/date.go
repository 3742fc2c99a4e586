package profiles

import (
	"fmt"
	"time"
)

// dateLayout is how dates are written in files and typed by users.
const dateLayout = "2006-01-02"

// Date is a calendar day with no time or zone, such as the day a client
// secret expires. The zero Date means "not set". It is written as
// "YYYY-MM-DD" in JSON.
type Date struct {
	// t is midnight UTC of the day; keeping a time.Time makes every Date a
	// real day (no February 30th) and keeps Date comparable with ==.
	t time.Time
}

// NewDate returns the given day; out-of-range values are normalised the
// way time.Date does (month 13 is January of the next year).
func NewDate(year int, month time.Month, day int) Date {
	return Date{t: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// ParseDate reads a "YYYY-MM-DD" date; the empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("not a date like 2026-12-31: %q", s)
	}
	return Date{t: t}, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time is the start of the day in UTC; zero for an unset date.
func (d Date) Time() time.Time { return d.t }

// String is the date as "YYYY-MM-DD", or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// DaysFrom counts whole days from the day now falls on (in now's own zone)
// to d: 0 on the day itself, negative once d has passed. Reminders use it.
func (d Date) DaysFrom(now time.Time) int {
	y, m, day := now.Date()
	today := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	return int(d.t.Sub(today).Hours() / 24)
}

// MarshalText writes the date as "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "YYYY-MM-DD"; an empty string is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	parsed, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
