package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aztoken/aztoken/tokens"
)

func runCheck(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("check", "-p NAME [--subscription ID] [--format text|json]",
		`Walk a profile's setup step by step and print a checklist: the tenant
exists, the app and its secret are accepted, the token is an app token for
Resource Manager, the app can see subscriptions, the subscription belongs
to the profile's tenant, the app can read its resource groups, and the
secret is not about to expire. Each step is ✓ passed, ⚠ warning, ✗ failed
or – not run, with the fix in the portal's words. The first failure stops
the check. The text is fit for a support ticket: it holds IDs and token
claims, never the secret or the token.

Exits 0 when nothing failed (warnings allowed), otherwise with the code of
the first failure: 3 for Entra ID (tenant, app, secret, token), 4 for
Resource Manager (roles, subscription), 5 for the network.

Examples:
  aztoken check -p dev
  aztoken check -p dev --subscription 00000000-0000-0000-0000-000000000000 --format json`, env)
	var sel selection
	sel.register(fs)
	sub := fs.String("subscription", "", "subscription `ID` to check (default: the profile's)")
	format := fs.String("format", "text", "output `format`: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageErrorf("check: unknown format %q; use text or json", *format)
	}
	p, cred, err := sel.resolve(ctx, env)
	if err != nil {
		return err
	}
	subscription, err := subscriptionFor(p, *sub)
	if err != nil {
		return err
	}
	rep := p.SetupCheck(env.Client, cred, subscription).Run(ctx)
	if err := writeReport(env, rep, *format); err != nil {
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

func writeReport(env *Env, rep tokens.Report, format string) error {
	if format == "text" {
		_, err := fmt.Fprint(env.Stdout, rep.Text())
		return err
	}
	_, _, failed := rep.FirstFailure()
	b, err := json.MarshalIndent(struct {
		tokens.Report
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
	step   tokens.Step
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
	if e.step.Area == tokens.AreaARM {
		return ExitARM
	}
	return ExitCredential
}
