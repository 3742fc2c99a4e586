package tokens

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
	"github.com/aztoken/aztoken/tokens/emulator/emulatortest"
)

func BenchmarkParseTokenResponseV1(b *testing.B) {
	body, now := []byte(v1Body), time.Now()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseTokenResponse(body, ResourceTarget(armResource), now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseTokenResponseV2(b *testing.B) {
	body, now := []byte(v2Body), time.Now()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseTokenResponse(body, ScopeTarget(armResource+".default"), now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeJWT(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeJWT(appToken); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCacheHit(b *testing.B) {
	now := time.Now()
	f := &countingFetcher{now: func() time.Time { return now }, lifetime: time.Hour}
	c := NewCache(f, func() time.Time { return now })
	ctx := context.Background()
	c.Token(ctx, key, Request{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Token(ctx, key, Request{}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchWorld is the emulator for the fetch benchmarks, which compare the
// engine with the least code that can make the same request.
func benchWorld(b *testing.B) *emulator.Server {
	return emulatortest.Start(b, emulator.Sample())
}

func BenchmarkFetchEngine(b *testing.B) {
	srv := benchWorld(b)
	c := NewClient()
	r := request(srv)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Token(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFetchBareHTTP posts the same form with a plain http.Client and
// only reads the body: the floor the engine is measured against.
func BenchmarkFetchBareHTTP(b *testing.B) {
	srv := benchWorld(b)
	form := url.Values{
		"grant_type": {"client_credentials"}, "client_id": {appID},
		"client_secret": {secretValue}, "resource": {armResource},
	}.Encode()
	u := srv.URL() + "/" + tenantID + "/oauth2/token"
	client := &http.Client{}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.Post(u, "application/x-www-form-urlencoded", strings.NewReader(form))
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatal(resp.Status)
		}
	}
}
