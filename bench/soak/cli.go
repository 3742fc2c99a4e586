package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// runDeadline bounds one `aztoken token` run: start-up, the token request
// and every retry of it.
const runDeadline = 120 * time.Second

// soakCLI runs `aztoken token --env` many times, a few at once, with the
// environment this process has (AZURE_* pointing at faultyazure).
func soakCLI(args []string) (failed bool) {
	fs := flag.NewFlagSet("cli", flag.ExitOnError)
	bin := fs.String("bin", "aztoken", "the aztoken binary")
	fetches := fs.Int("fetches", 1000, "how many runs")
	workers := fs.Int("workers", 4, "how many run at once")
	fs.Parse(args)

	results := make([]outcome, *fetches)
	next := make(chan int)
	var done sync.WaitGroup
	began := time.Now()
	for range *workers {
		done.Add(1)
		go func() {
			defer done.Done()
			for n := range next {
				results[n] = fetch(*bin, n)
			}
		}()
	}
	for n := range *fetches {
		next <- n
	}
	close(next)
	done.Wait()
	fmt.Printf("%d runs of aztoken token in %v, %d at once\n", *fetches, time.Since(began).Round(time.Millisecond), *workers)
	failures := summary("CLI fetches", results)

	hung, unexpected := 0, 0
	for _, o := range results {
		switch {
		case strings.HasPrefix(o.how, "killed"):
			hung++
		case !o.ok && o.how != "exit 3" && o.how != "exit 5":
			// Faults are the network's or the service's: exit 5, or 3
			// where Entra's own error says so. Anything else (usage,
			// files, a crash) is aztoken's.
			unexpected++
		}
	}
	failed = verdict(hung == 0, "no run hung: every one ended within %v (%d did not)", runDeadline, hung)
	failed = verdict(unexpected == 0, "every failure exits 3 or 5 with a message (%d other)", unexpected) || failed
	failed = verdict(failures*10 <= *fetches, "at least 90%% of runs printed a token despite the faults (%d failed)", failures) || failed
	return failed
}

// fetch runs aztoken token once and says what came of it.
func fetch(bin string, n int) outcome {
	o := outcome{n: n, start: time.Now()}
	ctx, cancel := context.WithTimeout(context.Background(), runDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "token", "--env", "--format", "header")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	o.took = time.Since(o.start)
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		o.how = "killed"
		o.why = fmt.Sprintf("killed after %v", runDeadline)
	case errors.As(err, &exit):
		o.how = fmt.Sprintf("exit %d", exit.ExitCode())
		line, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		o.why = o.how + ": " + normalise(line)
	case err != nil:
		o.how = "not run"
		o.why = "not run: " + err.Error()
	case !strings.HasPrefix(stdout.String(), "Authorization: Bearer ey"):
		o.how = "exit 0"
		o.why = "exit 0 without a token: " + normalise(stdout.String())
	default:
		o.how, o.ok = "exit 0", true
	}
	return o
}
