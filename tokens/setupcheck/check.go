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
	// Subscription is the subscription steps 5 and 6 look at. Empty skips
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

// Run performs the steps in order. A failed step stops the chain and the
// steps after it are "not run", saying why; so does ctx ending. Run
// never returns an error: every failure is a step of the Report.
func (c Check) Run(ctx context.Context) Report {
	r := &checkRun{check: c, now: c.now()}
	rep := c.report(r.now)
	stopped := ""
	for i, st := range setupSteps {
		s := Step{Title: st.title, Area: st.area}
		switch {
		case stopped != "":
			s.Detail = stopped
		case ctx.Err() != nil:
			stopped = "not run: cancelled"
			s.Detail = stopped
		default:
			s = r.decide(ctx, st)
			if ctx.Err() != nil && s.Status != Pass {
				stopped = "not run: cancelled"
				s = Step{Title: st.title, Area: st.area, Detail: stopped}
			} else if s.Status == Fail {
				stopped = fmt.Sprintf("not run: step %d failed", i+1)
			}
		}
		rep.Steps = append(rep.Steps, s)
		if c.OnStep != nil {
			c.OnStep(i, s)
		}
	}
	return rep
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

// setupStep is one link of the chain: its title and how it is decided.
type setupStep struct {
	title  string
	area   Area
	decide func(r *checkRun, ctx context.Context) Step
}

// decide runs one step and labels its outcome.
func (r *checkRun) decide(ctx context.Context, st setupStep) Step {
	s := st.decide(r, ctx)
	s.Title, s.Area = st.title, st.area
	return s
}

// setupSteps are the checks in the order a registration is set up in the
// portal: tenant, app and secret, token, role, subscription, expiry.
var setupSteps = []setupStep{
	{"The tenant exists in this cloud", AreaEntra, (*checkRun).tenantExists},
	{"The app and its credential are accepted", AreaEntra, (*checkRun).tokenIssued},
	{"The token is an app token for Resource Manager", AreaEntra, (*checkRun).tokenClaims},
	{"The app can see subscriptions", AreaARM, (*checkRun).subscriptionsVisible},
	{"The subscription belongs to the profile's tenant", AreaARM, (*checkRun).subscriptionTenant},
	{"The app can read the subscription's resource groups", AreaARM, (*checkRun).resourceGroupsReadable},
	{"The secret or certificate is not about to expire", AreaEntra, (*checkRun).credentialNotExpiring},
}
