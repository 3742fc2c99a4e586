// Command faultyazure serves the emulator's sample world (emulator.Sample)
// on loopback for the soak (make soak), with short-lived tokens and a
// random fault on a share of the token requests: latency, 429, 5xx, a
// proxy's HTML page, a truncated or oversized body, a dropped connection.
// It prints its URL on stdout and serves until SIGTERM or SIGINT, then
// reports on stderr how many token requests reached it and which faults
// they met.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// queued is how many token requests get a drawn fault (or none); the soak
// makes far fewer, and any beyond are served cleanly.
const queued = 100_000

// kind is one sort of fault, with the way to make one.
type kind struct {
	name string
	make func(r *rand.Rand) emulator.Fault
}

var kinds = []kind{
	{"latency", func(r *rand.Rand) emulator.Fault {
		return emulator.Latency(50*time.Millisecond + time.Duration(r.Int64N(int64(1950*time.Millisecond))))
	}},
	{"429", func(*rand.Rand) emulator.Fault { return emulator.Throttled(time.Second) }},
	{"500", func(*rand.Rand) emulator.Fault { return emulator.ServerError(500) }},
	{"503", func(*rand.Rand) emulator.Fault { return emulator.ServerError(503) }},
	{"html 502", func(*rand.Rand) emulator.Fault { return emulator.HTMLPage(502) }},
	{"truncated", func(*rand.Rand) emulator.Fault { return emulator.TruncatedBody() }},
	{"oversized", func(*rand.Rand) emulator.Fault { return emulator.OversizedBody() }},
	{"dropped", func(*rand.Rand) emulator.Fault { return emulator.DroppedConnection() }},
}

func main() {
	rate := flag.Float64("fault-rate", 0.2, "share of token requests that meet a fault")
	lifetime := flag.Duration("lifetime", 6*time.Second, "lifetime of the tokens issued")
	seed := flag.Uint64("seed", 1, "seed of the fault draw, so a run can be repeated")
	flag.Parse()

	world := emulator.Sample()
	for i := range world.Tenants[0].Apps {
		if world.Tenants[0].Apps[i].ClientID == emulator.SampleApp {
			world.Tenants[0].Apps[i].TokenLifetime = *lifetime
		}
	}
	srv, err := emulator.Start(world)
	if err != nil {
		fmt.Fprintln(os.Stderr, "faultyazure:", err)
		os.Exit(1)
	}
	defer srv.Close()

	// Every request takes the next fault from the queue; the clean ones
	// take a latency of zero, which serves them as they come.
	r := rand.New(rand.NewPCG(*seed, 0))
	drawn := make([]string, queued)
	faults := make([]emulator.Fault, queued)
	for i := range faults {
		drawn[i], faults[i] = "none", emulator.Latency(0)
		if r.Float64() < *rate {
			k := kinds[r.IntN(len(kinds))]
			drawn[i], faults[i] = k.name, k.make(r)
		}
	}
	srv.Inject(emulator.TokenEndpoint, faults...)
	fmt.Println(srv.URL())

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	<-ctx.Done()
	n := min(srv.Requests(emulator.TokenEndpoint), queued)
	met := map[string]int{}
	for _, name := range drawn[:n] {
		met[name]++
	}
	names := make([]string, 0, len(met))
	for name := range met {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, " %s %d,", name, met[name])
	}
	fmt.Fprintf(os.Stderr, "faultyazure: %d token requests; faults met:%s\n", n, strings.TrimSuffix(b.String(), ","))
}
