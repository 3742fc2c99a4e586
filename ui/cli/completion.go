package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/aztoken/aztoken/tokens"
)

// completionCmd words cobra's completion command aztoken's way: install
// examples, and a usage error (exit 2) for a shell it does not know.
func completionCmd(c *cobra.Command) {
	c.Short = "print the shell completion script: bash, zsh, fish or powershell"
	c.Example = completionExamples
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			_ = c.Help()
			return usageErrorf("completion: name a shell: bash, zsh, fish or powershell")
		}
		return usageErrorf("completion: no script for %q; name bash, zsh, fish or powershell", args[0])
	}
}

// completionExamples tell how to install the completion script that
// cobra's `completion` command writes, shell by shell; the README says the
// same.
const completionExamples = `  # bash, for this shell; for every new one, add the line to ~/.bashrc
  source <(aztoken completion bash)
  # zsh: once, then start a new shell (needs compinit in ~/.zshrc)
  aztoken completion zsh > "${fpath[1]}/_aztoken"
  # fish
  aztoken completion fish > ~/.config/fish/completions/aztoken.fish
  # PowerShell: add the line to $PROFILE
  aztoken completion powershell | Out-String | Invoke-Expression`

// cloudNames are the values of --cloud, offered by completion.
func cloudNames() []string {
	var names []string
	for _, c := range tokens.BuiltinClouds() {
		names = append(names, c.Name)
	}
	return append(names, tokens.CustomCloud)
}

// completeProfileNames offers the names in the profiles file. It reads
// only the file: completion must never wake the keyring with a prompt.
func completeProfileNames(env *Env, toComplete string) ([]string, cobra.ShellCompDirective) {
	store, err := env.OpenStore()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, p := range store.List() {
		if strings.HasPrefix(strings.ToLower(p.Name), strings.ToLower(toComplete)) {
			names = append(names, p.Name)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// profileArgCompletion completes a command's one profile-name argument.
func profileArgCompletion(env *Env) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeProfileNames(env, toComplete)
	}
}

// completeProfileFlag makes -p/--profile complete profile names.
func completeProfileFlag(cmd *cobra.Command, env *Env) {
	_ = cmd.RegisterFlagCompletionFunc("profile", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return completeProfileNames(env, toComplete)
	})
}
