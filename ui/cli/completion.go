package cli

import "github.com/spf13/cobra"

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
