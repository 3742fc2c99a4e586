package emulator_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/aztoken/aztoken/tokens/emulator"
)

// A v1 token request and the exact body Entra sends back: every number is a
// JSON string, and the fields come in this order. Only the signed token
// differs from run to run.
func ExampleStart() {
	s, err := emulator.Start(emulator.Config{
		Now: func() time.Time { return time.Unix(1605785866, 0) },
		Tenants: []emulator.Tenant{{
			ID:      "72f988bf-86f1-41af-91ab-2d7cd011db47",
			Domains: []string{"contoso.onmicrosoft.com"},
			Apps: []emulator.App{{
				ClientID: "1671f074-56e2-4c37-873b-b7b07a120b18",
				Secrets:  []emulator.Secret{{Value: "s3cret"}},
			}},
		}},
	})
	if err != nil {
		panic(err)
	}
	defer s.Close()

	resp, err := http.PostForm(s.URL()+"/contoso.onmicrosoft.com/oauth2/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {"1671f074-56e2-4c37-873b-b7b07a120b18"},
		"client_secret": {"s3cret"},
		"resource":      {"https://management.core.windows.net/"},
	})
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	jwt := regexp.MustCompile(`"eyJ[\w-]+\.[\w-]+\.[\w-]+"`)
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	fmt.Println(jwt.ReplaceAllString(string(body), `"eyJ0…"`))
	// Output:
	// 200 OK application/json; charset=utf-8
	// {"token_type":"Bearer","expires_in":"3599","ext_expires_in":"3599","expires_on":"1605789466","not_before":"1605785566","resource":"https://management.core.windows.net/","access_token":"eyJ0…"}
}
