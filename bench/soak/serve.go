package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// requestDeadline bounds one request through serve. A token request with
// every retry and the longest injected latency takes well under it; a
// request still open after it is a hang.
const requestDeadline = 90 * time.Second

type resourceList []string

func (l *resourceList) String() string     { return strings.Join(*l, ",") }
func (l *resourceList) Set(s string) error { *l = append(*l, s); return nil }

// soakServe sends requests at an even pace through serve, spread over the
// resources, with many at once, and watches the server's process.
func soakServe(args []string) (failed bool) {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	envFile := fs.String("env-file", "", "the file `aztoken serve --env-file` wrote")
	pid := fs.Int("pid", 0, "the serve process, whose memory and files are watched")
	requests := fs.Int("requests", 10_000, "how many requests")
	seconds := fs.Float64("seconds", 60, "how long to spread them over")
	workers := fs.Int("workers", 64, "how many requests may be open at once")
	idle := fs.Int("idle", 1000, "how many idle connections to hold open after the requests")
	var resources resourceList
	fs.Var(&resources, "resource", "a resource to ask for; repeatable")
	fs.Parse(args)
	if len(resources) == 0 {
		resources = resourceList{"https://management.azure.com/"}
	}
	endpoint, header, err := readEnvFile(*envFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		return true
	}
	transport := &http.Transport{MaxIdleConnsPerHost: *workers}
	client := &http.Client{Transport: transport, Timeout: requestDeadline}
	ask := func(n int) outcome {
		q := url.Values{"api-version": {"2019-08-01"}, "resource": {resources[n%len(resources)]}}
		return get(client, endpoint+"?"+q.Encode(), header, n)
	}

	start, err := measure(*pid)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak: cannot watch the serve process:", err)
		return true
	}
	fmt.Printf("serve at start:  %v\n", start)

	var middle usage
	results := make([]outcome, *requests)
	next := make(chan int)
	var done sync.WaitGroup
	var mu sync.Mutex
	finished := 0
	began := time.Now()
	for range *workers {
		done.Add(1)
		go func() {
			defer done.Done()
			for n := range next {
				o := ask(n)
				mu.Lock()
				results[n] = o
				finished++
				if finished == *requests/2 {
					middle, _ = measure(*pid)
				}
				mu.Unlock()
			}
		}()
	}
	pace := time.Duration(*seconds * float64(time.Second) / float64(*requests))
	tick := time.NewTicker(max(pace, time.Microsecond))
	for n := range *requests {
		<-tick.C
		next <- n
	}
	tick.Stop()
	close(next)
	done.Wait()
	elapsed := time.Since(began)
	fmt.Printf("serve at middle: %v\n", middle)

	// Hang up, and give the server a bounded while to close its side.
	transport.CloseIdleConnections()
	end, err := measure(*pid)
	for deadline := time.Now().Add(5 * time.Second); err == nil && end.files > start.files && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		end, err = measure(*pid)
	}
	if err != nil {
		return verdict(false, "the serve process is gone: %v", err)
	}
	fmt.Printf("serve at end:    %v\n", end)
	fmt.Printf("%d requests in %v (%.0f a second), %d at once at most\n", *requests, elapsed.Round(time.Millisecond), float64(*requests)/elapsed.Seconds(), *workers)
	failures := summary("requests through serve", results)

	hung, unexpected := 0, 0
	for _, o := range results {
		switch {
		case strings.HasPrefix(o.why, "no answer"):
			hung++
		case !o.ok && !strings.HasPrefix(o.how, "5"):
			unexpected++
		}
	}
	failed = verdict(hung == 0, "no request hung: every one was answered within %v (%d were not)", requestDeadline, hung)
	failed = verdict(unexpected == 0, "every failure is a 5xx naming the token service's fault (%d other)", unexpected) || failed
	failed = verdict(failures*10 <= *requests, "at least 90%% of requests got a token despite the faults (%d failed)", failures) || failed
	failed = verdict(end.files <= start.files+2, "open files back to the start's once the clients hung up (%d → %d)", start.files, end.files) || failed
	growth := end.rssKiB - middle.rssKiB
	failed = verdict(growth <= 10*1024, "memory flat in the second half: %+.1f MiB from middle to end (at most +10)", float64(growth)/1024) || failed
	if *idle > 0 {
		failed = holdIdle(endpoint, header, *idle, *pid, end) || failed
	}
	after := ask(*requests)
	failed = verdict(after.ok, "serve still hands out tokens after the soak (%s)", after.how) || failed
	return failed
}

// get sends one managed-identity request and says what came of it.
func get(client *http.Client, u, header string, n int) outcome {
	o := outcome{n: n, start: time.Now()}
	ctx, cancel := context.WithTimeout(context.Background(), requestDeadline)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	req.Header.Set("X-IDENTITY-HEADER", header)
	resp, err := client.Do(req)
	if err != nil {
		o.took = time.Since(o.start)
		o.how = "no answer"
		o.why = "no answer: " + normalise(err.Error())
		if errors.Is(err, context.DeadlineExceeded) {
			o.why = fmt.Sprintf("no answer within %v", requestDeadline)
		}
		return o
	}
	defer resp.Body.Close()
	var body struct {
		AccessToken string `json:"access_token"`
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	o.took = time.Since(o.start)
	o.how = fmt.Sprint(resp.StatusCode)
	if err == nil {
		err = json.Unmarshal(raw, &body)
	}
	switch {
	case err != nil:
		o.why = fmt.Sprintf("%d, unreadable body: %v", resp.StatusCode, err)
	case resp.StatusCode == http.StatusOK && strings.HasPrefix(body.AccessToken, "ey"):
		o.ok = true
	default:
		o.how += " " + body.Error
		o.why = fmt.Sprintf("%d %s: %s", resp.StatusCode, body.Error, normalise(body.Description))
	}
	return o
}

// readEnvFile reads the two variables from serve's export lines.
func readEnvFile(path string) (endpoint, header string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, value, _ := strings.Cut(strings.TrimPrefix(line, "export "), "=")
		switch name {
		case "IDENTITY_ENDPOINT":
			endpoint = value
		case "IDENTITY_HEADER":
			header = value
		}
	}
	if endpoint == "" || header == "" {
		return "", "", fmt.Errorf("%s lacks IDENTITY_ENDPOINT or IDENTITY_HEADER", path)
	}
	return endpoint, header, nil
}
