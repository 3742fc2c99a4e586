package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/arm"
)

// armResult is what one call to Resource Manager came to.
type armResult struct {
	call   arm.Call
	groups []arm.ResourceGroup
	subs   []arm.Subscription
	err    error
}

// callARM gets p's token through the cache, asking Entra only when it
// holds none fresh, and hands Resource Manager to call off the main
// goroutine; done gets the result on the main goroutine. A token fetched
// here shows in the token panel too. It returns this call's own cancel.
func (c *controller) callARM(p profiles.Profile, what string, call func(context.Context, arm.Client) armResult, done func(armResult)) context.CancelFunc {
	cache, secrets, client := c.cache, c.secrets, c.client
	return c.run(what, func(ctx context.Context) func() {
		tok, err := fetchToken(ctx, cache, secrets, p, false)
		r := armResult{err: err}
		if err == nil {
			r = call(ctx, arm.Client{Client: client, Endpoint: p.Endpoints().ARMEndpoint, Token: tok})
		}
		return func() { done(r) }
	})
}

// listGroups lists a subscription's resource groups, every page.
func listGroups(subscription, apiVersion string) func(context.Context, arm.Client) armResult {
	return func(ctx context.Context, rm arm.Client) armResult {
		groups, call, err := rm.ResourceGroups(ctx, subscription, apiVersion)
		return armResult{call: call, groups: groups, err: err}
	}
}

// listSubscriptions lists what the app may see.
func listSubscriptions(ctx context.Context, rm arm.Client) armResult {
	subs, call, err := rm.Subscriptions(ctx)
	return armResult{call: call, subs: subs, err: err}
}

// getPath is the custom GET.
func getPath(path string) func(context.Context, arm.Client) armResult {
	return func(ctx context.Context, rm arm.Client) armResult {
		call, err := rm.Get(ctx, path)
		return armResult{call: call, err: err}
	}
}

// apiVersion is the api-version to list resource groups with: the one
// typed (checked as the Settings view checks it), else the default.
func apiVersion(s string) (string, error) {
	v, err := checkARMVersion(s)
	if v == "" {
		v = arm.ResourceGroupsAPIVersion
	}
	return v, err
}

// checkARMPath allows what ARM.Get sends: a path from the endpoint's root.
func checkARMPath(s string) error {
	s = strings.TrimSpace(s)
	if s != "" && (!strings.HasPrefix(s, "/") || strings.ContainsAny(s, " \t\n")) {
		return fieldMessage("Type a path from the Resource Manager root, such as /subscriptions?api-version=" + arm.SubscriptionsAPIVersion)
	}
	return nil
}

// pretty indents a JSON body for reading, or returns it as it came.
func pretty(body []byte) string {
	var out bytes.Buffer
	if json.Indent(&out, body, "", "  ") != nil {
		return string(body)
	}
	return out.String()
}

// groupColumns head the resource group table.
var groupColumns = []string{"Name", "Location", "Provisioning state", "Managed by", "Tags"}

// groupCell is what the table shows of g in column col.
func groupCell(g arm.ResourceGroup, col int) string {
	switch col {
	case 0:
		return g.Name
	case 1:
		return g.Location
	case 2:
		return g.Properties.ProvisioningState
	case 3:
		return g.ManagedBy
	}
	return strconv.Itoa(len(g.Tags))
}

// subscriptionOption names a subscription in the picker the way the
// portal lists it.
func subscriptionOption(s arm.Subscription) string {
	name := s.DisplayName
	if s.State != "" && s.State != "Enabled" {
		name += ", " + s.State
	}
	return name + " (" + s.SubscriptionID + ")"
}
