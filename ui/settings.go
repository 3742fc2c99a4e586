package ui

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
	"github.com/aztoken/aztoken/tokens/clipboard"
)

// Preference keys of the Settings view. Preferences are a plain file, so
// they hold choices only: never a secret or a token.
const (
	settingClearAfter = "clipboard.clearAfterSeconds"
	settingMargin     = "tokens.refreshMarginMinutes"
	settingMaxWait    = "tokens.maxRetryAfterSeconds"
	settingSecretDays = "notify.secretExpiryDays"
	// settingSecretToldOn + a profile ID is the day its secret's expiry
	// was last told: one reminder a day, across restarts.
	settingSecretToldOn  = "notify.secretExpiryToldOn."
	settingNotifyCopy    = "notify.trayCopy"
	settingNotifyRefresh = "notify.autoRefreshFailed"
	settingNotifyExpiry  = "notify.tokenExpired"
	// settingARMAPIVersion is read by the Test call view as well, with
	// arm.ResourceGroupsAPIVersion when unset; so unset means default.
	settingARMAPIVersion = "armApiVersion"
)

// The ranges the Settings view accepts.
const (
	maxClearAfterSeconds = 3600
	minMarginMinutes     = 1
	maxMarginMinutes     = 30
	minWaitSeconds       = 1
	maxWaitSeconds       = 600
	maxSecretDays        = 90
	defaultSecretDays    = 14
)

// appSettings are aztoken's app-wide preferences.
type appSettings struct {
	// clearAfter is how long a copied token stays on the clipboard; 0
	// keeps it.
	clearAfter time.Duration
	// margin is how long before expiry a token is replaced.
	margin time.Duration
	// maxWait is the most aztoken waits, over a request's retries,
	// because Azure asked it to with Retry-After.
	maxWait time.Duration
	// secretDays is how many days before a client secret expires a
	// daily reminder starts; 0 never reminds.
	secretDays int
	// notifyCopy tells how a tray copy went; notifyRefresh when an
	// automatic refresh fails; notifyExpiry when a token runs out.
	notifyCopy, notifyRefresh, notifyExpiry bool
	// armAPIVersion is the api-version for ARM calls; "" is the default.
	armAPIVersion string
}

// loadSettings reads the preferences. A value out of range (a hand-edited
// file) counts as unset.
func loadSettings(p fyne.Preferences) appSettings {
	s := appSettings{
		clearAfter:    clipboard.DefaultClearAfter,
		margin:        tokens.DefaultMargin,
		maxWait:       tokens.DefaultMaxRetryAfter,
		secretDays:    defaultSecretDays,
		notifyCopy:    p.BoolWithFallback(settingNotifyCopy, true),
		notifyRefresh: p.BoolWithFallback(settingNotifyRefresh, true),
		notifyExpiry:  p.BoolWithFallback(settingNotifyExpiry, false),
	}
	if n, err := checkClearAfter(strconv.Itoa(p.IntWithFallback(settingClearAfter, -1))); err == nil {
		s.clearAfter = time.Duration(n) * time.Second
	}
	if n, err := checkMargin(strconv.Itoa(p.IntWithFallback(settingMargin, -1))); err == nil {
		s.margin = time.Duration(n) * time.Minute
	}
	if n, err := checkMaxWait(strconv.Itoa(p.IntWithFallback(settingMaxWait, -1))); err == nil {
		s.maxWait = time.Duration(n) * time.Second
	}
	if n, err := checkSecretDays(strconv.Itoa(p.IntWithFallback(settingSecretDays, -1))); err == nil {
		s.secretDays = n
	}
	if v, err := checkARMVersion(p.String(settingARMAPIVersion)); err == nil {
		s.armAPIVersion = v
	}
	return s
}

// save writes s to the preferences.
func (s appSettings) save(p fyne.Preferences) {
	p.SetInt(settingClearAfter, int(s.clearAfter/time.Second))
	p.SetInt(settingMargin, int(s.margin/time.Minute))
	p.SetInt(settingMaxWait, int(s.maxWait/time.Second))
	p.SetInt(settingSecretDays, s.secretDays)
	p.SetBool(settingNotifyCopy, s.notifyCopy)
	p.SetBool(settingNotifyRefresh, s.notifyRefresh)
	p.SetBool(settingNotifyExpiry, s.notifyExpiry)
	if s.armAPIVersion == "" {
		// Removed rather than "": readers fall back only on a missing key.
		p.RemoveValue(settingARMAPIVersion)
	} else {
		p.SetString(settingARMAPIVersion, s.armAPIVersion)
	}
}

const (
	errClearAfter fieldMessage = "Enter whole seconds from 0 to 3600; 0 never clears the clipboard."
	errMargin     fieldMessage = "Enter whole minutes from 1 to 30."
	errMaxWait    fieldMessage = "Enter whole seconds from 1 to 600."
	errSecretDays fieldMessage = "Enter whole days from 0 to 90; 0 never reminds."
	errAPIVersion fieldMessage = "Enter a date as YYYY-MM-DD or YYYY-MM-DD-preview; leave empty for " + arm.ResourceGroupsAPIVersion + "."
)

// checkClearAfter reads the clipboard delay in seconds.
func checkClearAfter(s string) (int, error) {
	return checkWhole(s, 0, maxClearAfterSeconds, errClearAfter)
}

// checkMargin reads the refresh margin in minutes.
func checkMargin(s string) (int, error) {
	return checkWhole(s, minMarginMinutes, maxMarginMinutes, errMargin)
}

// checkMaxWait reads the longest wait Azure may ask for, in seconds.
func checkMaxWait(s string) (int, error) {
	return checkWhole(s, minWaitSeconds, maxWaitSeconds, errMaxWait)
}

// checkSecretDays reads how many days ahead a secret's expiry is told.
func checkSecretDays(s string) (int, error) {
	return checkWhole(s, 0, maxSecretDays, errSecretDays)
}

func checkWhole(s string, lo, hi int, bad error) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < lo || n > hi {
		return 0, bad
	}
	return n, nil
}

var armVersionPattern = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(-preview)?$`)

// checkARMVersion reads an ARM api-version: a real date, perhaps a
// preview. Empty means the default.
func checkARMVersion(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	m := armVersionPattern.FindStringSubmatch(s)
	if m == nil {
		return "", errAPIVersion
	}
	if _, err := time.Parse("2006-01-02", m[1]); err != nil {
		return "", errAPIVersion
	}
	return s, nil
}

// clearDelay is the clipboard Guard's setting.
type clearDelay interface{ SetClearAfter(time.Duration) }
