package ui

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestTheDemoProcessIsWaitedFor: the demo runs as a child process, and
// once it quits it is reaped, so no defunct process stays behind. The
// test binary itself stands in for aztoken, running no tests.
func TestTheDemoProcessIsWaitedFor(t *testing.T) {
	var cmd *exec.Cmd
	exited := make(chan error, 1)
	err := launchDemo(os.Executable, func(exe string) *exec.Cmd {
		cmd = exec.Command(exe, "-test.run=^$")
		return cmd
	}, func(err error) { exited <- err })
	if err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("the demo stand-in ended with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the demo's process was not waited for within 30 s")
	}
	if cmd.ProcessState == nil || !cmd.ProcessState.Exited() {
		t.Error("the demo's process state was never collected")
	}
}

func TestADemoThatCannotStartSaysSo(t *testing.T) {
	err := launchDemo(func() (string, error) { return "", errors.New("no executable") }, func(string) *exec.Cmd {
		t.Fatal("no command should be made without the executable")
		return nil
	}, nil)
	if err == nil || !strings.Contains(err.Error(), "the demo could not start: no executable") {
		t.Errorf("got %v", err)
	}
}
