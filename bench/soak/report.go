package main

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// outcome is one request or run: how long it took and, when it failed,
// why, in words that group alike failures.
type outcome struct {
	n     int
	took  time.Duration
	ok    bool
	why   string
	how   string // what the slowest one shows: status or exit code
	start time.Time
}

// varying are the parts of a message that differ between alike failures:
// IDs, addresses, times and long numbers; a status code stays.
var varying = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f-]{27}|[0-9.]+:[0-9]+|[0-9]{4,}|[0-9]+\.[0-9]+`)

func normalise(s string) string {
	s = varying.ReplaceAllString(s, "#")
	if len(s) > 180 {
		s = s[:180] + "…"
	}
	return s
}

// summary prints the failures grouped, most frequent first, and the
// slowest outcome.
func summary(what string, all []outcome) (failures int) {
	groups := map[string]int{}
	var slowest outcome
	var took []time.Duration
	for _, o := range all {
		took = append(took, o.took)
		if o.took > slowest.took {
			slowest = o
		}
		if !o.ok {
			failures++
			groups[o.why]++
		}
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	fmt.Printf("%s: %d, %d ok, %d failed (%.1f%%)\n", what, len(all), len(all)-failures, failures, 100*float64(failures)/float64(max(len(all), 1)))
	if len(took) > 0 {
		fmt.Printf("  time: median %v, 99th percentile %v, slowest %v (#%d: %s)\n",
			round(took[len(took)/2]), round(took[len(took)*99/100]), round(slowest.took), slowest.n, slowest.how)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return groups[keys[i]] > groups[keys[j]] || groups[keys[i]] == groups[keys[j]] && keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Printf("  %5d × %s\n", groups[k], k)
	}
	return failures
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(10 * time.Microsecond)
}

// verdict prints a PASS or FAIL line and reports a failure.
func verdict(ok bool, format string, a ...any) bool {
	word := "PASS"
	if !ok {
		word = "FAIL"
	}
	fmt.Printf("%s  %s\n", word, fmt.Sprintf(format, a...))
	return !ok
}

// usage is a process's resident memory and open files.
type usage struct {
	rssKiB int
	files  int
}

func (u usage) String() string {
	return fmt.Sprintf("RSS %.1f MiB, %d open files", float64(u.rssKiB)/1024, u.files)
}

// measure reads pid's usage from /proc.
func measure(pid int) (usage, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return usage{}, err
	}
	var u usage
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			u.rssKiB, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		return usage{}, err
	}
	u.files = len(fds)
	return u, nil
}
