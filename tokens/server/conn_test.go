package server

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"testing"
	"time"
)

// conn is one raw keep-alive connection to the server, the way a
// misbehaving local process holds it.
type conn struct {
	t *testing.T
	net.Conn
	r *bufio.Reader
}

func (rg *rig) dial(addr string) *conn {
	rg.t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		rg.t.Fatal(err)
	}
	rg.t.Cleanup(func() { c.Close() })
	return &conn{t: rg.t, Conn: c, r: bufio.NewReader(c)}
}

// send writes a raw request line and Host header, and reads the answer
// within wait; it reports whether one came.
func (c *conn) send(requestLine, host string, wait time.Duration) (*http.Response, bool) {
	c.t.Helper()
	if _, err := io.WriteString(c, requestLine+" HTTP/1.1\r\nHost: "+host+"\r\n\r\n"); err != nil {
		c.t.Fatal(err)
	}
	return c.read(wait)
}

func (c *conn) read(wait time.Duration) (*http.Response, bool) {
	c.t.Helper()
	c.SetReadDeadline(time.Now().Add(wait))
	resp, err := http.ReadResponse(c.r, nil)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil, false
	}
	if err != nil {
		c.t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp, true
}

// closedWithin reports whether the server closed the connection within
// wait.
func (c *conn) closedWithin(wait time.Duration) bool {
	c.SetReadDeadline(time.Now().Add(wait))
	_, err := c.r.ReadByte()
	return errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) || isReset(err)
}

func isReset(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && !op.Timeout()
}

func TestIdleConnectionsAreClosed(t *testing.T) {
	rg := start(t, func(c *Config) { c.IdleTimeout = 200 * time.Millisecond })
	const held = 200
	conns := make([]*conn, held)
	for i := range conns {
		conns[i] = rg.dial(rg.srv.Addr())
		// A refusal is enough: the connection stays open for the next
		// request, as an SDK's would.
		if resp, ok := conns[i].send("GET "+TokenPath, rg.srv.Addr(), 5*time.Second); !ok || resp.StatusCode != 401 || resp.Close {
			t.Fatalf("connection %d: no kept-alive answer", i)
		}
	}
	for i, c := range conns {
		if !c.closedWithin(5 * time.Second) {
			t.Fatalf("idle connection %d still open 5 s after a 200 ms idle timeout", i)
		}
	}
	// The server still answers once they are gone.
	if a := rg.get(TokenPath); a.status != 200 {
		t.Errorf("after the idle connections: %d %s", a.status, a.raw)
	}
}

func TestConnectionsBeyondTheLimitWait(t *testing.T) {
	const max = 3
	rg := start(t, func(c *Config) { c.MaxConnections = max; c.IdleTimeout = time.Minute })
	var held []*conn
	for range max {
		c := rg.dial(rg.srv.Addr())
		if _, ok := c.send("GET "+TokenPath, rg.srv.Addr(), 5*time.Second); !ok {
			t.Fatal("a connection within the limit got no answer")
		}
		held = append(held, c)
	}

	waiting := rg.dial(rg.srv.Addr())
	if _, ok := waiting.send("GET "+TokenPath, rg.srv.Addr(), 300*time.Millisecond); ok {
		t.Fatalf("connection %d was served while %d were held open", max+1, max)
	}
	held[0].Close()
	resp, ok := waiting.read(5 * time.Second)
	if !ok || resp.StatusCode != 401 {
		t.Fatalf("the waiting connection was not served when a slot freed: %v", resp)
	}
	for _, c := range held[1:] {
		if _, ok := c.send("GET "+TokenPath, rg.srv.Addr(), 5*time.Second); !ok {
			t.Error("a held connection stopped being served")
		}
	}
}

func TestLimitGivesSlotsBackOnce(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := limit(ln, 1)
	defer l.Close()
	for i := range 3 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		accepted := make(chan net.Conn, 1)
		go func() {
			s, err := l.Accept()
			if err == nil {
				accepted <- s
			}
		}()
		select {
		case s := <-accepted:
			s.Close()
			s.Close() // a second Close must not free a second slot
		case <-time.After(5 * time.Second):
			t.Fatalf("connection %d not accepted after the one before it closed", i)
		}
	}
	if len(l.(*limitListener).slots) != 0 {
		t.Error("slots still taken after every connection closed")
	}
	l.Close()
	if _, err := l.Accept(); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Accept on a closed listener: %v", err)
	}
}
