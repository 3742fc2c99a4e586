package ui

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The window tests share Fyne's test app, a process global, so they run
// one after another, and this package's tests would keep one core busy
// long after every other package is done. AZTOKEN_TEST_SHARD=i/n (make
// test sets it) makes this process run only every n-th test, from the
// i-th on, so that n processes share the package's tests between the
// cores; together they run each test exactly once.

// shard skips the tests that belong to the other shards, if
// AZTOKEN_TEST_SHARD asks for shards. It runs after flag.Parse.
func shard() error {
	spec := os.Getenv("AZTOKEN_TEST_SHARD")
	if spec == "" || flag.Lookup("test.list").Value.String() != "" {
		return nil
	}
	i, n, err := parseShard(spec)
	if err != nil {
		return err
	}
	if skip := flag.Lookup("test.skip").Value.String(); skip != "" {
		return fmt.Errorf("AZTOKEN_TEST_SHARD and -skip %q cannot be combined", skip)
	}
	// The binary lists its own tests; the listing process sees
	// -test.list and shards nothing.
	out, err := exec.Command(os.Args[0], "-test.list", ".").Output()
	if err != nil {
		return fmt.Errorf("listing the tests to shard: %v", err)
	}
	if skip := othersPattern(strings.Fields(string(out)), i, n); skip != "" {
		return flag.Set("test.skip", skip)
	}
	return nil
}

// othersPattern matches exactly the tests of names that shard i of n
// leaves to the other shards: every n-th name belongs to one shard.
func othersPattern(names []string, i, n int) string {
	var others []string
	for k, name := range names {
		if k%n != i-1 {
			others = append(others, regexp.QuoteMeta(name))
		}
	}
	if len(others) == 0 {
		return ""
	}
	return "^(" + strings.Join(others, "|") + ")$"
}

// parseShard reads "i/n", 1 ≤ i ≤ n.
func parseShard(spec string) (i, n int, err error) {
	a, b, _ := strings.Cut(spec, "/")
	i, errI := strconv.Atoi(a)
	n, errN := strconv.Atoi(b)
	if errI != nil || errN != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("AZTOKEN_TEST_SHARD=%q: want i/n with 1 ≤ i ≤ n, such as 1/2", spec)
	}
	return i, n, nil
}

func TestShardsRunEveryTestExactlyOnce(t *testing.T) {
	names := []string{"TestA", "TestAB", "TestB", "ExampleC", "TestD"}
	for _, n := range []int{1, 2, 3} {
		runs := map[string]int{}
		for i := 1; i <= n; i++ {
			skip := othersPattern(names, i, n)
			for _, name := range names {
				if skip == "" || !regexp.MustCompile(skip).MatchString(name) {
					runs[name]++
				}
			}
		}
		for _, name := range names {
			if runs[name] != 1 {
				t.Errorf("in %d shards %s runs %d times", n, name, runs[name])
			}
		}
	}
	for _, bad := range []string{"0/2", "3/2", "1", "a/b", "1/0"} {
		if _, _, err := parseShard(bad); err == nil {
			t.Errorf("AZTOKEN_TEST_SHARD=%s was accepted", bad)
		}
	}
}
