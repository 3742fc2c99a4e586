package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/tokens/setupcheck"
)

// checkOptions are check's flags.
type checkOptions struct {
	sel          selection
	subscription string
	format       *format
}

func newCheckCmd(env *Env, run func(context.Context, *Env, *checkOptions) error) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check -p NAME [--subscription ID] [--format text|json]",
		Short: "run the setup check: tenant, secret, token, roles, subscription, expiry",
		Long: `Walk a profile's setup step by step and print a checklist: the tenant
exists, the app and its secret are accepted, the token is an app token for
Resource Manager, the subscription belongs to the profile's tenant, the
app can see subscriptions, the app can read its resource groups, and the
secret is not about to expire. Each step is ✓ passed, ⚠ warning, ✗ failed
or – not run, with the fix in the portal's words. A step runs unless one it
builds on failed, so one failure never hides another. The text is fit for a support ticket: it holds IDs and token
claims, never the secret or the token.

Exits 0 when nothing failed (warnings allowed), otherwise with the code of
the first failure: 3 for Entra ID (tenant, app, secret, token), 4 for
Resource Manager (roles, subscription), 5 for the network.`,
		Example: `  aztoken check -p dev
  aztoken check -p dev --subscription 00000000-0000-0000-0000-000000000000 --format json`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return run(c.Context(), env, opts) },
	}
	opts.sel.register(cmd, env)
	cmd.Flags().StringVar(&opts.subscription, "subscription", "", "subscription `ID` to check (default: the profile's)")
	// "table" is taken too, so one word works for every command.
	opts.format = addFormat(cmd, "text", "text", "table", "json")
	return cmd
}

func runCheck(ctx context.Context, env *Env, opts *checkOptions) error {
	p, cred, err := opts.sel.resolve(ctx, env)
	if err != nil {
		return err
	}
	subscription, err := subscriptionFor(p, opts.subscription)
	if err != nil {
		return err
	}
	rep := p.SetupCheck(env.Client, cred, subscription).Run(ctx)
	if err := writeReport(env, rep, opts.format.value); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if i, s, failed := rep.FirstFailure(); failed {
		return &checkFailed{number: i + 1, step: s}
	}
	return nil
}

func writeReport(env *Env, rep setupcheck.Report, format string) error {
	if format != "json" {
		_, err := fmt.Fprint(env.Stdout, rep.Text())
		return err
	}
	_, _, failed := rep.FirstFailure()
	b, err := json.MarshalIndent(struct {
		setupcheck.Report
		OK bool `json:"ok"`
	}{rep, !failed}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, string(b))
	return err
}

// checkFailed ends a check whose checklist is printed already: it names the
// failed step on stderr, repeats its fix, and exits with the code of the
// failure's kind.
type checkFailed struct {
	number int
	step   setupcheck.Step
}

func (e *checkFailed) Error() string {
	return fmt.Sprintf("setup check failed at step %d: %s", e.number, e.step.Title)
}

// Unwrap exposes the service's error, so that --format json reports its
// AADSTS code or ARM request ID.
func (e *checkFailed) Unwrap() error { return e.step.Err }

// Fix is the step's own fix, also when aztoken judged the failure itself.
func (e *checkFailed) Fix() string { return e.step.Fix }

// ExitCode classifies the failure by the error behind it when there is one
// (a network failure is 5 whichever step met it), else by the step's side.
func (e *checkFailed) ExitCode() int {
	if code := exitCode(e.step.Err); code != ExitOK && code != ExitFailure {
		return code
	}
	if e.step.Area == setupcheck.AreaARM {
		return ExitARM
	}
	return ExitCredential
}
