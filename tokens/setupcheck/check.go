// Package setupcheck walks an app registration's setup as a checklist of
// seven steps, from "does the tenant exist" to "may the app read this
// subscription", with the portal's words for each fix. The window's Setup
// check tab and `aztoken check` both run it and show its Report.
//
// It is apart from package tokens because it changes for another reason:
// tokens changes with Entra ID's and Resource Manager's wire formats,
// this package with what users get wrong in the portal. It uses only the
// token and ARM clients' exported API.
package setupcheck

import (
	"context"
	"fmt"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

// Check walks an app registration's setup one link at a time, from
// "does the tenant exist" to "may the app read this subscription", so a
// user learns which portal step was missed rather than only that a call
// failed. It takes plain values, not a profile: the caller fills it from
// whatever describes the app.
type Check struct {
	// Client makes every call.
	Client *tokens.Client
	// Request is the token request under test; its secret is sent to Entra
	// ID and never appears in the Report.
	Request tokens.Request
	// ARMEndpoint is the Resource Manager base URL.
	ARMEndpoint string
	// Audience is the token audience Resource Manager accepts, such as
	// https://management.azure.com/ (Cloud.ARMResource). Empty means the
	// request's own audience, which then is trusted to be the right one.
	Audience string
	// Subscription is the subscription steps 4 and 6 look at. Empty skips
	// them ("not run"), which is not a failure: a profile need not have one.
	Subscription string
	// SecretExpires is the day the client secret expires, as the Expires
	// column of Certificates & secrets shows it; only its date counts. Zero
	// means unknown, which step 7 reports as a warning so that the user
	// records the date and gets reminded in time. A certificate credential
	// brings its own expiry and ignores this.
	SecretExpires time.Time
	// Now is the clock for step 7; nil means Client.Now.
	Now func() time.Time
	// OnStep, when set, is called after each step is decided (passed,
	// failed, warned or not run), in order, on the goroutine running Run.
	// A window must hand the step to its UI goroutine itself.
	OnStep func(i int, s Step)
}

// SecretWarnDays is how many days before its expiry a client secret (or
// certificate) is reported as about to expire: time to get a new one
// through whoever owns the app registration.
const SecretWarnDays = 30

// Run performs the steps in order. A step whose prerequisite failed (or
// was skipped for one) is "not run", saying which step failed; every other
// step runs, so a failure never hides what else is wrong. So does ctx
// ending. Run never returns an error: every failure is a step of the
// Report.
func (c Check) Run(ctx context.Context) Report {
	r := &checkRun{check: c, now: c.now()}
	rep := c.report(r.now)
	// blockedBy is, per step, the step (from 1) that kept it from running
	// or 0: its own number when it failed.
	blockedBy := make([]int, len(setupSteps))
	for i, st := range setupSteps {
		s := Step{Title: st.title, Area: st.area}
		switch {
		case ctx.Err() != nil:
			s.Detail = "not run: cancelled"
			blockedBy[i] = i + 1
		case blocker(st.after, blockedBy) != 0:
			blockedBy[i] = blocker(st.after, blockedBy)
			s.Detail = fmt.Sprintf("not run: step %d failed", blockedBy[i])
		default:
			s = r.decide(ctx, st)
			if ctx.Err() != nil && s.Status != Pass {
				s = Step{Title: st.title, Area: st.area, Detail: "not run: cancelled"}
				blockedBy[i] = i + 1
			} else if s.Status == Fail {
				blockedBy[i] = i + 1
			}
		}
		rep.Steps = append(rep.Steps, s)
		if c.OnStep != nil {
			c.OnStep(i, s)
		}
	}
	return rep
}

// blocker is the failed step (from 1) behind the first of steps that
// failed or was kept from running, or 0 when all of them may be built on.
func blocker(steps []int, blockedBy []int) int {
	for _, n := range steps {
		if b := blockedBy[n-1]; b != 0 {
			return b
		}
	}
	return 0
}

func (c Check) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return c.Client.Now()
}

// report is the Report's heading: what was checked, without the secret.
func (c Check) report(now time.Time) Report {
	return Report{
		CheckedAt:     now,
		AuthorityHost: c.Request.AuthorityHost,
		Tenant:        c.Request.Tenant,
		ClientID:      c.Request.ClientID,
		Target:        c.Request.Target.String(),
		ARMEndpoint:   c.ARMEndpoint,
		Subscription:  c.Subscription,
	}
}

// checkRun carries what one step learns to the steps after it.
type checkRun struct {
	check Check
	now   time.Time
	// tenantID is the profile's directory GUID, learned from discovery
	// when the profile names a domain.
	tenantID string
	token    tokens.Token
}

// setupStep is one link of the chain: its title, how it is decided, and
// the steps (from 1) it builds on.
type setupStep struct {
	title  string
	area   Area
	decide func(r *checkRun, ctx context.Context) Step
	after  []int
}

// decide runs one step and labels its outcome.
func (r *checkRun) decide(ctx context.Context, st setupStep) Step {
	s := st.decide(r, ctx)
	s.Title, s.Area = st.title, st.area
	return s
}

// setupSteps are the checks in the order a registration is set up in the
// portal: tenant, app and secret, token, the subscription's tenant, roles,
// expiry. Which tenant owns the subscription is settled before any role is
// judged: a subscription in another tenant is no missing role. The
// subscription's owner needs no token, and the expiry nothing at all.
var setupSteps = []setupStep{
	{"The tenant exists in this cloud", AreaEntra, (*checkRun).tenantExists, nil},
	{"The app and its credential are accepted", AreaEntra, (*checkRun).tokenIssued, []int{1}},
	{"The token is an app token for Resource Manager", AreaEntra, (*checkRun).tokenClaims, []int{2}},
	{"The subscription belongs to the profile's tenant", AreaARM, (*checkRun).subscriptionTenant, []int{1}},
	{"The app can see subscriptions", AreaARM, (*checkRun).subscriptionsVisible, []int{3, 4}},
	{"The app can read the subscription's resource groups", AreaARM, (*checkRun).resourceGroupsReadable, []int{3, 4}},
	{"The secret or certificate is not about to expire", AreaEntra, (*checkRun).credentialNotExpiring, nil},
}
