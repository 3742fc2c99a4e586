//go:build linux

// The benchmarks run under Xvfb on Linux only.

// Command fakeazure serves the emulator's sample world (emulator.Sample)
// on loopback for the process-level benchmarks: it prints its URL on
// stdout and serves until SIGTERM or SIGINT. On SIGUSR1, and when it
// stops, it reports on stderr how many token requests reached it, so a
// script can check that the window it drove really fetched its tokens and
// whether a command used the network at all. FAKEAZURE_TOKEN_LATENCY (a
// Go duration such as 150ms) delays every token request by that much, as
// a real Entra ID round trip would.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

func main() {
	srv, err := emulator.Start(emulator.Sample())
	if err != nil {
		fmt.Fprintln(os.Stderr, "fakeazure:", err)
		os.Exit(1)
	}
	defer srv.Close()
	if d, err := time.ParseDuration(os.Getenv("FAKEAZURE_TOKEN_LATENCY")); err == nil {
		// One fault a request: enough for any benchmark run.
		latency := make([]emulator.Fault, 100000)
		for i := range latency {
			latency[i] = emulator.Latency(d)
		}
		srv.Inject(emulator.TokenEndpoint, latency...)
	}
	fmt.Println(srv.URL())
	report := func() {
		fmt.Fprintf(os.Stderr, "fakeazure: %d token requests\n", srv.Requests(emulator.TokenEndpoint))
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	asked := make(chan os.Signal, 1)
	signal.Notify(asked, syscall.SIGUSR1)
	for {
		select {
		case <-asked:
			report()
		case <-ctx.Done():
			report()
			return
		}
	}
}
