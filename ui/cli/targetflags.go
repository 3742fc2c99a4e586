package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/profiles"
)

// registerTargets adds --target NAME=RESOURCE_OR_SCOPE and
// --remove-target NAME to profiles add and edit.
func (f *fieldFlags) registerTargets(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringArrayVar(&f.targets, "target", nil, "an extra target, `NAME=RESOURCE_OR_SCOPE`, such as 'Microsoft Graph=https://graph.microsoft.com/' or 'My API=api://…/.default'; replaces a target of that name; repeatable")
	fs.StringArrayVar(&f.removeTargets, "remove-target", nil, "remove the extra target called `NAME`; repeatable")
}

// applyTargets removes the targets --remove-target names, then adds or
// replaces those --target gives. The store checks the result.
func (f *fieldFlags) applyTargets(p *profiles.Profile) error {
	ts := p.Targets.All()
	for _, name := range f.removeTargets {
		i := indexTarget(ts, name)
		if i < 0 {
			return usageErrorf("--remove-target: profile %q has no extra target %q; it has %s", p.Name, name, strings.Join(p.TargetNames()[1:], ", "))
		}
		ts = append(ts[:i], ts[i+1:]...)
	}
	for _, arg := range f.targets {
		name, value, ok := strings.Cut(arg, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return usageErrorf("--target takes NAME=RESOURCE_OR_SCOPE, such as 'Microsoft Graph=https://graph.microsoft.com/'")
		}
		t := profiles.NewNamedTarget(strings.TrimSpace(name), value)
		if i := indexTarget(ts, t.Name); i >= 0 {
			ts[i] = t
		} else {
			ts = append(ts, t)
		}
	}
	p.Targets = profiles.NewTargetList(ts...)
	return nil
}

// indexTarget finds the target called name, ignoring case, or -1.
func indexTarget(ts []profiles.NamedTarget, name string) int {
	for i, t := range ts {
		if strings.EqualFold(t.Name, strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// completeTargetFlag makes --target complete the target names of the
// profile -p names. It reads only the profiles file.
func completeTargetFlag(cmd *cobra.Command, env *Env) {
	_ = cmd.RegisterFlagCompletionFunc("target", func(c *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		name, _ := c.Flags().GetString("profile")
		store, err := env.OpenStore()
		if err != nil || name == "" {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		p, ok := store.ByName(name)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var names []string
		for _, n := range p.TargetNames() {
			if strings.HasPrefix(strings.ToLower(n), strings.ToLower(toComplete)) {
				names = append(names, n)
			}
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
}
