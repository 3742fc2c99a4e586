// Command soak drives make soak (scripts/soak.sh): many token requests
// through a running `aztoken serve`, or many `aztoken token` runs, against
// bench/faultyazure. It prints the requests that failed and why, grouped,
// the slowest one, and, for serve, the server's memory and open files at
// the start, middle and end; then PASS or FAIL lines, which the script
// counts. Every request has a deadline, so nothing it waits for can hang
// the soak.
//
//	soak serve -env-file FILE -pid PID [-requests N] [-seconds S] [-workers W] [-resource R]…
//	soak cli -bin AZTOKEN [-fetches N] [-workers W]
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: soak serve|cli [flags]")
		os.Exit(2)
	}
	var failed bool
	switch os.Args[1] {
	case "serve":
		failed = soakServe(os.Args[2:])
	case "cli":
		failed = soakCLI(os.Args[2:])
	default:
		fmt.Fprintf(os.Stderr, "soak: unknown phase %q; use serve or cli\n", os.Args[1])
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}
