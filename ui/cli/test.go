package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/tokens/arm"
)

// testOptions are test's flags.
type testOptions struct {
	sel                      selection
	subscription, apiVersion string
	format                   *format
}

func newTestCmd(env *Env, run func(context.Context, *Env, *testOptions) error) *cobra.Command {
	opts := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test -p NAME [--subscription ID] [--api-version V] [--format table|json]",
		Short: "list a subscription's resource groups with a profile's token",
		Long: `Call GET {arm}/subscriptions/{id}/resourcegroups with a profile's token and
print the resource groups, following every page. Errors come with the fix:
a 403 AuthorizationFailed, for example, means the app needs a role
assignment in the subscription's Access control (IAM).`,
		Example: `  aztoken test -p dev --subscription 00000000-0000-0000-0000-000000000000
  aztoken test -p dev --format json | jq -r '.[].name'`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return run(c.Context(), env, opts) },
	}
	opts.sel.register(cmd, env)
	opts.sel.registerFresh(cmd)
	cmd.Flags().StringVar(&opts.subscription, "subscription", "", "subscription `ID` (default: the profile's)")
	cmd.Flags().StringVar(&opts.apiVersion, "api-version", arm.ResourceGroupsAPIVersion, "resource groups `api-version`")
	opts.format = addFormat(cmd, "table", "table", "json")
	return cmd
}

func runTest(ctx context.Context, env *Env, opts *testOptions) error {
	p, tok, err := opts.sel.fetch(ctx, env)
	if err != nil {
		return err
	}
	subscription, err := subscriptionFor(p, opts.subscription)
	if err != nil {
		return err
	}
	if subscription == "" {
		return usageErrorf("test: profile %q has no subscription; pass --subscription ID", p.Name)
	}
	rm := arm.Client{Client: env.Client, Endpoint: p.Endpoints().ARMEndpoint, Token: tok}
	groups, call, err := rm.ResourceGroups(ctx, subscription, opts.apiVersion)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "HTTP %d in %s, %d page(s), x-ms-request-id %s, reads left %s\n",
		call.Status, call.Duration.Round(time.Millisecond), call.Pages, call.RequestID, call.RemainingReads)
	if opts.format.value == "json" {
		if groups == nil {
			groups = []arm.ResourceGroup{}
		}
		return writeJSON(env.Stdout, groups)
	}
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
