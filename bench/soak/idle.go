package main

import (
	"fmt"
	"io"
	"net"
	"net/url"
	"time"
)

// serveCap is how many connections serve takes at once on 127.0.0.1
// (server.DefaultMaxConnections).
const serveCap = 256

// holdIdle opens n connections to the endpoint, each sending one request
// and then nothing, as a local process exhausting the server would, and
// checks that the server's open files stay within its cap while they are
// held, and come back once they close.
func holdIdle(endpoint, header string, n, pid int, before usage) (failed bool) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return verdict(false, "IDENTITY_ENDPOINT %q: %v", endpoint, err)
	}
	request := "GET " + u.Path + "?api-version=2019-08-01&resource=https://management.azure.com HTTP/1.1\r\n" +
		"Host: " + u.Host + "\r\nX-IDENTITY-HEADER: " + header + "\r\n\r\n"
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range n {
		c, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
		if err != nil {
			return verdict(false, "connection %d of %d: %v", len(held)+1, n, err)
		}
		held = append(held, c)
		if _, err := io.WriteString(c, request); err != nil {
			return verdict(false, "connection %d of %d: %v", len(held), n, err)
		}
	}
	// The server takes what its cap allows; give it a bounded while to.
	var during usage
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if during, err = measure(pid); err != nil || during.files >= before.files+serveCap {
			break
		}
	}
	if err != nil {
		return verdict(false, "the serve process is gone: %v", err)
	}
	fmt.Printf("serve holding:   %v, with %d idle connections open to it\n", during, n)
	failed = verdict(during.files <= before.files+serveCap+4,
		"%d idle connections cost serve at most its cap of %d files (%d → %d)", n, serveCap, before.files, during.files)

	for _, c := range held {
		c.Close()
	}
	held = nil
	after, err := measure(pid)
	for deadline := time.Now().Add(10 * time.Second); err == nil && after.files > before.files && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		after, err = measure(pid)
	}
	if err != nil {
		return verdict(false, "the serve process is gone: %v", err)
	}
	return verdict(after.files <= before.files+2, "their files freed once they closed (%d → %d)", before.files, after.files) || failed
}
