package sharedcache

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/aztoken/aztoken/tokens"
)

// fixedKey is the key two test processes share, as two aztoken processes
// share the keyring's.
type fixedKey []byte

func (k fixedKey) Key(context.Context) ([]byte, error) { return k, nil }

const writerEnv = "AZTOKEN_SHAREDCACHE_WRITER"

// TestTwoProcessesWritingAtOnceNeverCorruptIt runs two copies of this test
// binary that each store and read back the same two entries 300 times:
// every read finds a whole token one of them wrote.
func TestTwoProcessesWritingAtOnceNeverCorruptIt(t *testing.T) {
	if os.Getenv(writerEnv) != "" {
		t.Skip("run by the parent test")
	}
	dir := t.TempDir()
	key := strings.Repeat("ab", 32)
	var procs []*exec.Cmd
	var outputs []*bytes.Buffer
	for i := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestWriterProcess$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), writerEnv+"="+fmt.Sprintf("%s,%s,%d", dir, key, i))
		out := new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs, outputs = append(procs, cmd), append(outputs, out)
	}
	for i, p := range procs {
		err := p.Wait()
		if err != nil || !strings.Contains(outputs[i].String(), "--- PASS: TestWriterProcess") {
			t.Errorf("writer %d: %v\n%s", i, err, outputs[i])
		}
	}
	raw, _ := hex.DecodeString(key)
	c := Open(dir, fixedKey(raw), clock)
	for _, k := range []tokens.CacheKey{dev, {Profile: "e5f6", Identity: "prod", Target: dev.Target}} {
		if tok, ok := c.Get(context.Background(), k); !ok || !strings.HasPrefix(tok.AccessToken, "eyJ") {
			t.Errorf("after both writers: %v, %v", tok, ok)
		}
	}
}

func TestWriterProcess(t *testing.T) {
	spec := os.Getenv(writerEnv)
	if spec == "" {
		t.Skip("only run by TestTwoProcessesWritingAtOnceNeverCorruptIt")
	}
	parts := strings.Split(spec, ",")
	raw, _ := hex.DecodeString(parts[1])
	c := Open(parts[0], fixedKey(raw), clock)
	ctx := context.Background()
	for i := range 300 {
		k := dev
		if i%2 == 1 {
			k = tokens.CacheKey{Profile: "e5f6", Identity: "prod", Target: dev.Target}
		}
		tok := sample(i % 7)
		tok.AccessToken += "-" + parts[2]
		if err := c.Put(ctx, k, tok); err != nil {
			t.Fatal(err)
		}
		// Either writer's token may be there, but always a whole one: a
		// file written in place would be read half-written and missed.
		if got, ok := c.Get(ctx, k); !ok || !strings.HasPrefix(got.AccessToken, "eyJ0eXAiOiJKV1QifQ.") {
			t.Fatalf("the entry just stored reads as %v, %v", got, ok)
		}
	}
}
