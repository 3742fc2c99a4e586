package ui

import (
	"fmt"
	"os"
	"os/exec"
)

// startDemo opens the offline demo in a process of its own, so the user's
// window, profiles and keyring stay exactly as they are.
func (w *mainWindow) startDemo() {
	exe, err := os.Executable()
	if err == nil {
		err = exec.Command(exe, "--demo").Start()
	}
	if err != nil {
		w.showError(fmt.Errorf("the demo could not start: %w", err))
	}
}
