package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/aztoken/aztoken/tokens"
)

func runTest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("test", "-p NAME [--subscription ID] [--api-version V]",
		`Call GET {arm}/subscriptions/{id}/resourcegroups with a profile's token and
print the resource groups, following every page. Errors come with the fix:
a 403 AuthorizationFailed, for example, means the app needs a role
assignment in the subscription's Access control (IAM).

Example:
  aztoken test -p dev --subscription 00000000-0000-0000-0000-000000000000`, env)
	var sel selection
	sel.register(fs)
	sel.registerFresh(fs)
	sub := fs.String("subscription", "", "subscription `ID` (default: the profile's)")
	apiVersion := fs.String("api-version", tokens.ResourceGroupsAPIVersion, "resource groups `api-version`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	p, tok, err := sel.fetch(ctx, env)
	if err != nil {
		return err
	}
	subscription, err := subscriptionFor(p, *sub)
	if err != nil {
		return err
	}
	if subscription == "" {
		return usageErrorf("test: profile %q has no subscription; pass --subscription ID", p.Name)
	}
	arm := tokens.ARM{Client: env.Client, Endpoint: p.Endpoints().ARMEndpoint, Token: tok}
	groups, call, err := arm.ResourceGroups(ctx, subscription, *apiVersion)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "HTTP %d in %s, %d page(s), x-ms-request-id %s, reads left %s\n",
		call.Status, call.Duration.Round(time.Millisecond), call.Pages, call.RequestID, call.RemainingReads)
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tLOCATION\tSTATE\tMANAGED BY\tTAGS")
	for _, g := range groups {
		managed := g.ManagedBy
		if managed == "" {
			managed = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\n", g.Name, g.Location, g.Properties.ProvisioningState, managed, len(g.Tags))
	}
	if len(groups) == 0 {
		fmt.Fprintln(w, "(no resource groups)")
	}
	return w.Flush()
}
