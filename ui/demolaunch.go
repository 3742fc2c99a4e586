package ui

import (
	"fmt"
	"os"
	"os/exec"
)

// startDemo opens the offline demo in a process of its own, so the user's
// window, profiles and keyring stay exactly as they are.
func startDemo() error {
	return launchDemo(os.Executable, func(exe string) *exec.Cmd { return exec.Command(exe, "--demo") }, nil)
}

// launchDemo starts the command that runs the demo from this program's
// executable, and waits for it in the background: a child nobody waits
// for stays behind as a defunct process once it quits. exited, if set,
// learns how it ended.
func launchDemo(executable func() (string, error), command func(exe string) *exec.Cmd, exited func(error)) error {
	exe, err := executable()
	var cmd *exec.Cmd
	if err == nil {
		cmd = command(exe)
		err = cmd.Start()
	}
	if err != nil {
		return fmt.Errorf("the demo could not start: %w", err)
	}
	go func() {
		err := cmd.Wait()
		if exited != nil {
			exited(err)
		}
	}()
	return nil
}
