package setupcheck

import (
	"context"
	"fmt"
	"strings"

	"github.com/aztoken/aztoken/tokens"
	"github.com/aztoken/aztoken/tokens/arm"
)

// The Resource Manager side of a Check: roles and the subscription.

// noRoleFix is the portal path to a role assignment.
const noRoleFix = "Give the app a role such as Reader: Subscriptions › your subscription › Access control (IAM) › Add role assignment, then select the app; it takes a few minutes to apply."

// notChosen is steps 4 and 6 for a profile without a subscription: not a
// failure, since a profile may only ever fetch tokens.
var notChosen = Step{Status: NotRun, Detail: "not run: no subscription chosen (set one in the profile to check the app's role on it)"}

func (r *checkRun) arm() arm.Client {
	return arm.Client{Client: r.check.Client, Endpoint: r.check.ARMEndpoint, Token: r.token}
}

// subscriptionsVisible lists what the app may see. An empty list is a
// failure only when no subscription is chosen: with one, the list's
// minutes of lag after a new role assignment would hide what steps 4 and
// 6 answer precisely for that subscription, so it is a warning and the
// chain goes on.
func (r *checkRun) subscriptionsVisible(ctx context.Context) Step {
	subs, _, err := r.arm().Subscriptions(ctx)
	if err != nil {
		return failed(err)
	}
	sub := r.check.Subscription
	switch {
	case len(subs) == 0 && sub == "":
		return Step{Status: Fail, Detail: "the list is empty: the app has no role on any subscription", Fix: noRoleFix}
	case len(subs) == 0:
		return Step{Status: Warn, Detail: "the list is empty: the app has no role on any subscription; checking " + sub + " anyway", Fix: noRoleFix}
	case sub != "" && !listed(subs, sub):
		return Step{Status: Warn, Detail: fmt.Sprintf("%s; %s is not among them", describeSubscriptions(subs), sub),
			Fix: fmt.Sprintf("Give the app a role such as Reader on subscription %s: its Access control (IAM) › Add role assignment.", sub)}
	}
	return Step{Status: Pass, Detail: describeSubscriptions(subs)}
}

func listed(subs []arm.Subscription, id string) bool {
	for _, s := range subs {
		if strings.EqualFold(s.SubscriptionID, id) {
			return true
		}
	}
	return false
}

// describeSubscriptions names the subscriptions for a ticket.
func describeSubscriptions(subs []arm.Subscription) string {
	names := make([]string, len(subs))
	for i, s := range subs {
		names[i] = fmt.Sprintf("%s (%s)", s.DisplayName, s.SubscriptionID)
	}
	return plural(len(subs), "subscription") + ": " + firstFew(names, 3)
}

// firstFew joins the first n names, enough for a ticket without flooding
// it.
func firstFew(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + ", …"
}

// subscriptionTenant asks ARM, without a token, who owns the subscription:
// a profile pointing at the app's home tenant while the subscription lives
// in a customer's is the mistake this step exists for.
func (r *checkRun) subscriptionTenant(ctx context.Context) Step {
	sub := r.check.Subscription
	if sub == "" {
		return notChosen
	}
	owner, err := r.arm().SubscriptionTenant(ctx, sub)
	if err != nil {
		return failed(err)
	}
	switch {
	case !tokens.IsGUID(owner):
		// ARM names "common" for a subscription it does not know; step 6
		// then gets its precise answer, so this only warns.
		return Step{Status: Warn, Detail: fmt.Sprintf("Resource Manager names no tenant for subscription %s (it says %q): it may not exist", sub, owner),
			Fix: "Check the subscription ID under Subscriptions in the portal of the tenant that owns it."}
	case !strings.EqualFold(owner, r.tenantID):
		return Step{Status: Fail, Detail: fmt.Sprintf("subscription %s belongs to tenant %s, not to the profile's tenant %s", sub, owner, r.tenantID),
			Fix: fmt.Sprintf("Set the profile's tenant to %s, and make sure the app is registered or consented to in that tenant.", owner)}
	}
	return Step{Status: Pass, Detail: fmt.Sprintf("subscription %s belongs to tenant %s", sub, owner)}
}

// resourceGroupsReadable makes the read a role assignment allows; a 403
// here names the scope and principal that need the role.
func (r *checkRun) resourceGroupsReadable(ctx context.Context) Step {
	sub := r.check.Subscription
	if sub == "" {
		return notChosen
	}
	groups, _, err := r.arm().ResourceGroups(ctx, sub, arm.ResourceGroupsAPIVersion)
	if err != nil {
		return failed(err)
	}
	if len(groups) == 0 {
		return Step{Status: Pass, Detail: "the role works; the subscription has no resource groups yet"}
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Name
	}
	return Step{Status: Pass, Detail: plural(len(groups), "resource group") + ": " + firstFew(names, 5)}
}
