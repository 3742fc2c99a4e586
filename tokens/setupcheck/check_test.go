package setupcheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
	"github.com/aztoken/aztoken/tokens/emulator"
)

// checkDay is the setup check's clock; only step 7 reads it.
var checkDay = time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)

// goodCheck checks the main app on its readable subscription, with a
// secret that has half a year left.
func goodCheck(srv *emulator.Server, c *tokens.Client) Check {
	return Check{
		Client:        c,
		Request:       request(srv),
		ARMEndpoint:   srv.URL(),
		Audience:      armResource,
		Subscription:  readableSub,
		SecretExpires: checkDay.AddDate(0, 6, 0),
		Now:           func() time.Time { return checkDay },
	}
}

// marks is the checklist at a glance: one symbol per step.
func marks(rep Report) string {
	var b strings.Builder
	for _, s := range rep.Steps {
		b.WriteString(s.Status.Symbol())
	}
	return b.String()
}

// TestSetupCheckFindsEachMissedStep breaks the setup one way at a time and
// checks the checklist a user would see: where it stops, what it says was
// seen and the fix it gives.
func TestSetupCheckFindsEachMissedStep(t *testing.T) {
	t.Parallel()
	srv, c := startWorld(t)
	const unknownSub = "00000000-0000-4000-8000-0000000000aa"
	tests := []struct {
		name   string
		edit   func(*Check)
		want   string
		at     int // the step whose words are checked, from 1
		detail string
		fix    string
	}{
		{"all green", nil, "✓✓✓✓✓✓✓", 6, "5 resource groups: rg-app", ""},
		{"domain tenant", func(s *Check) { s.Request.Tenant = "contoso.onmicrosoft.com" },
			"✓✓✓✓✓✓✓", 1, "contoso.onmicrosoft.com (" + tenantID + ")", ""},
		{"v2 scope", func(s *Check) { s.Request.Target = tokens.ScopeTarget("https://management.azure.com/.default") },
			"✓✓✓✓✓✓✓", 3, "aud https://management.azure.com,", ""},
		{"unknown tenant", func(s *Check) { s.Request.Tenant = "00000000-0000-4000-8000-0000000000ee" },
			"✗–––––✓", 1, "AADSTS90002", "Directory (tenant) ID"},
		{"wrong secret", func(s *Check) { s.Request.Credential = tokens.ClientSecret(secretID) },
			"✓✗–✓––✓", 2, "AADSTS7000215", "is a Secret ID, a GUID"},
		{"wrong audience", func(s *Check) { s.Request.Target = tokens.ResourceTarget("https://graph.microsoft.com") },
			"✓✓✗✓––✓", 3, "the token is for https://graph.microsoft.com", "Set the profile's resource to https://management.azure.com/"},
		{"no role, no subscription", func(s *Check) { s.Request.ClientID, s.Subscription = noRoleApp, "" },
			"✓✓✓–✗–✓", 5, "no role on any subscription", "Access control (IAM)"},
		{"no role on the subscription", func(s *Check) { s.Request.ClientID = noRoleApp },
			"✓✓✓✓⚠✗✓", 6, "AuthorizationFailed", "Access control (IAM)"},
		{"subscription of another tenant", func(s *Check) { s.Subscription = otherSub },
			"✓✓✓✗––✓", 4, "belongs to tenant " + otherTenant, "Set the profile's tenant to " + otherTenant},
		{"unknown subscription", func(s *Check) { s.Subscription = unknownSub },
			"✓✓✓⚠⚠✗✓", 6, "SubscriptionNotFound", "Check the subscription ID"},
		{"no subscription chosen", func(s *Check) { s.Subscription = "" },
			"✓✓✓–✓–✓", 4, "not run: no subscription chosen", ""},
		{"secret expiring", func(s *Check) { s.SecretExpires = checkDay.AddDate(0, 0, 10) },
			"✓✓✓✓✓✓⚠", 7, "expires on 2026-05-11, in 10 days", "Before 2026-05-11, create a new client secret"},
		{"secret expired", func(s *Check) { s.SecretExpires = checkDay.AddDate(0, 0, -1) },
			"✓✓✓✓✓✓✗", 7, "expired on 2026-04-30, 1 day ago", "Certificates & secrets"},
		{"expiry unknown", func(s *Check) { s.SecretExpires = time.Time{} },
			"✓✓✓✓✓✓⚠", 7, "expiry unknown", "Expires date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := goodCheck(srv, c)
			if tt.edit != nil {
				tt.edit(&check)
			}
			rep := check.Run(context.Background())
			if got := marks(rep); got != tt.want {
				t.Fatalf("checklist %s, want %s\n%s", got, tt.want, rep.Text())
			}
			s := rep.Steps[tt.at-1]
			if !strings.Contains(s.Detail, tt.detail) || !strings.Contains(s.Fix, tt.fix) || (tt.fix == "") != (s.Fix == "") {
				t.Errorf("step %d:\n detail %q\n    fix %q\nwant %q and %q", tt.at, s.Detail, s.Fix, tt.detail, tt.fix)
			}
			// A step that did not run names a step that failed.
			for _, s := range rep.Steps {
				var n int
				if _, err := fmt.Sscanf(s.Detail, "not run: step %d failed", &n); err == nil && rep.Steps[n-1].Status != Fail {
					t.Errorf("%q says %q, but step %d did not fail", s.Title, s.Detail, n)
				}
			}
		})
	}
}

