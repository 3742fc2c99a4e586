package profiles_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/aztoken/aztoken/profiles"
)

// A tenant pasted as a whole token URL is refused, with the tenant inside
// it offered as the fix.
func ExampleCheckTenant() {
	_, err := profiles.CheckTenant("https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/oauth2/token\n")
	var fe *profiles.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field.Label()+":", fe.Message)
		fmt.Println("Use", fe.Suggestion)
	}
	// Output:
	// Tenant: This is a URL; the tenant is 11111111-2222-4333-8444-555555555555
	// Use 11111111-2222-4333-8444-555555555555
}

// The file a team shares: no IDs, no secrets.
func ExampleExport() {
	p := profiles.Profile{
		ID:       profiles.NewID(),
		Name:     "Contoso prod",
		Tenant:   "contoso.onmicrosoft.com",
		ClientID: "66666666-7777-4888-9999-aaaaaaaaaaaa",
		Cloud:    "public",
	}
	_ = profiles.Export(os.Stdout, []profiles.Profile{p})
	// Output:
	// {
	//   "aztoken": "profiles",
	//   "schema": 1,
	//   "profiles": [
	//     {
	//       "name": "Contoso prod",
	//       "tenant": "contoso.onmicrosoft.com",
	//       "clientId": "66666666-7777-4888-9999-aaaaaaaaaaaa",
	//       "cloud": "public"
	//     }
	//   ]
	// }
}
