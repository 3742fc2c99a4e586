package cli

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
