package ui

import (
	"fmt"
	"os"
	"os/exec"
)

// startDemo opens the offline demo in a process of its own, so the user's
// window, profiles and keyring stay exactly as they are.
func startDemo() error {
	exe, err := os.Executable()
	if err == nil {
		err = exec.Command(exe, "--demo").Start()
	}
	if err != nil {
		return fmt.Errorf("the demo could not start: %w", err)
	}
	return nil
}