// TestSetupCheckFailuresKeepTheServiceError lets callers classify a
// failure (the CLI's exit code) by the error behind it.
func TestSetupCheckFailuresKeepTheServiceError(t *testing.T) {
	t.Parallel()
	srv, c := startWorld(t)
	check := goodCheck(srv, c)
	check.Request.Tenant = "00000000-0000-4000-8000-0000000000ee"
	_, s, _ := check.Run(context.Background()).FirstFailure()
	var entra *tokens.EntraError
	if !errors.As(s.Err, &entra) || entra.AADSTS() != 90002 || s.Area != AreaEntra {
		t.Errorf("unknown tenant: err %v, area %d", s.Err, s.Area)
	}

	check = goodCheck(srv, c)
	check.Request.ClientID = noRoleApp
	_, s, _ = check.Run(context.Background()).FirstFailure()
	var armErr *arm.Error
	if !errors.As(s.Err, &armErr) || armErr.Status != 403 || s.Area != AreaARM {
		t.Errorf("no role: err %v, area %d", s.Err, s.Area)
	}
}

func TestSetupCheckStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	t.Run("between steps", func(t *testing.T) {
		srv, c := startWorld(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		check := goodCheck(srv, c)
		var seen []int
		check.OnStep = func(i int, s Step) {
			seen = append(seen, i)
			if i == 2 {
				cancel()
			}
		}
		rep := check.Run(ctx)
		if got := marks(rep); got != "✓✓✓––––" || rep.Steps[3].Detail != "not run: cancelled" || rep.Steps[6].Detail != "not run: cancelled" {
			t.Errorf("checklist %s\n%s", got, rep.Text())
		}
		if len(seen) != 7 || seen[6] != 6 {
			t.Errorf("OnStep saw steps %v, want all seven in order", seen)
		}
	})
	t.Run("during a call", func(t *testing.T) {
		srv, c := startWorld(t)
		srv.Inject(emulator.ARMEndpoint, emulator.Latency(time.Minute))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		check := goodCheck(srv, c)
		check.OnStep = func(i int, _ Step) {
			if i == 2 {
				time.AfterFunc(20*time.Millisecond, cancel)
			}
		}
		rep := check.Run(ctx)
		if got := marks(rep); got != "✓✓✓––––" || rep.Steps[3].Detail != "not run: cancelled" {
			t.Errorf("checklist %s\n%s", got, rep.Text())
		}
	})
}

// TestSetupReportText is what a user pastes into a ticket: every step with
// its mark, never the secret or the token.
func TestSetupReportText(t *testing.T) {
	t.Parallel()
	srv, c := startWorld(t)
	check := goodCheck(srv, c)
	check.Request.ClientID = noRoleApp
	text := check.Run(context.Background()).Text()
	for _, want := range []string{
		"aztoken setup check, 2026-05-01 09:30 UTC",
		"App (client) ID:  " + noRoleApp,
		"✓ 1. The tenant exists in this cloud",
		"✓ 4. The subscription belongs to the profile's tenant",
		"⚠ 5. The app can see subscriptions",
		"✗ 6. The app can read the subscription's resource groups",
		"     Fix: The app has no role on /subscriptions/" + readableSub,
		"✓ 7. The secret or certificate is not about to expire",
		"x-ms-request-id",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, secretValue) || strings.Contains(text, "eyJ") {
		t.Errorf("the text leaks the secret or a token:\n%s", text)
	}
}

func TestSetupReportJSON(t *testing.T) {
	t.Parallel()
	srv, c := startWorld(t)
	check := goodCheck(srv, c)
	check.Request.Credential = tokens.ClientSecret(secretID)
	b, err := json.Marshal(check.Run(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Tenant string
		Steps  []struct{ Title, Status, Detail, Fix string }
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Tenant != tenantID || len(got.Steps) != 7 || got.Steps[0].Status != "pass" || got.Steps[1].Status != "fail" ||
		got.Steps[1].Fix == "" || got.Steps[2].Status != "not run" {
		t.Errorf("json = %s", b)
	}
	if strings.Contains(string(b), secretValue) {
		t.Errorf("json leaks the secret: %s", b)
	}
}

func TestDaysUntilCountsCalendarDays(t *testing.T) {
	t.Parallel()
	paris := time.FixedZone("CEST", 2*3600)
	expires := time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		now  time.Time
		want int
	}{
		{time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), 30},
		{time.Date(2026, 5, 30, 23, 59, 0, 0, time.UTC), 1},
		{time.Date(2026, 5, 31, 0, 30, 0, 0, paris), 0}, // still the 30th in UTC, but the user's day counts
		{time.Date(2026, 5, 31, 23, 0, 0, 0, time.UTC), 0},
		{time.Date(2026, 6, 2, 8, 0, 0, 0, time.UTC), -2},
	}
	for _, tt := range tests {
		if got := daysUntil(expires, tt.now); got != tt.want {
			t.Errorf("daysUntil(%s) = %d, want %d", tt.now, got, tt.want)
		}
	}
}

func TestCanonicalAudience(t *testing.T) {
	t.Parallel()
	tests := []struct {
		aud, want string
		same      bool
	}{
		{"https://management.azure.com/", "https://management.azure.com", true},
		{"https://management.core.windows.net/", "https://management.azure.com/", true},
		{"https://management.core.usgovcloudapi.net", "https://management.usgovcloudapi.net/", true},
		{"https://graph.microsoft.com", "https://management.azure.com/", false},
		{"https://management.azure.com/", "https://management.usgovcloudapi.net/", false},
		{"https://Management.azure.com/", "https://management.azure.com/", false},
	}
	for _, tt := range tests {
		if got := canonicalAudience(tt.aud) == canonicalAudience(tt.want); got != tt.same {
			t.Errorf("%s vs %s: same = %v", tt.aud, tt.want, got)
		}
	}
}
