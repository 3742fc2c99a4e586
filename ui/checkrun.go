package ui

import (
	"context"
	"errors"

	"github.com/aztoken/aztoken/profiles"
	"github.com/aztoken/aztoken/tokens/setupcheck"
)

// checkSetup runs the setup check for p off the main goroutine. Each step
// reaches onStep on the main goroutine as it is decided, then done gets
// the report, or why the check could not start. It returns the check's own
// cancel.
func (c *controller) checkSetup(p profiles.Profile, onStep func(int, setupcheck.Step), done func(setupcheck.Report, error)) context.CancelFunc {
	secrets, client, post := c.secrets, c.client, c.post
	return c.run("Checking the setup of "+p.Name, func(ctx context.Context) func() {
		cred, err := loadCredential(ctx, secrets, p)
		if err != nil {
			return func() {
				if errors.Is(err, context.Canceled) {
					err = nil
				}
				done(setupcheck.Report{}, err)
			}
		}
		check := p.SetupCheck(client, cred, p.Subscription)
		check.OnStep = func(i int, s setupcheck.Step) { post(func() { onStep(i, s) }) }
		rep := check.Run(ctx)
		return func() { done(rep, nil) }
	})
}
